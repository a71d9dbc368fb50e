//! Layers the learner writes: a class with `forward` and `backward` is one node of the graph,
//! `back` runs its backward, `check` grades it. The classes here are written for these tests,
//! the book's way (each keeps in forward what backward needs), with the mistakes a learner
//! makes on purpose where a test wants one.

use backprop::app::runner;
use backprop::i18n::Lang;
use backprop::py::workspace::Workspace;
use backprop::session::Session;
use backprop::show::View;
use backprop::show::style::Style;

fn view(lang: Lang) -> View {
    View::new(Style::plain(), 100, lang)
}

/// Runs each input as one REPL input would, in one workspace, in `lang`: what they printed,
/// warnings and errors included.
fn repl_in(lang: Lang, inputs: &[&str]) -> String {
    let mut ws = Workspace::new(Session::new());
    run_in(&mut ws, lang, inputs)
}

fn run_in(ws: &mut Workspace, lang: Lang, inputs: &[&str]) -> String {
    let view = view(lang);
    let mut out = Vec::new();
    for input in inputs {
        let result = runner::run_text(ws, &view, input, &mut out, &mut |_| true);
        let text = runner::diagnostics(&mut ws.session, &result, None, input, &view);
        out.extend_from_slice(text.as_bytes());
    }
    String::from_utf8(out).expect("UTF-8")
}

/// The text with its wrapped lines joined, for sentences that may wrap anywhere.
fn joined(shown: &str) -> String {
    shown.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

fn repl(inputs: &[&str]) -> String {
    repl_in(Lang::En, inputs)
}

/// A product layer: each input's gradient is dout times the other input.
const MUL: &str = "\
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None
    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y
    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy
";

/// A sum layer: dout passes to both inputs as it is.
const ADD: &str = "\
class AddLayer:
    def forward(self, x, y):
        return x + y
    def backward(self, dout):
        return dout * 1, dout * 1
";

const RELU: &str = "\
class Relu:
    def __init__(self):
        self.mask = None
    def forward(self, x):
        self.mask = (x <= 0)
        kept = x.copy()
        kept[self.mask] = 0
        return kept
    def backward(self, dout):
        dout[self.mask] = 0
        return dout
";

const SIGMOID: &str = "\
class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out
    def backward(self, dout):
        return dout * self.out * (1.0 - self.out)
";

const AFFINE: &str = "\
class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b
    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)
";

const LOSS: &str = "\
class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss
    def backward(self, dout=1):
        rows = self.t.shape[0]
        return (self.y - self.t) * dout / rows
";

#[test]
fn the_apple_example_gives_the_book_s_numbers_by_back_and_by_hand() {
    let shown = repl(&[
        MUL,
        "apple = 100; apple_num = 2; tax = 1.1",
        "mul_apple_layer = MulLayer(); mul_tax_layer = MulLayer()",
        "apple_price = mul_apple_layer.forward(apple, apple_num)",
        "price = mul_tax_layer.forward(apple_price, tax)",
        "back price",
        "print(dapple, dapple_num, dtax)",
        "dapple_price, dtax_hand = mul_tax_layer.backward(1)",
        "dapple_hand, dnum_hand = mul_apple_layer.backward(dapple_price)",
        "print(dapple_hand, dnum_hand, dtax_hand)",
    ]);
    assert!(shown.contains("price = 220.00000000000003\n"), "{shown}");
    assert!(shown.contains("dapple = 2.2\n"), "{shown}");
    assert!(
        shown.contains("dapple_num = 110.00000000000001\n"),
        "{shown}"
    );
    // An int: dout * self.x with dout = 1 and x = 200.
    assert!(shown.contains("dtax = 200\n"), "{shown}");
    assert!(shown.contains("\n2.2 110.00000000000001 200\n"), "{shown}");
    assert!(shown.ends_with("\n2.2 110.00000000000001 200\n"), "{shown}");
}

#[test]
fn apples_and_oranges_add_at_the_sum_and_give_the_book_s_five_gradients() {
    let shown = repl(&[
        MUL,
        ADD,
        "apple = 100; apple_num = 2; orange = 150; orange_num = 3; tax = 1.1",
        "m1 = MulLayer(); m2 = MulLayer(); add = AddLayer(); m3 = MulLayer()",
        "apple_price = m1.forward(apple, apple_num); orange_price = m2.forward(orange, orange_num)",
        "all_price = add.forward(apple_price, orange_price)",
        "price = m3.forward(all_price, tax)",
        "back price",
    ]);
    assert!(shown.contains("price = 715.0000000000001\n"), "{shown}");
    for line in [
        "dapple = 2.2\n",
        "dapple_num = 110.00000000000001\n",
        "dorange = 3.3000000000000003\n",
        "dorange_num = 165.0\n",
        "dtax = 650\n",
    ] {
        assert!(shown.contains(line), "{line} in {shown}");
    }
}

