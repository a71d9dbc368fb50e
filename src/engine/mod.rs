//! The numbers: values, numpy's broadcasting, the random stream, the graph and its layers. No
//! text a user reads is made here, no names and no colour; errors are catalogue messages.
pub mod arena;
pub mod digits;
pub mod gemm;
pub mod gradcheck;
pub mod graph;
pub mod interrupt;
pub mod layers;
pub mod memory;
pub mod random;
pub mod shape;
pub mod value;
