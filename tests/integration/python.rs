//! `.py` files: Python's semantics and output, Python's exceptions with a traceback in both
//! languages, and the book's two-layer network trained from a file.

use backprop::i18n::Lang;
use backprop::py::run_to_string;
use backprop::show::style::Style;
use backprop::show::view::View;

fn view(lang: Lang) -> View {
    View::new(Style::plain(), 100, lang)
}

fn run(src: &str) -> (String, Option<String>) {
    run_to_string("t.py", src, &view(Lang::En))
}

/// Runs `src`, which must fail, in both languages: (English error, Korean error).
fn fails(src: &str) -> (String, String) {
    let (_, en) = run_to_string("t.py", src, &view(Lang::En));
    let (_, ko) = run_to_string("t.py", src, &view(Lang::Ko));
    (
        en.expect("the program fails in English"),
        ko.expect("the program fails in Korean"),
    )
}

/// A program whose innermost call raises: a traceback through `outer` and `inner`.
fn through_two_calls(body: &str) -> String {
    format!(
        "def inner(v):\n    {body}\n\ndef outer(v):\n    return inner(v)\n\nprint('before')\nresult = outer(3)\nprint('never')\n"
    )
}

#[test]
fn every_exception_kind_is_named_with_a_traceback_through_two_calls_in_both_languages() {
    let cases = [
        (
            "TypeError",
            "return v + 'a'",
            "unsupported operand type(s) for +: 'int' and 'str'",
        ),
        (
            "ValueError",
            "return int('x' * v)",
            "invalid literal for int() with base 10: 'xxx'",
        ),
        ("IndexError", "return [1, 2][v]", "list index out of range"),
        ("KeyError", "return {'a': 1}['b']", "KeyError: 'b'"),
        (
            "AttributeError",
            "return v.shape",
            "'int' object has no attribute 'shape'",
        ),
        ("ZeroDivisionError", "return v / 0", "division by zero"),
        ("NameError", "return v + w", "name 'w' is not defined"),
    ];
    for (kind, body, message) in cases {
        let src = through_two_calls(body);
        let (out, _) = run(&src);
        assert_eq!(
            out, "before\n",
            "{kind}: what ran before the error stays printed"
        );
        let (en, ko) = fails(&src);
        for text in [&en, &ko] {
            assert!(text.contains(&format!("{kind}: ")), "{kind} named:\n{text}");
            // outermost first, innermost last, as Python lists them
            let module = text.find("<module>").expect("the module frame");
            let outer = text.find("outer").expect("the outer frame");
            let inner = text.rfind("inner").expect("the inner frame");
            assert!(
                module < outer && outer < inner,
                "{kind}: frames in order:\n{text}"
            );
            assert!(
                text.contains("t.py:2:"),
                "{kind}: the place of the fault:\n{text}"
            );
        }
        assert!(en.contains("Traceback (most recent call last):"), "{en}");
        assert!(en.contains("line 8, in <module>"), "{en}");
        assert!(en.contains("line 5, in outer"), "{en}");
        assert!(en.contains("line 2, in inner"), "{en}");
        assert!(en.contains(message), "{kind}: CPython's words:\n{en}");
        assert!(ko.contains("역추적"), "{ko}");
        assert!(ko.contains("8번째 줄, <module> 안"), "{ko}");
        assert_ne!(en, ko, "{kind}: the Korean text is not the English one");
    }
}

#[test]
fn recursion_past_a_thousand_calls_is_a_recursion_error_not_a_crash() {
    let src = "def down(n):\n    return down(n + 1)\n\ndown(0)\n";
    let (en, ko) = fails(src);
    assert!(
        en.contains("RecursionError: maximum recursion depth exceeded"),
        "{en}"
    );
    assert!(ko.contains("RecursionError"), "{ko}");
    // a long traceback is cut to its ends
    assert!(en.contains("more calls"), "{en}");
    assert!(en.lines().count() < 60, "{en}");
    // and a deep but allowed recursion runs
    let (out, err) =
        run("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nprint(depth(900))\n");
    assert_eq!((out.as_str(), err), ("900\n", None));
}

#[test]
fn a_failed_statement_stops_where_python_stops_it() {
    let src = "log = []\ndef work():\n    log.append(1)\n    x = 1 / 0\n    log.append(2)\ntry:\n    work()\nexcept ZeroDivisionError as e:\n    print('caught', e)\nprint(log)\ny = 5\ntry:\n    y = [1][3]\nexcept IndexError:\n    pass\nprint(y)\n";
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, "caught division by zero\n[1]\n5\n");
}