#[test]
fn the_relu_matrix_gives_the_mask_and_dx() {
    let shown = repl(&[
        RELU,
        "x = np.array([[1.0, -0.5], [-2.0, 3.0]])",
        "relu_layer = Relu(); out = relu_layer.forward(x)",
        "relu_layer.mask",
        "back out",
    ]);
    assert!(
        shown.contains("[[False  True]\n [ True False]]\n"),
        "{shown}"
    );
    assert!(shown.contains("dx = [[1. 0.]\n      [0. 1.]]\n"), "{shown}");
    // The book's backward writes into its dout: back gave it a copy, and says so once.
    assert!(
        joined(&shown).contains("Relu.backward changed the dout it was given"),
        "{shown}"
    );
}

#[test]
fn the_book_s_layers_are_there_from_the_start_and_from_common_layers() {
    let shown = repl(&[
        "m = MulLayer(); p = m.forward(3.0, 4.0)",
        "back p",
        "from common.layers import *\nfrom common.functions import *\nfrom collections import OrderedDict",
        "a = Affine(np.ones((2, 3)), np.zeros(3)); y = a.forward(np.array([[1.0, 2.0]]))",
        "back y",
        "a.db",
    ]);
    assert!(shown.contains("dp = 1\n"), "{shown}");
    assert!(shown.contains("y = [[3. 3. 3.]]\n"), "{shown}");
    assert!(shown.ends_with("[1. 1. 1.]\n"), "{shown}");
    // A class of the learner's with the same name replaces ours.
    let mine = repl(&[
        "class MulLayer:\n    def forward(self, x, y):\n        return 'mine'\n    def backward(self, dout):\n        return dout, dout\n",
        "MulLayer().forward(1, 2)",
    ]);
    assert!(mine.ends_with("'mine'\n"), "{mine}");
}

#[test]
fn a_python_file_with_the_book_s_imports_runs() {
    let src = "from common.layers import *\nfrom common.functions import *\nfrom collections import OrderedDict\n\
               layers = OrderedDict()\nlayers['m'] = MulLayer()\nprint(layers['m'].forward(100, 2))\n\
               print(layers['m'].backward(1.1))\n";
    let out = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let done = backprop::py::run_file("t.py", src, Box::new(Shared(out.clone())), &view(Lang::En));
    assert!(done.error.is_none(), "{:?}", done.error);
    let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    assert_eq!(text, "200\n(2.2, 110.00000000000001)\n");
}

#[test]
fn check_says_ok_for_each_layer_written_the_book_s_way() {
    for lang in [Lang::En, Lang::Ko] {
        let shown = repl_in(
            lang,
            &[
                MUL,
                ADD,
                RELU,
                SIGMOID,
                AFFINE,
                LOSS,
                "check MulLayer",
                "check AddLayer",
                "check Relu",
                "check Sigmoid",
                "np.random.seed(1); x = np.random.randn(4, 3)",
                "aff = Affine(np.random.randn(3, 5), np.random.randn(5)); y = aff.forward(x)",
                "t = np.eye(5)[[0, 2, 4, 1]]; swl = SoftmaxWithLoss(); loss = swl.forward(y, t)",
                "check loss",
            ],
        );
        let (ok, bad) = match lang {
            Lang::En => ("  ok\n", "MISMATCH"),
            Lang::Ko => ("  일치\n", "불일치"),
        };
        assert!(!shown.contains(bad), "{shown}");
        // Two inputs each for Mul and Add, one each for Relu and Sigmoid; then the whole graph
        // (x, W, b) and each layer (Affine's x, W, b and the loss's x).
        assert_eq!(shown.matches(ok).count(), 2 + 2 + 1 + 1 + 3 + 4, "{shown}");
    }
}

