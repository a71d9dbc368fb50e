//! The chapter-5 language's errors through the real binary, in English and in Korean: exact
//! stderr (place, message, caret) and exit status 1, and what a loop that fails part-way keeps.

use crate::support::binary;

const EN: &str = "en_US.UTF-8";
const KO: &str = "ko_KR.UTF-8";

/// Runs `src` as a file through `backprop run ARGS… s.bp` under `LANG=lang`, colour off, and
/// returns (stdout, stderr, exit code). `LC_ALL` and `LC_MESSAGES` are set empty, so the
/// environment the tests run in cannot outrank `LANG`.
fn run_file_with(src: &[u8], args: &[&str], lang: &str) -> (String, String, i32) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("s.bp");
    std::fs::write(&path, src).expect("the script is written");
    let path = path.to_str().expect("a UTF-8 path").to_string();
    let mut command = vec!["run"];
    command.extend_from_slice(args);
    command.push(&path);
    let output = binary(
        &command,
        b"",
        &[
            ("NO_COLOR", "1"),
            ("LANG", lang),
            ("LC_ALL", ""),
            ("LC_MESSAGES", ""),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr).replace(&path, "s.bp");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        output.status.code().unwrap_or(-1),
    )
}

fn run_file(src: &[u8], lang: &str) -> (String, String, i32) {
    run_file_with(src, &[], lang)
}

/// Checks that `src` fails with exactly `stderr` and exit status 1, in English and in Korean.
fn fails_with(src: &str, en: &str, ko: &str) {
    let (_, err, code) = run_file(src.as_bytes(), EN);
    assert_eq!((err.as_str(), code), (en, 1));
    let (_, err, code) = run_file(src.as_bytes(), KO);
    assert_eq!((err.as_str(), code), (ko, 1));
}

#[test]
fn a_matrix_product_of_shapes_that_do_not_align_names_both_axes() {
    let src = "A = ones(2, 3)\nB = ones(2, 3)\nC = A @ B\n";
    let (out, _, _) = run_file(src.as_bytes(), EN);
    assert_eq!(
        out,
        "A = [[1. 1. 1.]\n     [1. 1. 1.]]\nB = [[1. 1. 1.]\n     [1. 1. 1.]]\n"
    );
    fails_with(
        src,
        "s.bp:3:5: error: @: shapes (2, 3) and (2, 3) are not aligned: 3 (axis 1 of the left) ≠ 2 (axis 0 of the right); the left's columns must equal the right's rows — transpose one of them (x.T) or check the order\nC = A @ B\n    ^^^^^\n",
        "s.bp:3:5: 오류: @: 형상이 (2, 3)인 배열과 (2, 3)인 배열은 행렬 곱을 할 수 없습니다. 왼쪽 축 1의 원소 수(3)와 오른쪽 축 0의 원소 수(2)가 다릅니다. 행렬 곱에서는 대응하는 차원의 원소 수가 같아야 합니다(왼쪽 행렬의 열 수 = 오른쪽 행렬의 행 수). 한쪽을 전치하거나(x.T) 곱하는 순서를 확인하세요\nC = A @ B\n    ^^^^^\n",
    );
}