/// A function's locals live in slots: parameters of every kind, closures over them, names
/// bound by `for`, `except … as`, `import` and `del`, recursion, and methods whose class
/// changes between calls all read what CPython 3.11 prints for the same program (`g`, whose
/// parameter is declared global, CPython refuses to compile; here it must not crash, and the
/// parameter stays local).
#[test]
fn locals_in_slots_read_and_bind_as_python_does() {
    let src = "\
def f(a, b=2, *rest, k=3, **kw):
    for i in range(2):
        a = a + i
    try:
        1 / 0
    except ZeroDivisionError as e:
        msg = str(e)
    import math
    del b
    return a, rest, k, sorted(kw), msg, math.floor(2.5)
print(f(1, 5, 6, 7, k=8, z=9))
print(f(10))
def outer(n):
    total = n
    def inner(m):
        nonlocal total
        total = total + m
        return total
    inner(1)
    return inner(2)
print(outer(10))
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(20))
def g(x):
    global x
    x = x + 1
    return x
print(g(1))
class A:
    def m(self):
        return 'A'
a = A()
print([a.m() for _ in range(2)])
A.m = lambda self: 'changed'
print(a.m())
def unbound():
    print(later)
    later = 1
try:
    unbound()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
";
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(
        out,
        "(2, (6, 7), 8, ['z'], 'division by zero', 2)\n\
         (11, (), 3, [], 'division by zero', 2)\n\
         13\n\
         2432902008176640000\n\
         2\n\
         ['A', 'A']\n\
         changed\n\
         UnboundLocalError cannot access local variable 'later' where it is not associated with a value\n"
    );
}

/// A `return` carries its value out through loops and `try` blocks to the call it ends; a
/// `finally` that calls functions of its own (which return too) does not change it, and a
/// `finally` that returns does.
#[test]
fn a_return_keeps_its_value_through_finally_and_loops() {
    let src = "\
def two():
    return 2
def through_finally():
    try:
        return 1
    finally:
        two()
def finally_returns():
    try:
        return 1
    finally:
        return 3
def from_a_loop():
    for i in range(5):
        while True:
            try:
                if i == 2:
                    return [i, two()]
            finally:
                two()
            break
def raises_in_finally():
    try:
        return 'lost'
    finally:
        1 / 0
try:
    raises_in_finally()
except ZeroDivisionError:
    print('raised')
print(through_finally(), finally_returns(), from_a_loop(), (lambda x: x + 1)(4), two())
";
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, "raised\n1 3 [2, 2] 5 2\n");
}

#[test]
fn the_two_layer_network_trains_from_a_file_as_cpython_prints_it() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/two_layer_net.py"
    ))
    .expect("the example exists");
    let want = include_str!("../data/two_layer_net.expected");
    let (out, err) = run(&src);
    assert_eq!(err, None);
    let got_lines: Vec<&str> = out.lines().collect();
    let want_lines: Vec<&str> = want.lines().collect();
    assert_eq!(got_lines.len(), want_lines.len(), "{out}");
    for (g, w) in got_lines.iter().zip(&want_lines) {
        let same_words = g.split_whitespace().count() == w.split_whitespace().count();
        let close = g.split_whitespace().zip(w.split_whitespace()).all(|(a, b)| {
            a == b
                || matches!((a.trim_end_matches(',').parse::<f64>(), b.trim_end_matches(',').parse::<f64>()),
                    (Ok(x), Ok(y)) if (x - y).abs() <= 2e-6)
        });
        assert!(same_words && close, "want {w:?}, got {g:?}");
    }
    assert!(out.contains("test accuracy 0.9"), "{out}");
}

/// Runs `src` as `s.py` through the binary under `ulimit -v KB`: (stdout, stderr, exit code,
/// or -1 when a signal ended it).
fn run_limited(src: &str, kb: usize) -> (String, String, i32) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("s.py");
    std::fs::write(&path, src).expect("the file is written");
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            &format!("ulimit -v {kb} && exec \"$0\" run \"$1\""),
            crate::support::bin(),
            path.to_str().expect("UTF-8"),
        ])
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("sh runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        crate::support::unwrapped(&String::from_utf8_lossy(&output.stderr)),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn memory_the_system_refuses_is_a_memory_error_and_deep_calls_never_overflow() {
    for kb in [300_000, 120_000] {
        let (_, err, code) = run_limited("a = [0] * 100000000\n", kb);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("MemoryError"), "{err}");
        let (_, err, code) = run_limited("a = []\nwhile True:\n    a.append(len(a))\n", kb);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("MemoryError"), "{err}");
        let (_, err, code) = run_limited("import numpy as np\na = np.zeros((30000, 30000))\n", kb);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("MemoryError"), "{err}");
        // A smaller stack under the limit: the recursion limit comes down with it, and the
        // program gets a RecursionError where the stack would have run out.
        let src = "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(995))\n";
        let (out, err, code) = run_limited(src, kb);
        assert!(
            (code == 0 && out == "995\n")
                || (code == 1 && err.contains("RecursionError: maximum recursion depth exceeded")),
            "{kb} KB: code {code}\n{out}{err}"
        );
    }
}

