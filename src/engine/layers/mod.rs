//! The layer objects of chapter 5, one file each, written to be read beside the book's Python.
//!
//! A layer's `forward` computes its output and caches what `backward` will need; `backward(dout)`
//! returns the gradient of each input. Layers know nothing of names, of the graph, or of
//! broadcasting: the graph checks shapes before `forward`, and sums each gradient back to its
//! input's shape after `backward`. Gradients come back in the broadcast shape of the output.
//!
//! No layer changes an array it was given: every `backward` returns new arrays.

pub mod common;
pub mod error;

mod add;
mod affine;
pub mod cross_entropy;
mod div;
mod exp;
pub mod index;
mod log;
pub mod matmul;
mod mul;
mod neg;
mod pow;
mod reduce;
mod relu;
pub mod reshape;
mod sigmoid;
mod softmax;
mod softmax_with_loss;
mod sqrt;
mod sub;
mod tanh;

pub use add::AddLayer;
pub use affine::Affine;
pub use div::DivLayer;
pub use error::LayerError;
pub use exp::ExpLayer;
pub use index::{Index, IndexSpec};
pub use log::Log;
pub use matmul::MatMul;
pub use mul::MulLayer;
pub use neg::NegLayer;
pub use pow::Pow;
pub use reduce::{Max, Mean, Sum};
pub use relu::Relu;
pub use reshape::{Reshape, Transpose};
pub use sigmoid::Sigmoid;
pub use softmax::Softmax;
pub use softmax_with_loss::SoftmaxWithLoss;
pub use sqrt::Sqrt;
pub use sub::SubLayer;
pub use tanh::Tanh;

/// The check functions, by layer, for the graph to call before `forward`.
pub mod checks {
    pub use super::affine::check_shapes as affine;
    pub use super::cross_entropy::{check_labels as labels, check_shapes as cross_entropy};
    pub use super::index::check_assign as assign;
    pub use super::matmul::check_shapes as matmul;
    pub use super::pow::check_shapes as pow;
    pub use super::reshape::resolve_shape as reshape;
    pub use super::softmax::check_shape as softmax;
}