/// A class with a mistake, the statements that grade it, the input the grade must name, and
/// the words that must explain it in each language.
struct Mistake {
    class: &'static str,
    run: &'static [&'static str],
    input: &'static str,
    en: &'static str,
    ko: &'static str,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        class: "class Mul:\n    def forward(self, x, y):\n        self.x = x\n        self.y = y\n        return x * y\n    def backward(self, dout):\n        return dout * self.x, dout * self.y\n",
        run: &["check Mul"],
        input: "x",
        en: "are the two swapped in backward?",
        ko: "둘이 바뀌지 않았나요?",
    },
    Mistake {
        class: "class Relu:\n    def forward(self, x):\n        self.mask = x > 0\n        out = x.copy()\n        out[x <= 0] = 0\n        return out\n    def backward(self, dout):\n        dout[self.mask] = 0\n        return dout\n",
        run: &["check Relu"],
        input: "x",
        en: "look at the mask",
        ko: "mask를 보세요",
    },
    Mistake {
        class: "class Relu:\n    def forward(self, x):\n        out = x.copy()\n        out[x <= 0] = 0\n        self.mask = out < 0\n        return out\n    def backward(self, dout):\n        dout[self.mask] = 0\n        return dout\n",
        run: &["check Relu"],
        input: "x",
        en: "taken from an array changed after?",
        ko: "바뀐 뒤의 배열에서 구하지 않았나요?",
    },
    Mistake {
        class: "class Sigmoid:\n    def forward(self, x):\n        self.x = x\n        return 1 / (1 + np.exp(-x))\n    def backward(self, dout):\n        return dout * (1.0 - self.x) * self.x\n",
        run: &["check Sigmoid"],
        input: "x",
        en: "",
        ko: "",
    },
    Mistake {
        class: "class Affine:\n    def __init__(self, W, b):\n        self.W = W\n        self.b = b\n    def forward(self, x):\n        self.x = x\n        return np.dot(x, self.W) + self.b\n    def backward(self, dout):\n        self.dW = np.dot(dout.T, self.x)\n        self.db = np.sum(dout, axis=0)\n        return np.dot(dout, self.W.T)\n",
        run: &[
            "np.random.seed(2); a = Affine(np.random.randn(3, 4), np.zeros(4))",
            "y = a.forward(np.random.randn(2, 3))",
            "check y",
        ],
        input: "W",
        en: "Affine.dW has shape (4, 3), but Affine.W has shape (3, 4); it looks transposed",
        ko: "Affine.dW의 형상은 (4, 3)인데, Affine.W의 형상은 (3, 4)입니다. 전치된 것 같습니다",
    },
    Mistake {
        class: "class Affine:\n    def __init__(self, W, b):\n        self.W = W\n        self.b = b\n    def forward(self, x):\n        self.x = x\n        return np.dot(x, self.W) + self.b\n    def backward(self, dout):\n        self.dW = np.dot(self.x.T, dout)\n        self.db = dout\n        return np.dot(dout, self.W.T)\n",
        run: &[
            "np.random.seed(2); a = Affine(np.random.randn(3, 4), np.zeros(4))",
            "y = a.forward(np.random.randn(2, 3))",
            "check y",
        ],
        input: "b",
        en: "Affine.db has shape (2, 4), but Affine.b has shape (4,); it still has the batch axis",
        ko: "Affine.db의 형상은 (2, 4)인데, Affine.b의 형상은 (4,)입니다. 배치 축이 남아 있습니다",
    },
    Mistake {
        class: "class SoftmaxWithLoss:\n    def forward(self, x, t):\n        self.t = t\n        self.y = softmax(x)\n        return cross_entropy_error(self.y, t)\n    def backward(self, dout=1):\n        return (self.y - self.t) * dout\n",
        run: &["check SoftmaxWithLoss (4, 3)"],
        input: "x",
        en: "every element is 4 times the right one, and 4 is the batch size",
        ko: "모든 원소가 올바른 값의 4배이고, 4는 배치 크기입니다",
    },
    Mistake {
        class: "class Mul:\n    def forward(self, x, y):\n        return x * y\n    def backward(self, dout):\n        return dout * self.y, dout * self.x\n",
        run: &["check Mul"],
        input: "x",
        en: "forward must keep what backward reads",
        ko: "backward가 읽는 값은 forward가 저장해야 합니다",
    },
    Mistake {
        class: "class Mul:\n    def forward(self, x, y):\n        self.x = x\n        self.y = y\n        return x * y\n    def backward(self, dout):\n        dx = dout * self.y\n        dy = dout * self.x\n",
        run: &["check Mul"],
        input: "y",
        en: "Mul.backward returned None",
        ko: "Mul.backward가 None을 반환했습니다",
    },
];

