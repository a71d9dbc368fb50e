//! The evaluator: statements and expressions over `value`'s objects.

use std::io::Write;

use crate::engine::random::Rng;

/// One running program: its output, its random stream, its globals.
pub struct Interp {
    pub out: Box<dyn Write>,
    /// numpy's global random stream (`np.random.seed`, `randn`, `rand`, `choice`).
    pub rng: Rng,
}
