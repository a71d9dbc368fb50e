//! Pictures of the computational graph: `graph NAME` in the terminal, and Graphviz DOT.

use crate::graph::NodeId;
use crate::session::Session;
use crate::style::Style;

/// `graph NAME`: the graph that produced `output`, drawn for a terminal `width` columns wide.
pub fn render(session: &Session, output: NodeId, width: usize, style: &Style) -> String {
    let _ = (session, output, width, style);
    String::from("(graph pictures are not drawn yet)\n")
}

/// `graph NAME --dot`: the same graph as Graphviz DOT.
pub fn dot(session: &Session, output: NodeId) -> String {
    let _ = (session, output);
    String::from("digraph backprop {}\n")
}