#[test]
fn check_names_the_input_and_the_pattern_of_each_common_mistake() {
    for lang in [Lang::En, Lang::Ko] {
        let bad = match lang {
            Lang::En => "MISMATCH",
            Lang::Ko => "불일치",
        };
        for m in MISTAKES {
            let mut inputs = vec![m.class];
            inputs.extend(m.run);
            let shown = repl_in(lang, &inputs);
            let row = shown
                .lines()
                .find(|l| {
                    let words: Vec<&str> = l.split_whitespace().collect();
                    words.contains(&m.input) && words.contains(&bad)
                })
                .unwrap_or_else(|| panic!("no {bad} row for {} in {shown}", m.input));
            assert!(row.starts_with("  "), "{row}");
            let words = match lang {
                Lang::En => m.en,
                Lang::Ko => m.ko,
            };
            // The explanation may wrap: compare with the lines joined.
            assert!(joined(&shown).contains(words), "{words} in {shown}");
        }
    }
}

#[test]
fn a_backward_returning_the_wrong_count_says_how_many_it_took() {
    let shown = repl(&[
        "class Mul:\n    def forward(self, x, y):\n        self.x, self.y = x, y\n        return x * y\n    def backward(self, dout):\n        return dout * self.y\n",
        "m = Mul(); z = m.forward(2.0, 3.0)",
        "back z",
        "dz",
    ]);
    assert!(
        shown.contains("ValueError: Mul.backward returned 1 value, forward took 2 inputs (x, y)"),
        "{shown}"
    );
    // Nothing half-made: no gradient is bound.
    assert!(shown.contains("unknown name 'dz'"), "{shown}");
}

#[test]
fn a_broadcast_gradient_is_summed_back_and_a_wrong_shape_is_named() {
    let shown = repl(&[
        "class Bias:\n    def forward(self, x, b):\n        return x + b\n    def backward(self, dout):\n        return dout, dout\n",
        "x = np.ones((2, 3)); b = np.zeros(3); layer = Bias(); y = layer.forward(x, b)",
        "back y",
        "step y",
    ]);
    assert!(shown.contains("db = [2. 2. 2.]\n"), "{shown}");
    assert!(shown.contains("summed back to b's shape"), "{shown}");
    let wrong = repl(&[
        "class Bad:\n    def forward(self, x):\n        return x * 2\n    def backward(self, dout):\n        return dout[0]\n",
        "x = np.ones((2, 3)); y = Bad().forward(x)",
        "back y",
    ]);
    assert!(
        wrong.contains("Bad.backward: the gradient of x has shape (3,), but x has shape (2, 3)"),
        "{wrong}"
    );
}

#[test]
fn parameters_get_their_gradients_and_a_shared_one_adds() {
    let shown = repl(&[
        AFFINE,
        "W = np.ones((2, 2)); b = np.zeros(2)",
        "first = Affine(W, b); second = Affine(W, b)",
        "h = first.forward(np.array([[1.0, 2.0]])); y = second.forward(h)",
        "back y",
        "grad(W)",
        "first.dW + second.dW",
    ]);
    // first.dW = x.T @ (dout @ W.T) = [[2, 2], [4, 4]]; second.dW = h.T @ ones = [[3, 3], [3, 3]].
    assert!(shown.contains("dW = [[5. 5.]\n      [7. 7.]]\n"), "{shown}");
    assert!(
        shown.ends_with("[[5. 5.]\n [7. 7.]]\n[[5. 5.]\n [7. 7.]]\n"),
        "{shown}"
    );
}

