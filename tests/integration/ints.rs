//! Python's and numpy's two kinds of number: ints where they are written or made whole, kept
//! through the layers numpy keeps them in, and gradients of the kind the book's layer classes
//! give; numpy's spellings (`np.`, tuples, methods) and `print` of several values.

use crate::support::run;

/// What `src` prints, all statements having run without an error.
fn printed(src: &str) -> String {
    let ran = run(src);
    assert_eq!(ran.failures, 0, "{src}: {}", ran.stderr);
    ran.stdout
}

#[test]
fn whole_numbers_written_without_a_point_are_ints() {
    assert_eq!(printed("apple = 100\n"), "apple = 100\n");
    assert_eq!(printed("x = 100.0\n"), "x = 100.0\n");
    assert_eq!(printed("x = array([3, -12])\n"), "x = [  3 -12]\n");
    assert_eq!(printed("x = array([1, -0.5])\n"), "x = [ 1.  -0.5]\n");
    assert_eq!(
        printed("x = array([[1, 2], [3, 4]])\n"),
        "x = [[1 2]\n     [3 4]]\n"
    );
    // From 2^53 on a float64 no longer holds every whole number: those are floats.
    assert_eq!(printed("9007199254740991\n"), "9007199254740991\n");
    assert_eq!(printed("9007199254740991 + 1\n"), "9007199254740992.0\n");
}

#[test]
fn ints_stay_ints_where_numpy_keeps_them() {
    let cases = [
        ("2 * 3 + 1 - 4", "3"),
        ("7 / 2", "3.5"),
        ("-7 % 3", "2"),
        ("2 ** 10", "1024"),
        ("2 ** -1", "0.5"),
        ("2 * 1.5", "3.0"),
        ("sum([1, 2, 3])", "6"),
        ("mean([1, 2, 3])", "2.0"),
        ("max([1, 5, 2])", "5"),
        ("relu([1, -2])", "[1 0]"),
        ("array([[1, 2]]) @ array([[3], [4]])", "[[11]]"),
        ("array([4, 5, 6])[1]", "5"),
        ("reshape([1, 2, 3, 4], 2, 2).T", "[[1 3]\n [2 4]]"),
        ("exp([0, 0])", "[1. 1.]"),
        ("argmax([1, 5, 2])", "1"),
        ("sum([1, -2, 3] > 0)", "2"),
        ("range(3)", "[0 1 2]"),
        ("arange(0.0, 2)", "[0. 1.]"),
        ("zeros_like([1, 2])", "[0 0]"),
    ];
    for (expr, want) in cases {
        assert_eq!(printed(&format!("{expr}\n")), format!("{want}\n"), "{expr}");
    }
    assert_eq!(printed("for i in range(2): print(i)\n"), "0\n1\n");
    // A write into an int64 array is cut to a whole number, as numpy's is.
    assert_eq!(
        printed("x = array([1, 2]); x[0] = 0.5; x[1] += 3;\nx\n"),
        "[0 5]\n"
    );
}

#[test]
fn gradients_are_of_the_kind_the_books_layers_give() {
    let apples = "apple = 100; apple_num = 2; tax = 1.1;\n\
                  apple_price = apple * apple_num; price = apple_price * tax;\n";
    assert_eq!(
        printed(&format!(
            "{apples}back price 1;\nprint(dapple, dapple_num, dtax)\ndprice\n"
        )),
        "2.2 110.00000000000001 200\n1\n"
    );
    // Ones like the float price are floats, as numpy's ones_like makes them.
    assert_eq!(printed(&format!("{apples}back price;\ndtax\n")), "200.0\n");
    // A ReLU of ints passes an int dout on; a division makes floats.
    assert_eq!(
        printed("x = array([1, -2]); y = relu(x); back y;\ndx\n"),
        "[1 0]\n"
    );
    assert_eq!(
        printed("x = array([2, 4]); y = x / 2; back y;\ndx\n"),
        "[0.5 0.5]\n"
    );
}

#[test]
fn numpys_spellings_and_print_of_several_values() {
    let src = "import numpy as np\nx = np.array([[1.0, -0.5], [-2.0, 3.3]]);\n\
               print(x.reshape((1, 4)), x.sum(0), np.zeros((2,)))\nprint()\n";
    assert_eq!(
        printed(src),
        "[[ 1.  -0.5 -2.   3.3]] [-1.   2.8] [0. 0.]\n\n"
    );
    // numpy's own spelling of the seed, as pasted code writes it.
    assert_eq!(
        printed("np.random.seed(3)\nrandn(2)\nseed(3)\nrandn(2)\n"),
        "[1.78862847 0.43650985]\n[1.78862847 0.43650985]\n"
    );
    let ran = run("y = print(1, 2)\n");
    assert!(
        ran.stderr
            .contains("print of several values (or of none) is a statement"),
        "{}",
        ran.stderr
    );
}

#[test]
fn floor_division_is_pythons() {
    let cases = [
        ("7 // 2", "3"),
        ("-7 // 2", "-4"),
        ("7 // -2", "-4"),
        ("7.5 // 2", "3.0"),
        ("-7.5 // 2", "-4.0"),
        ("array([7, -7]) // 2", "[ 3 -4]"),
    ];
    for (expr, want) in cases {
        assert_eq!(printed(&format!("{expr}\n")), format!("{want}\n"), "{expr}");
    }
    assert_eq!(printed("x = 7; x //= 2; x %= 2;\nx\n"), "1\n");
    let ran = run("1 // 0\n");
    assert_eq!(ran.stdout, "inf\n");
    assert!(
        ran.stderr
            .contains("divide by zero encountered in floor_divide"),
        "{}",
        ran.stderr
    );
}

#[test]
fn booleans_count_as_ints_and_masks_iterate_as_masks() {
    assert_eq!(printed("True + 1\n"), "2\n");
    assert_eq!(
        printed("m = array([1, -1]) > 0;\nfor r in m: print(r)\n"),
        "True\nFalse\n"
    );
    let ran = run("x = 007\n");
    assert!(
        ran.stderr
            .contains("'007': an int may not start with 0, as in Python; write 7"),
        "{}",
        ran.stderr
    );
    assert_eq!(printed("000\n"), "0\n");
    // A literal of booleans is a bool array; booleans among ints count as ints.
    assert_eq!(printed("x = array([True, False])\n"), "x = [ True False]\n");
    assert_eq!(printed("array([True, 2])\n"), "[1 2]\n");
    assert_eq!(
        printed("array([1.0, -2.0])[array([True, False])]\n"),
        "[1.]\n"
    );
}

#[test]
fn a_py_file_prints_only_what_print_and_the_graph_tools_print() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("apples.py");
    let src = "import numpy as np\napple = 100\napple_num = 2\ntax = 1.1\n\
               price = apple * apple_num * tax\nprice\nback price 1\n\
               print(dapple, dapple_num, dtax)\n";
    std::fs::write(&path, src).expect("written");
    let out = crate::support::binary(
        &["run", path.to_str().expect("UTF-8")],
        b"",
        &[("NO_COLOR", "1")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // No echo of the assignments or of the bare `price`, as Python prints none; `back` still
    // shows its gradients.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "dapple = 2.2\ndapple_num = 110.00000000000001\ndtax = 200\ndprice = 1\n\
         2.2 110.00000000000001 200\n"
    );
}