#[test]
fn objects_that_hold_each_other_and_deep_nesting_are_freed_at_the_end() {
    // A list nested three million deep, a list holding itself, a function and the globals it
    // reads: the run ends normally (no stack overflow while freeing them).
    let src = "a = []\nfor i in range(3000000):\n    a = [a]\nb = []\nb.append(b)\nprint(b)\n\
               def f():\n    return f\nprint(len(a), f() is f)\n";
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, "[[...]]\n1 True\n");
}

#[test]
fn dict_views_are_live_and_print_as_pythons() {
    // The expected text is CPython 3.11's output for the same program.
    let src = "d = {'W1': 1, 'b1': [2.5]}\nk = d.keys()\nprint(k, d.values(), d.items(), len(k), 'W1' in k, 3 in d.values())\nd['W2'] = 3\nprint(k, list(d.items()), [x for x in d.keys()], bool({}.keys()))\nfor key, value in d.items():\n    print(key, value)\nprint(sorted(d.keys()))\n";
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(
        out,
        "dict_keys(['W1', 'b1']) dict_values([1, [2.5]]) dict_items([('W1', 1), ('b1', [2.5])]) 2 True False\ndict_keys(['W1', 'b1', 'W2']) [('W1', 1), ('b1', [2.5]), ('W2', 3)] ['W1', 'b1', 'W2'] False\nW1 1\nb1 [2.5]\nW2 3\n['W1', 'W2', 'b1']\n"
    );
}

#[test]
fn scoping_classes_numbers_strings_and_control_flow_print_what_cpython_prints() {
    // `python_features.expected` is what CPython 3.11 printed for `python_features.py`.
    let src = include_str!("../data/python_features.py");
    let want = include_str!("../data/python_features.expected");
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, want);
}

#[test]
fn numpy_views_dtypes_indexing_and_errors_print_what_numpy_prints() {
    // `numpy_features.expected` is what CPython 3.11 with numpy 2.4 printed.
    let src = include_str!("../data/numpy_features.py");
    let want = include_str!("../data/numpy_features.expected");
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, want);
}

#[test]
fn lines_end_as_python_reads_them_and_a_syntax_error_is_pythons_in_both_languages() {
    // `\r\n` and a lone `\r` end a line, as Python's universal newlines read them.
    let (out, err) = run("x = 1\rprint(x)\r\nprint(x + 1)\r\r\r");
    assert_eq!((out.as_str(), err), ("1\n2\n", None));
    let (en, ko) = fails("print('before')\ndef f(:\n    pass\n");
    assert!(
        en.contains("t.py:2:7: error: SyntaxError: invalid syntax"),
        "{en}"
    );
    assert!(ko.contains("t.py:2:7: 오류: SyntaxError: "), "{ko}");
    // nothing ran: a file that does not parse prints nothing
    let (out, _) = run("print('before')\ndef f(:\n    pass\n");
    assert_eq!(out, "");
}

#[test]
fn the_apple_example_by_hand_gives_the_books_numbers() {
    // A multiplication layer written here, used as the book's buy_apple.py uses its own.
    let src = "class Times:\n    def __init__(self):\n        self.a = None\n        self.b = None\n\n\
               \x20   def forward(self, a, b):\n        self.a, self.b = a, b\n        return a * b\n\n\
               \x20   def backward(self, dout):\n        return dout * self.b, dout * self.a\n\n\
               apple, apple_num, tax = 100, 2, 1.1\nfirst, second = Times(), Times()\n\
               price = second.forward(first.forward(apple, apple_num), tax)\nprint(price)\n\
               dapple_price, dtax = second.backward(1)\ndapple, dapple_num = first.backward(dapple_price)\n\
               print(dapple, dapple_num, dtax)\n";
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, "220.00000000000003\n2.2 110.00000000000001 200\n");
}