#[test]
fn using_one_object_twice_warns_and_a_cache_changed_in_place_is_an_error() {
    for lang in [Lang::En, Lang::Ko] {
        let shown = repl_in(
            lang,
            &[
                MUL,
                "m = MulLayer(); a = np.array([1.0, 2.0]); b = np.array([3.0, 4.0])",
                "y1 = m.forward(a, b)\ny2 = m.forward(y1, b)\n",
                "back y2",
            ],
        );
        let words = match lang {
            Lang::En => {
                "m (MulLayer) ran forward again (y2 = m.forward(y1, b)) after the call this node comes from (y1 = m.forward(a, b))"
            }
            Lang::Ko => {
                "m (MulLayer) 객체가 이 노드를 만든 호출(y1 = m.forward(a, b)) 다음에 forward를 다시 실행했습니다(y2 = m.forward(y1, b))"
            }
        };
        assert!(joined(&shown).contains(words), "{shown}");
        let shown = repl_in(
            lang,
            &[
                MUL,
                "m = MulLayer(); a = np.array([1.0, 2.0]); b = np.array([3.0, 4.0])",
                "y = m.forward(a, b)",
                "a *= 2",
                "back y",
                "dy",
            ],
        );
        let words = match lang {
            Lang::En => {
                "RuntimeError: MulLayer.x was changed in place after forward ran (y = m.forward(a, b))"
            }
            Lang::Ko => {
                "RuntimeError: MulLayer.x가 forward 실행(y = m.forward(a, b)) 뒤에 제자리에서 바뀌었습니다"
            }
        };
        assert!(joined(&shown).contains(words), "{shown}");
        // Nothing bound: `dy` is still unknown.
        assert!(shown.contains("'dy'"), "nothing bound: {shown}");
        assert!(!shown.contains("dy = "), "nothing bound: {shown}");
    }
}

#[test]
fn every_kind_of_write_to_a_cache_after_forward_is_caught() {
    // Each statement writes to `a` (which MulLayer cached as x) or to a view of it; even one that
    // leaves every value as it was counts, as a write does in PyTorch's autograd.
    for write in [
        "a *= 2",
        "a += 0",
        "a[0] = 5.0",
        "a[1:] = 7.0",
        "a[a > 2] = 0.0",
        "a[:] = a",
        "a.fill(1.0)",
        "a.sort()",
        "np.random.shuffle(a)",
        // A view shares its array's buffer (the session's own `a[1:]` is a copy: a function's
        // is numpy's view).
        "def through_view(x):\n    v = x[1:]\n    v -= 1\n\nthrough_view(a)",
        "a.T[0] = 9.0",
    ] {
        let shown = repl(&[
            MUL,
            "m = MulLayer(); a = np.array([3.0, 1.0, 2.0]); b = np.array([3.0, 4.0, 5.0])",
            "y = m.forward(a, b)",
            write,
            "back y",
        ]);
        assert!(
            joined(&shown).contains(
                "RuntimeError: MulLayer.x was changed in place after forward ran (y = m.forward(a, b))"
            ),
            "{write}: {shown}"
        );
    }
    // A write to another array, or a new array bound to the name, is no change to the cache.
    for write in ["b2 = a.copy()\nb2 *= 2", "a = a * 2"] {
        let shown = repl(&[
            MUL,
            "m = MulLayer(); a = np.array([3.0, 1.0, 2.0]); b = np.array([3.0, 4.0, 5.0])",
            "y = m.forward(a, b)",
            write,
            "back y",
        ]);
        assert!(shown.contains("db = [3. 1. 2.]\n"), "{write}: {shown}");
        assert!(!shown.contains("RuntimeError"), "{write}: {shown}");
    }
}

#[test]
fn check_nudges_a_parameter_and_puts_it_back_unchanged_for_back() {
    let shown = repl(&[
        AFFINE,
        "W = np.array([[1.0, 2.0], [3.0, 4.0]]); b = np.array([0.5, -0.5])",
        "layer = Affine(W, b); x = np.array([[1.0, 2.0]])",
        "y = layer.forward(x)",
        "check y",
        "back y",
        "W *= 2",
        "back y",
    ]);
    assert!(!shown.contains("MISMATCH"), "{shown}");
    assert!(shown.contains("dx = [[3. 7.]]\n"), "{shown}");
    // The learner's own write after the check is still seen.
    assert!(
        joined(&shown).contains("RuntimeError: Affine.W was changed in place after forward ran"),
        "{shown}"
    );
}

/// A layer that writes into the dout it is given and returns it.
const ZAP: &str = "\
class Zap:
    def forward(self, x):
        return x + 0.0
    def backward(self, dout):
        dout[0] = 100.0
        return dout
";

/// A layer that keeps the dout it is given.
const KEEP: &str = "\
class Keep:
    def forward(self, x):
        return x + 0.0
    def backward(self, dout):
        self.d = dout
        return dout * 1.0
";

