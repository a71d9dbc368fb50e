//! The layer objects of chapter 5, one file each, written to be read beside the book's Python.
//!
//! A layer's `forward` computes its output and caches what `backward` will need; `backward(dout)`
//! returns the gradient of each input. Layers know nothing of names, of the graph, or of
//! broadcasting: the graph checks shapes before `forward`, and sums each gradient back to its
//! input's shape after `backward`. Gradients come back in the broadcast shape of the output.
//!
//! No layer changes an array it was given: every `backward` returns new arrays.

mod add;
mod div;
mod exp;
mod mul;
mod neg;
mod relu;
mod sigmoid;
mod sub;

pub use add::AddLayer;
pub use div::DivLayer;
pub use exp::ExpLayer;
pub use mul::MulLayer;
pub use neg::NegLayer;
pub use relu::Relu;
pub use sigmoid::Sigmoid;
pub use sub::SubLayer;

/// The Rust source of each layer, as compiled into this binary, for `:help LAYER`.
pub fn source(layer: &str) -> Option<&'static str> {
    Some(match layer {
        "add" => include_str!("add.rs"),
        "mul" => include_str!("mul.rs"),
        "relu" => include_str!("relu.rs"),
        "sigmoid" => include_str!("sigmoid.rs"),
        "exp" => include_str!("exp.rs"),
        "div" => include_str!("div.rs"),
        "neg" => include_str!("neg.rs"),
        "sub" => include_str!("sub.rs"),
        _ => return None,
    })
}
