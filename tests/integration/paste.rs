//! The seed post's code blocks, written again in our own words with the same shape (classes
//! with blank lines inside them, lines with trailing spaces, `# comments`, a statement right
//! after a class), pasted into the REPL as a terminal pastes them.

use crate::repl::{Pty, leave, plain, shown_until_next_prompt};
use expectrl::Expect;

/// Pastes `text` with bracketed paste, as a terminal sends it, and presses Enter; what the
/// terminal showed until the next prompt.
fn paste(session: &mut Pty, text: &str) -> String {
    session
        .send(format!("\u{1b}[200~{text}\u{1b}[201~"))
        .expect("pasted");
    session.send("\r").expect("Enter");
    shown_until_next_prompt(session)
}

const LAYERS: &str = "class AddLayer:
    def __init__(self):
        pass

    def forward(self, a, b):
        total = a + b

        return total

    def backward(self, dout):
        return dout * 1, dout * 1    

class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None
        
    def forward(self, x, y):
        self.x = x  # kept for backward
        self.y = y              
        return x * y

    def backward(self, dout):
        # each input's gradient is dout times the other input
        return dout * self.y, dout * self.x
";

const APPLES: &str = "apple = 100
apple_num = 2
tax = 1.1

mul_apple_layer = MulLayer()
mul_tax_layer = MulLayer()

apple_price = mul_apple_layer.forward(apple, apple_num)
price = mul_tax_layer.forward(apple_price, tax)

dprice = 1
dapple_price, dtax = mul_tax_layer.backward(dprice)
dapple, dapple_num = mul_apple_layer.backward(dapple_price)
print(price)
print(dapple, dapple_num, dtax)
";

const RELU: &str = "import numpy as np

class Relu:
    def __init__(self):
        self.mask = None
        
    def forward(self, x):
        self.mask = x <= 0          # the cells that let nothing through
        kept = x.copy()
        kept[self.mask] = 0
        
        return kept
    
    def backward(self, dout):
        passed = dout.copy()
        passed[self.mask] = 0
        return passed
x = np.array([[1.0, -0.5], [-2.0, 3.3]])
print(x)

mask = (x <= 0)
print(mask)
";

const SIGMOID: &str = "class Sigmoid:
    def __init__(self):
        self.y = None
        
    def forward(self, x):
        self.y = 1.0 / (1.0 + np.exp(-x))
        
        return self.y
    
    def backward(self, dout):
        y = self.y
        return dout * y * (1.0 - y)

s = Sigmoid()
y = s.forward(np.array([0.0, 2.0]))
print(s.backward(np.ones(2)))
";

#[test]
fn the_seed_post_blocks_pasted_with_blank_lines_inside_classes_run() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    let shown = paste(&mut session, LAYERS);
    assert!(!shown.contains("Error"), "{shown:?}");
    let shown = paste(&mut session, APPLES);
    assert!(shown.contains("\n220.00000000000003\r"), "{shown:?}");
    assert!(
        shown.contains("\n2.2 110.00000000000001 200\r"),
        "{shown:?}"
    );
    let shown = paste(&mut session, RELU);
    assert!(
        shown.contains("\n[[ 1.  -0.5]\r\n [-2.   3.3]]\r"),
        "print(x) shows numpy's output: {shown:?}"
    );
    assert!(
        shown.contains("\n[[False  True]\r\n [ True False]]\r"),
        "print(mask) shows numpy's output: {shown:?}"
    );
    // The class made from the block works on the array the block made.
    let shown = crate::repl::run(
        &mut session,
        "r = Relu(); print(r.forward(x), r.backward(np.ones((2, 2))))",
    );
    assert!(
        shown.contains("[[1.  0. ]\r\n [0.  3.3]] [[1. 0.]\r\n [0. 1.]]"),
        "{shown:?}"
    );
    let shown = paste(&mut session, SIGMOID);
    assert!(shown.contains("\n[0.25       0.10499359]\r"), "{shown:?}");
    leave(session);
}

#[test]
fn a_block_typed_line_by_line_ends_at_an_empty_line_and_is_one_history_entry() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    crate::repl::run(&mut session, "def twice(v):");
    crate::repl::run(&mut session, "    return 2 * v");
    // The empty line closes the block.
    crate::repl::run(&mut session, "");
    let shown = crate::repl::run(&mut session, "twice(21)");
    assert!(shown.contains("\n42\r"), "{shown:?}");
    // Up twice: the whole block comes back as one entry.
    session.send("\u{1b}[A\u{1b}[A").expect("Up, Up");
    session
        .expect("return 2 * v")
        .expect("the block's body came back with its header");
    session.send("\u{3}").expect("Ctrl-C clears the line");
    shown_until_next_prompt(&mut session);
    leave(session);
}

#[test]
fn tab_after_a_dot_completes_attributes_and_methods() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    crate::repl::run(
        &mut session,
        "class Layer:\r    def __init__(self):\r        self.weight = 1\r",
    );
    crate::repl::run(&mut session, "layer = Layer()");
    session.send("layer.we\t").expect("Tab");
    session
        .expect("layer.weight")
        .expect("the attribute completes");
    session.send("\r").expect("Enter");
    let shown = shown_until_next_prompt(&mut session);
    assert!(shown.contains("\n1\r"), "{shown:?}");
    session.send("np.zeros_l\t").expect("Tab");
    session
        .expect("np.zeros_like")
        .expect("numpy's names complete");
    session.send("\u{3}").expect("Ctrl-C clears the line");
    shown_until_next_prompt(&mut session);
    leave(session);
}