#[test]
fn a_backward_that_writes_or_keeps_its_dout_leaves_the_walk_s_gradients_alone() {
    let shown = repl(&[
        MUL,
        ZAP,
        "m = MulLayer(); z = Zap(); x = np.array([1.0, 2.0])",
        "h = m.forward(x, 2.0)",
        "y = z.forward(h)",
        "back y",
        "dy, dh",
    ]);
    assert!(shown.contains("dx = [200.   2.]\n"), "{shown}");
    assert!(
        joined(&shown).contains("Zap.backward changed the dout it was given"),
        "{shown}"
    );
    // The walk's own gradients are as they were: dy is the seed, dh what Zap returned.
    assert!(
        shown.ends_with("(array([1., 1.]), array([100.,   1.]))\n"),
        "{shown}"
    );
    let shown = repl(&[
        MUL,
        KEEP,
        "m = MulLayer(); k = Keep(); x = np.array([1.0, 2.0])",
        "h = m.forward(x, 2.0)",
        "y = k.forward(h)",
        "back y",
        "k.d[0] = 7.0",
        "dy, dh, k.d",
    ]);
    assert!(shown.contains("dx = [2. 2.]\n"), "{shown}");
    assert!(!shown.contains("changed the dout"), "{shown}");
    assert!(
        shown.ends_with("(array([1., 1.]), array([1., 1.]), array([7., 1.]))\n"),
        "{shown}"
    );
}

#[test]
fn step_and_graph_show_a_learner_s_node_by_its_class() {
    let shown = repl(&[
        MUL,
        "m = MulLayer(); p = m.forward(3.0, 4.0)",
        "step p",
        "graph p",
    ]);
    assert!(shown.contains("[1/1] MulLayer  p = m.forward"), "{shown}");
    assert!(shown.contains("self.x = 3.0, self.y = 4.0"), "{shown}");
    assert!(shown.contains("dx = 4.0  →"), "{shown}");
    assert!(shown.contains("┤ MulLayer m ├─ p 12.0"), "{shown}");
}

#[test]
fn a_training_loop_leaves_no_trail_of_nodes() {
    let mut ws = Workspace::new(Session::new());
    let shown = run_in(
        &mut ws,
        Lang::En,
        &[
            RELU,
            "layer = Relu()\nfor i in range(3000):\n    y = layer.forward(np.ones(4) * i)\n",
            "back y",
        ],
    );
    assert!(shown.contains("dy = [1. 1. 1. 1.]\n"), "{shown}");
    assert!(
        ws.interp.tape.nodes.len() < 200,
        "{}",
        ws.interp.tape.nodes.len()
    );
}

#[test]
fn a_loop_that_rebinds_its_loss_keeps_the_chain_of_the_last_one_only() {
    let mut ws = Workspace::new(Session::new());
    let shown = run_in(
        &mut ws,
        Lang::En,
        &[
            MUL,
            "a = MulLayer(); m = MulLayer()\np = 3.0; q = 4.0\nfirst = a.forward(p, q)",
            "for i in range(100):\n    w = i + 0.25\n    loss = m.forward(w, 2.0)\n",
        ],
    );
    // `first` still holds its number, so its node stays, however many losses came after; of
    // the hundred losses only the one `loss` holds now does.
    let nodes = ws.interp.tape.nodes.len();
    assert!((2..=4).contains(&nodes), "{nodes} nodes\n{shown}");
    let shown = run_in(&mut ws, Lang::En, &["back first", "back loss"]);
    assert!(shown.contains("dp = 4.0\ndq = 3.0\n"), "{shown}");
    assert!(shown.contains("dw = 2.0\n"), "{shown}");
}

/// The book's two-layer network, in an OrderedDict, from the learner's own classes.
const NET: &str = "\
from collections import OrderedDict
from dataset.digits import load_digits

class TwoLayerNet:
    def __init__(self, n_in, n_hidden, n_out):
        self.params = {}
        self.params['W1'] = 0.1 * np.random.randn(n_in, n_hidden)
        self.params['b1'] = np.zeros(n_hidden)
        self.params['W2'] = 0.1 * np.random.randn(n_hidden, n_out)
        self.params['b2'] = np.zeros(n_out)
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.lastLayer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        guess = np.argmax(self.predict(x), axis=1)
        return np.sum(guess == np.argmax(t, axis=1)) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        grads = {}
        grads['W1'] = self.layers['Affine1'].dW
        grads['b1'] = self.layers['Affine1'].db
        grads['W2'] = self.layers['Affine2'].dW
        grads['b2'] = self.layers['Affine2'].db
        return grads