#[test]
fn an_affine_bias_of_the_wrong_length_says_the_shape_it_needs() {
    fails_with(
        "x = ones(2, 3)\nW = ones(3, 4)\nb = ones(3)\ny = affine(x, W, b)\n",
        "s.bp:4:5: error: affine: the Affine layer's bias b has shape (3,), but W has 4 columns; b must be a 1-D array of shape (4,), one entry per column of W (one per output neuron) — e.g. b = zeros(4)\ny = affine(x, W, b)\n    ^^^^^^^^^^^^^^^\n",
        "s.bp:4:5: 오류: affine: Affine 계층의 편향 b는 형상이 (3,)인데, W의 열은 4개입니다. b는 W의 열(출력 뉴런)마다 원소가 하나씩인, 형상 (4,)의 1차원 배열이어야 합니다. 예: b = zeros(4)\ny = affine(x, W, b)\n    ^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn a_float_index_points_at_the_index() {
    fails_with(
        "x = array([1.0, 2.0])\nx[1.5]\n",
        "s.bp:2:3: error: an index must be a whole number, such as 0, 2 or -1; write x[0], not x[0.5]\nx[1.5]\n  ^^^\n",
        "s.bp:2:3: 오류: 인덱스는 0, 2, -1 같은 정수여야 합니다. x[0.5]가 아니라 x[0]처럼 쓰세요\nx[1.5]\n  ^^^\n",
    );
}

#[test]
fn a_dedent_that_matches_no_level_points_at_the_line() {
    let src = "s = 0\nfor i in range(3):\n    s = s + i\n  s = s + 1\n";
    let (out, _, _) = run_file(src.as_bytes(), EN);
    assert_eq!(out, "s = 0\n");
    fails_with(
        src,
        "s.bp:4:3: error: unindent does not match any outer indentation level; line it up with its block or an enclosing one\n  s = s + 1\n  ^\n",
        "s.bp:4:3: 오류: 내어쓰기가 바깥 어느 블록의 들여쓰기와도 맞지 않습니다. 속한 블록이나 바깥 블록과 같은 깊이로 맞추세요\n  s = s + 1\n  ^\n",
    );
}

#[test]
fn an_unexpected_indent_in_a_for_block_points_at_the_line() {
    fails_with(
        "s = 0\nfor i in range(3):\n    s = s + i\n        s = s + 1\n",
        "s.bp:4:9: error: unexpected indent: this line is indented more than the lines of its block\n        s = s + 1\n        ^\n",
        "s.bp:4:9: 오류: 예상하지 못한 들여쓰기입니다. 이 줄은 같은 블록의 다른 줄보다 더 들여 썼습니다\n        s = s + 1\n        ^\n",
    );
}

#[test]
fn an_unknown_data_set_lists_the_ones_there_are() {
    fails_with(
        "load mnist\n",
        "s.bp:1:6: error: there is no data set 'mnist'; the data sets are: digits\nload mnist\n     ^^^^^\n",
        "s.bp:1:6: 오류: 'mnist'라는 데이터 세트가 없습니다. 데이터 세트: digits\nload mnist\n     ^^^^^\n",
    );
}

#[test]
fn an_if_on_an_array_asks_for_one_value() {
    fails_with(
        "x = array([1.0, 2.0, 3.0])\nif x:\n    x\n",
        "s.bp:2:4: error: the truth value of an array with more than one element is ambiguous (numpy): an if needs one value, and this is an array of shape (3,); compare one element (x[0] > 0), or reduce it first (sum(x) > 0)\nif x:\n   ^\n",
        "s.bp:2:4: 오류: 원소가 둘 이상인 배열의 참/거짓은 정할 수 없습니다(numpy). if에는 값 하나가 필요한데, 이것은 형상이 (3,)인 배열입니다. 원소 하나를 비교하거나(x[0] > 0) 먼저 줄이세요(sum(x) > 0)\nif x:\n   ^\n",
    );
}

#[test]
fn an_update_that_would_change_the_shape_is_refused() {
    // ones(3, 2) broadcasts with W, but the result (3, 2) is not W's shape (2,).
    let src = "W = ones(2)\nW -= ones(3, 2)\nW\n";
    let (out, _, _) = run_file_with(src.as_bytes(), &["--keep-going"], EN);
    assert_eq!(out, "W = [1. 1.]\n[1. 1.]\n", "W is left as it was");
    fails_with(
        src,
        "s.bp:2:1: error: the result has shape (3, 2), but 'W' has shape (2,); an update such as -= keeps the variable's shape, so the right side must broadcast to it\nW -= ones(3, 2)\n^^^^^^^^^^^^^^^\n",
        "s.bp:2:1: 오류: 결과의 형상은 (3, 2)인데 'W'의 형상은 (2,)입니다. -= 같은 갱신은 변수의 형상을 유지하므로, 오른쪽이 그 형상으로 브로드캐스트되어야 합니다\nW -= ones(3, 2)\n^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn a_loop_that_fails_part_way_keeps_the_iterations_before() {
    // s[3] fails on the fourth iteration; the three before have written s[0], s[1], s[2].
    let src = "s = zeros(3)\nfor i in range(5):\n    s[i] = i\ns\n";
    let (out, err, code) = run_file(src.as_bytes(), EN);
    assert_eq!((out.as_str(), code), ("s = [0. 0. 0.]\n", 1));
    assert!(err.starts_with("s.bp:3:5: error: "), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");

    let (out, err, code) = run_file_with(src.as_bytes(), &["--keep-going"], EN);
    assert_eq!(out, "s = [0. 0. 0.]\n[0. 1. 2.]\n");
    assert_eq!(code, 1, "--keep-going still exits 1");
    assert!(err.starts_with("s.bp:3:5: error: "), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");

    // The loop body ran for i = 0, 1, 2 and 3, and stopped there.
    let (out, err, code) = run_file(
        b"s = zeros(3)\nfor i in range(5):\n    print(i)\n    s[i] = i\n",
        EN,
    );
    assert_eq!(out, "s = [0. 0. 0.]\n0\n1\n2\n3\n");
    assert_eq!(code, 1);
    assert!(err.starts_with("s.bp:4:5: error: "), "{err}");

    let (out, err, code) = run_file_with(src.as_bytes(), &["--keep-going"], KO);
    assert_eq!(out, "s = [0. 0. 0.]\n[0. 1. 2.]\n");
    assert_eq!(code, 1);
    assert!(err.starts_with("s.bp:3:5: 오류: "), "{err}");
}

#[test]
fn an_affine_whose_x_and_w_do_not_align_says_the_shape_w_needs() {
    fails_with(
        "x = ones(2, 3);\nW = ones(2, 4);\nb = zeros(4);\naffine(x, W, b)\n",
        "s.bp:4:1: error: affine: x has 3 features per sample (shape (2, 3)), but W has 2 rows (shape (2, 4)); W needs one row per feature: shape (3, 4)\naffine(x, W, b)\n^^^^^^^^^^^^^^^\n",
        "s.bp:4:1: 오류: affine: x는 샘플마다 특징이 3개인데(형상 (2, 3)), W의 행은 2개입니다(형상 (2, 4)). W는 특징마다 행이 하나씩 있어야 하므로 형상이 (3, 4)여야 합니다\naffine(x, W, b)\n^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn an_axis_out_of_bounds_and_a_fractional_range_point_at_what_was_written() {
    let (_, err, code) = run_file(b"x = ones(2, 3);\nsum(x, axis=2)\n", "en_US.UTF-8");
    assert_eq!(code, 1);
    assert!(
        err.starts_with("s.bp:2:8: error: sum: axis 2 is out of bounds for array of dimension 2;"),
        "{err}"
    );
    assert!(err.ends_with("sum(x, axis=2)\n       ^^^^^^\n"), "{err}");
    let (_, err, code) = run_file(b"for i in range(1, 2.5): print(i)\n", "en_US.UTF-8");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "s.bp:1:19: error: range takes whole numbers; for fractions use arange, e.g. arange(0, 1, 0.25)\nfor i in range(1, 2.5): print(i)\n                  ^^^\n"
    );
}

#[test]
fn an_index_out_of_range_gives_numpys_numbers_and_names_the_array() {
    let (_, err, code) = run_file(b"y = array([1.0, 2.0]);\ny[5]\n", "en_US.UTF-8");
    assert_eq!(code, 1);
    assert!(
        err.starts_with(
            "s.bp:2:1: error: y[5]: index 5 is out of bounds for axis 0 with size 2; valid indices are 0 to 1, or -2 to -1 counting from the end"
        ),
        "{err}"
    );
}

#[test]
fn the_gradient_of_data_is_refused_with_what_to_ask_for_instead() {
    fails_with(
        "load digits;\nx = x_train[0:5];\nW = ones(64, 3); b = zeros(3);\ny = sum(affine(x, W, b));\nback y;\ngrad(x)\n",
        "s.bp:6:6: error: 'x' is data (what `load` gave, or a value computed from it alone, as x = x_train[batch] is), and data takes no gradient; ask for the gradient of a parameter such as W1\ngrad(x)\n     ^\n",
        "s.bp:6:6: 오류: 'x'는 데이터입니다(`load`가 준 배열, 또는 x = x_train[batch]처럼 데이터만으로 계산한 값). 데이터는 기울기를 받지 않습니다. W1 같은 매개변수의 기울기를 물어보세요\ngrad(x)\n     ^\n",
    );
}
