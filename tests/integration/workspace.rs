//! The REPL's namespace, as a lesson or the REPL runs text: every statement is Python, and the
//! ones the graph language reads run in the session, which records them. These check that the
//! two halves agree on what a name holds.

use backprop::app::runner;
use backprop::py::workspace::Workspace;
use backprop::session::Session;
use backprop::show::View;

/// Runs each input as one REPL input would, in one workspace: what they printed, errors
/// included (as the REPL shows them).
fn repl(inputs: &[&str]) -> String {
    let mut ws = Workspace::new(Session::new());
    let view = View::plain();
    let mut out = Vec::new();
    for input in inputs {
        let result = runner::run_text(&mut ws, &view, input, &mut out, &mut |_| true);
        let text = runner::diagnostics(&mut ws.session, &result, None, input, &view);
        out.extend_from_slice(text.as_bytes());
    }
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_list_is_pythons_and_an_array_is_numpys() {
    let shown = repl(&["a = [1, 2]", "a + [3]", "b = array([1, 2])", "b + 1"]);
    assert_eq!(shown, "a = [1, 2]\n[1, 2, 3]\nb = [1 2]\n[2 3]\n");
}

#[test]
fn the_book_s_numbers_come_from_the_graph_and_from_a_class_alike() {
    let shown = repl(&[
        "apple = 100; apple_num = 2; tax = 1.1;",
        "price = apple * apple_num * tax",
        "back price 1;",
        "print(dapple, dapple_num, dtax)",
        "class Mul:\n    def forward(self, x, y):\n        self.x, self.y = x, y\n        return x * y\n    def backward(self, dout):\n        return dout * self.y, dout * self.x\n",
        "m = Mul(); p = Mul()",
        "apple_price = m.forward(apple, apple_num); total = p.forward(apple_price, tax);",
        "dapple_price, dtax2 = p.backward(1); d1, d2 = m.backward(dapple_price);",
        "print(total, d1, d2, dtax2)",
    ]);
    assert!(
        shown.starts_with("price = 220.00000000000003\n2.2 110.00000000000001 200\n"),
        "{shown}"
    );
    assert!(
        shown.ends_with("220.00000000000003 2.2 110.00000000000001 200\n"),
        "{shown}"
    );
}

#[test]
fn an_array_changed_in_place_is_one_object_for_every_holder_and_for_the_graph() {
    let shown = repl(&[
        "p = zeros(2); held = [p];",
        "p += 1; p[0] = 5;",
        "held",
        "y = p * p",
        "back y;",
        "grad(p)",
        "print(grad(p), dp)",
        "p -= 0.5 * grad(p); held",
    ]);
    assert_eq!(
        shown,
        "[array([5., 1.])]\ny = [25.  1.]\n[10.  2.]\n[10.  2.] [10.  2.]\n[array([0., 0.])]\n"
    );
}

#[test]
fn a_built_in_name_is_shadowed_as_in_python() {
    let shown = repl(&[
        "x = array([1.0, -2.0])",
        "def relu(v):\n    return v * 0 + 7\n",
        "relu(x)",
        "step = 0.1",
        "step * 2",
    ]);
    assert_eq!(shown, "x = [ 1. -2.]\n[7. 7.]\nstep = 0.1\n0.2\n");
}

#[test]
fn an_echo_shows_what_print_shows_a_string_in_quotes_and_none_as_nothing() {
    let shown = repl(&[
        "s = 'hi'",
        "s",
        "None",
        "np.sum(array([1.0, 2.0]))",
        "print(s)",
    ]);
    assert_eq!(shown, "s = 'hi'\n'hi'\n3.0\nhi\n");
}

#[test]
fn a_failed_statement_stops_its_input_and_what_ran_before_stays() {
    let shown = repl(&[
        "items = []\ndef add(v):\n    items.append(v)\n    return v / 0\n",
        "ok = 1; add(3); never = 2",
        "items, ok",
        "never",
    ]);
    assert!(
        shown.contains("ZeroDivisionError: division by zero"),
        "{shown}"
    );
    assert!(shown.contains("([3], 1)"), "{shown}");
    assert!(shown.contains("unknown name 'never'"), "{shown}");
}