(x_train, t_train), (x_test, t_test) = load_digits(one_hot_label=True)
";

fn train(step: &str) -> String {
    let program = format!(
        "np.random.seed(4)\nnet = TwoLayerNet(64, 50, 10)\nfor i in range(600):\n    \
         pick = np.random.choice(x_train.shape[0], 100)\n    xb = x_train[pick]\n    tb = t_train[pick]\n\
         {step}\nprint(net.accuracy(x_test, t_test) >= 0.95, net.accuracy(x_test, t_test))\n"
    );
    repl(&[MUL, RELU, AFFINE, LOSS, NET, &program])
}

#[test]
fn a_two_layer_network_of_the_learner_s_classes_learns_the_digits_both_ways() {
    let by_back = train(
        "    loss = net.loss(xb, tb)\n    back loss\n    for k in ('W1', 'b1', 'W2', 'b2'):\n        net.params[k] -= 0.1 * grad(net.params[k])\n",
    );
    let by_hand = train(
        "    grads = net.gradient(xb, tb)\n    for k in ('W1', 'b1', 'W2', 'b2'):\n        net.params[k] -= 0.1 * grads[k]\n",
    );
    assert!(by_back.contains("\nTrue 0.9"), "{by_back}");
    assert!(by_hand.contains("\nTrue 0.9"), "{by_hand}");
    // The same gradients, so the same network: the same accuracy to the last digit.
    let last = |s: &str| s.lines().last().unwrap_or_default().to_string();
    assert_eq!(last(&by_back), last(&by_hand));
    // And on one batch, the gradients agree to 1e-12.
    let shown = repl(&[
        MUL,
        RELU,
        AFFINE,
        LOSS,
        NET,
        "np.random.seed(5); net = TwoLayerNet(64, 50, 10); xb = x_train[:20]; tb = t_train[:20]",
        "loss = net.loss(xb, tb)",
        "back loss",
        "grads = net.gradient(xb, tb)",
        "worst = 0.0\nfor k in grads:\n    worst = np.maximum(worst, np.max(np.abs(grad(net.params[k]) - grads[k])))\n",
        "print(worst <= 1e-12, worst)",
    ]);
    assert!(shown.contains("\nTrue "), "{shown}");
}

#[test]
fn gradients_add_where_a_value_forks_and_check_puts_the_cache_back() {
    let shown = repl(&[
        MUL,
        ADD,
        "x = np.array([1.0, 2.0]); m1 = MulLayer(); m2 = MulLayer(); s = AddLayer()",
        "y = s.forward(m1.forward(x, 2.0), m2.forward(x, 3.0))",
        "back y",
        "check y",
        "m1.x is x, m1.y",
    ]);
    assert!(shown.contains("dx = [5. 5.]\n"), "{shown}");
    assert!(!shown.contains("MISMATCH"), "{shown}");
    // check ran forward on nudged copies; the objects hold what they held before.
    assert!(shown.ends_with("(True, 2.0)\n"), "{shown}");
}

#[test]
fn the_session_s_back_goes_on_into_the_learner_s_layers() {
    let shown = repl(&[
        AFFINE,
        "x = np.array([[1.0, 2.0]]); W = np.array([[1.0, -1.0], [0.5, 2.0]]); b = np.zeros(2)",
        "layer = Affine(W, b); h = layer.forward(x)",
        // `relu` and `sum` are the graph's own: the session records them.
        "y = sum(relu(h))",
        "back y",
        "grad(W)",
    ]);
    // h = [[2, 3]]: both pass relu, so dh = [[1, 1]] and dW = x.T @ dh.
    assert!(shown.contains("dh = [[1. 1.]]\n"), "{shown}");
    assert!(shown.contains("dx = [[0.  2.5]]\n"), "{shown}");
    assert!(shown.ends_with("[[1. 1.]\n [2. 2.]]\n"), "{shown}");
}

#[test]
fn a_number_the_graph_computed_is_the_session_s_even_when_a_layer_gave_the_same() {
    let shown = repl(&[
        MUL,
        "m = MulLayer(); p = m.forward(100, 2)",
        "a = 100; b = a * 2",
        "back b",
    ]);
    // b is 200 as p is, but the graph made b: its back is the session's, with da.
    assert!(shown.contains("da = 2\n"), "{shown}");
    assert!(!shown.contains("dx"), "{shown}");
}

