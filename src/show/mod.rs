//! Outcomes in, text out: numpy's printing, colour by meaning, the back panels, pictures of the
//! graph, the step and check reports and rendered diagnostics, with prose wrapped to the
//! terminal's width in one place (`wrap`). Nothing here changes a session.
pub mod back;
pub mod check;
pub mod diagnostic;
pub mod names;
pub mod outcome;
pub mod picture;
pub mod plot;
pub mod print;
pub mod progress;
pub mod python;
pub mod step;
pub mod style;
pub mod view;
pub mod wrap;

pub use outcome::render;
pub use view::View;