#[test]
fn bad_graph_statements_on_a_learner_s_value_say_what_is_wrong_where() {
    let shown = repl(&[
        MUL,
        "m = MulLayer(); p = m.forward(np.ones((2, 2)), 3.0)",
        "back p (",
        "back p np.ones((3, 3))",
        "pair = (p, p)",
        "back pair",
        "check MulLayer (10000, 10000)",
        "check p sample 3",
    ]);
    // The dout's own error, at the statement (not somewhere in the dout's text).
    assert!(
        shown.contains("SyntaxError: '(' was never closed\nback p (\n^"),
        "{shown}"
    );
    assert!(
        joined(&shown).contains(
            "dout 'np.ones((3, 3))' has shape (3, 3), but the value it starts from has shape (2, 2)"
        ),
        "{shown}"
    );
    assert!(
        joined(&shown).contains("TypeError: back needs an array or a number, and pair is a tuple"),
        "{shown}"
    );
    assert!(
        joined(&shown).contains("'(10000, 10000)' is not a shape check can draw"),
        "{shown}"
    );
    assert!(shown.contains("with dout = ones,"), "{shown}");
    assert!(shown.contains("compared 3 of 4 elements"), "{shown}");
}

#[test]
fn a_learner_s_walk_goes_on_into_what_the_graph_statements_computed() {
    let shown = repl(&[
        "class Double:\n    def forward(self, x):\n        return x * 2\n    def backward(self, dout):\n        return dout * 2\n",
        "x = np.array([1.0, -2.0, 3.0]); W = np.array([2.0, 2.0, 2.0])",
        // The session records these: h is a node of its graph, not a leaf.
        "h = relu(x * W)",
        "layer = Double(); y = layer.forward(h)",
        "back y",
        "print(dh, dx, grad(W))",
    ]);
    assert!(shown.contains("dh = [2. 2. 2.]\n"), "{shown}");
    // Through relu and the product: dx = dh * W where x * W > 0, and dW = dh * x there.
    assert!(shown.contains("dx = [4. 0. 4.]\n"), "{shown}");
    assert!(
        shown.ends_with("[2. 2. 2.] [4. 0. 4.] [ 2. -0.  6.]\n"),
        "{shown}"
    );
    assert!(!shown.contains("__"), "no temporary name shows: {shown}");
}

#[test]
fn grad_of_a_parameter_is_the_layer_s_own_dw_as_the_book_s_gradient_hands_it_on() {
    // A layer with a weight `W` and its `dW`; two layers sharing one weight get a new array,
    // the sum.
    let scale = "\
class Scale:
    def __init__(self, W):
        self.W = W
        self.dW = None
    def forward(self, x):
        self.x = x
        return x * self.W
    def backward(self, dout):
        self.dW = dout * self.x
        return dout * self.W
";
    let shown = repl(&[
        scale,
        "W = np.array([2.0, 3.0]); one = Scale(W)",
        "y = one.forward(np.array([1.0, 5.0]))",
        "back y",
        "print(grad(W) is one.dW, grad(W))",
        "V = np.array([1.0, 1.0]); a = Scale(V); b = Scale(V)",
        "z = b.forward(a.forward(np.array([2.0, 4.0])))",
        "back z",
        "print(grad(V) is a.dW, grad(V) is b.dW, grad(V))",
    ]);
    assert!(shown.contains("True [1. 5.]\n"), "{shown}");
    assert!(shown.contains("False False [4. 8.]\n"), "{shown}");
}

#[test]
fn a_loss_bound_to_a_second_name_keeps_its_chain_after_the_first_is_rebound() {
    // `first = loss` at the top level makes `first` hold the node too.
    let mut ws = Workspace::new(Session::new());
    let shown = run_in(
        &mut ws,
        Lang::En,
        &[
            MUL,
            "p = 2.0; q = 5.0\nloss = MulLayer().forward(p, q)",
            "first = loss",
            "for i in range(100):\n    loss = MulLayer().forward(i + 0.5, 3.0)\n",
        ],
    );
    let nodes = ws.interp.tape.nodes.len();
    assert!((2..=5).contains(&nodes), "{nodes} nodes\n{shown}");
    let shown = run_in(&mut ws, Lang::En, &["back first"]);
    assert!(shown.contains("dp = 5.0\ndq = 2.0\n"), "{shown}");
    assert!(shown.contains("dfirst = 1\n"), "{shown}");
}
