//! The lessons' own words against what the lessons show: Python sketches that fit the terminal
//! and use the book's names, one Korean term for each idea, prose that quotes the program's own
//! labels, and derivations and curves whose numbers the transcripts bear out. Every number is
//! read from a transcript, never written into the test, so a change to a lesson or to the
//! program that breaks what the prose says fails here.

use crate::lessons::play;
use crate::support::strip_ansi;
use backprop::app::lesson::{self, Item, Lesson};
use backprop::i18n::Lang;
use backprop::show::python;
use backprop::show::style::Style;
use unicode_width::UnicodeWidthStr;

/// The width of the terminal the lessons are written for.
const COLUMNS: usize = 80;

/// Korean words that name an idea another word already names in the lessons, each with the
/// word the lessons use. The Korean edition's terms win (시험 데이터, 오버피팅, 에폭), a loop is a
/// 반복문 as in the program's own messages, and a plot is a 곡선 or a 그림, since 그래프 is the
/// computational graph.
const KOREAN_VARIANTS: [(&str, &str); 13] = [
    ("테스트 이미지", "시험 데이터"),
    ("테스트 데이터", "시험 데이터"),
    ("학습 데이터", "훈련 데이터"),
    ("꺾인 점", "꺾이는 점"),
    ("마지막 끝", "맨 끝에 `끝:`으로 시작하는 줄"),
    ("손실 그래프", "손실 곡선"),
    ("정수 레이블", "클래스 번호 레이블"),
    ("과적합", "오버피팅"),
    ("에포크", "에폭"),
    ("원핫", "원-핫"),
    ("부록 A", "수업 9의 유도"),
    ("루프", "반복문"),
    ("잎 변수", "입력 변수"),
];

/// English phrases the lessons no longer say, each with what they say instead: the labels are
/// floats, lesson 9 derives `y − t` itself, and imshow's fullest cell is not darker on a colour
/// terminal.
const ENGLISH_VARIANTS: [(&str, &str); 3] = [
    ("integer label", "class-number label"),
    ("appendix A", "lesson 9's derivation"),
    ("darker", "fuller pattern / near white"),
];

/// Generic Korean particles, which a person writing Korean never types.
const GENERIC_PARTICLES: [&str; 10] = [
    "(는)", "(은)", "(를)", "(을)", "(이)", "(가)", "(과)", "(와)", "(으)", "(라)",
];

#[test]
fn every_python_sketch_line_fits_in_80_columns_as_drawn() {
    let mut too_wide = Vec::new();
    for lang in [Lang::Ko, Lang::En] {
        for found in lessons(lang) {
            for code in sketches(&found) {
                // Measured as drawn, indent included; Korean syllables take two cells each.
                let drawn = python::render(code, &Style::new(false));
                for line in drawn.lines() {
                    let width = UnicodeWidthStr::width(line);
                    if width > COLUMNS {
                        too_wide.push(format!("{} ({width} cells): {line}", found.path));
                    }
                }
            }
        }
    }
    assert!(too_wide.is_empty(), "{}", too_wide.join("\n"));
}

#[test]
fn the_korean_lessons_use_one_word_for_each_idea_and_no_generic_particle() {
    let mut found_variants = Vec::new();
    for found in lessons(Lang::Ko) {
        let text = words(&found);
        for (variant, preferred) in KOREAN_VARIANTS {
            if text.contains(variant) {
                found_variants.push(format!("{}: {variant} (say {preferred})", found.path));
            }
        }
        for particle in GENERIC_PARTICLES {
            if text.contains(particle) {
                found_variants.push(format!("{}: generic particle {particle}", found.path));
            }
        }
        // The Korean graph labels a second drawing `(다시)`, never `(again)`.
        if text.contains("(again)") {
            found_variants.push(format!("{}: (again) in Korean prose", found.path));
        }
    }
    assert!(found_variants.is_empty(), "{}", found_variants.join("\n"));
}

#[test]
fn the_english_lessons_say_what_the_program_does() {
    let mut found_variants = Vec::new();
    for found in lessons(Lang::En) {
        let text = words(&found);
        for (variant, preferred) in ENGLISH_VARIANTS {
            if text.contains(variant) {
                found_variants.push(format!("{}: {variant} (say {preferred})", found.path));
            }
        }
    }
    assert!(found_variants.is_empty(), "{}", found_variants.join("\n"));
}

#[test]
fn lesson_6_quotes_the_label_its_own_graph_draws() {
    for lang in [Lang::Ko, Lang::En] {
        let label = format!("x {}", lang.word("picture-again"));
        let transcript = play(lang, "fork", false);
        let graph = output_of(&transcript, "graph y");
        assert!(
            graph.contains(&label),
            "{}: the graph lacks {label}:\n{graph}",
            lang.code()
        );
        let prose = words(&lesson_named(lang, "fork"));
        assert!(
            prose.contains(&label),
            "{}: the prose does not quote the graph's label {label}",
            lang.code()
        );
    }
}

#[test]
fn the_sketches_use_the_books_names() {
    for lang in [Lang::Ko, Lang::En] {
        let layers = sketches(&lesson_named(lang, "layers")).join("\n");
        // The book's MulLayer keeps its inputs as self.x and self.y, and these two layers need
        // nothing from numpy, which is why the prose says the sketches do without it.
        for name in [
            "self.x = x",
            "self.y = y",
            "dx = dout * self.y",
            "dy = dout * self.x",
        ] {
            assert!(
                layers.contains(name),
                "{}: lesson 3 lacks {name}",
                lang.code()
            );
        }
        assert!(
            !layers.contains("np."),
            "{}: lesson 3 uses numpy",
            lang.code()
        );
        let relu = sketches(&lesson_named(lang, "relu")).join("\n");
        assert!(relu.contains("self.mask = x <= 0"), "{}", lang.code());
        let sigmoid = sketches(&lesson_named(lang, "sigmoid")).join("\n");
        assert!(
            sigmoid.contains("self.out = 1 / (1 + np.exp(-x))"),
            "{}",
            lang.code()
        );
        for found in lessons(lang) {
            for code in sketches(&found) {
                for renamed in ["blocked", "self.inputs", "self.result"] {
                    assert!(!code.contains(renamed), "{}: {renamed}", found.path);
                }
            }
        }
    }
    let english = words(&lesson_named(Lang::En, "layers"));
    assert!(!english.contains("sketch using numpy"), "{english}");
    let korean = words(&lesson_named(Lang::Ko, "layers"));
    assert!(!korean.contains("numpy를 쓰는"), "{korean}");
}

#[test]
fn lesson_9_derives_y_minus_t_on_the_graph_and_the_layer_agrees() {
    for lang in [Lang::Ko, Lang::En] {
        let transcript = play(lang, "softmax-with-loss", false);
        let scores = numbers(value_line(
            &output_of(&transcript, "a = np.array([0.3, 2.9, 4.0])"),
            "a",
        ));
        let answer = numbers(value_line(
            &output_of(&transcript, "t = np.array([0.0, 1.0, 0.0])"),
            "t",
        ));
        let by_graph = numbers(value_line(&output_of(&transcript, "back L"), "da"));
        let y_minus_t = numbers(output_of(&transcript, "y - t").trim());
        let by_layer = numbers(value_line(&output_of(&transcript, "back Ls"), "da"));
        // step's last rule line is the exp node's, `da = dout × out = … = RESULT  → a`.
        let step = output_of(&transcript, "step L");
        // A rule wider than the terminal wraps onto lines further in; join it back up to its
        // arrow.
        let lines: Vec<&str> = step.lines().collect();
        let rule = lines
            .iter()
            .rposition(|line| line.trim_start().starts_with("da = dout"))
            .map(|start| {
                let mut rule = String::new();
                for line in &lines[start..] {
                    rule.push_str(line.trim());
                    rule.push(' ');
                    if line.contains('→') {
                        break;
                    }
                }
                rule
            });
        let walked = rule
            .as_deref()
            .and_then(|line| line.rsplit(" = ").next())
            .and_then(|tail| tail.split('→').next())
            .map(numbers)
            .expect("step L ends at the exp node's rule for da");
        assert_eq!(by_graph.len(), 3, "{}: {by_graph:?}", lang.code());
        assert_eq!(by_graph, y_minus_t, "{}: back L's da is y - t", lang.code());
        assert_eq!(
            by_layer,
            y_minus_t,
            "{}: the layer's da is y - t",
            lang.code()
        );
        assert_eq!(walked, y_minus_t, "{}: step L ends at y - t", lang.code());
        // And y - t is what the softmax of the scores, worked out here, minus the answer is,
        // to the 8 digits the transcript prints.
        let total: f64 = scores.iter().map(|a| a.exp()).sum();
        for ((a, t), printed) in scores.iter().zip(&answer).zip(&y_minus_t) {
            let expected = a.exp() / total - t;
            assert!(
                (expected - printed).abs() < 1e-8,
                "{expected} against {printed}"
            );
        }
    }
}

#[test]
fn lesson_10_says_what_imshow_draws_with_and_without_colour() {
    let plain = play(Lang::En, "two-layer-net", false);
    let image = output_of(&plain, "imshow(x_train[0])");
    assert!(
        image.contains('█'),
        "without colour the largest value is █:\n{image}"
    );
    let coloured = play(Lang::En, "two-layer-net", true);
    let image = output_of(&coloured, "imshow(x_train[0])");
    // The greys run from 232 (black) for the smallest value to 255 (white) for the largest.
    assert!(
        image.contains("\u{1b}[48;5;255m"),
        "the largest value is white"
    );
    assert!(
        image.contains("\u{1b}[48;5;232m"),
        "the smallest value is black"
    );
    assert!(!image.contains('█'), "with colour there are no patterns");
    for (lang, fullest, white, black) in [
        (Lang::Ko, "█", "흰색", "검정"),
        (Lang::En, "█", "white", "black"),
    ] {
        let prose = words(&lesson_named(lang, "two-layer-net"));
        for word in [fullest, white, black] {
            assert!(
                prose.contains(word),
                "{}: lesson 10 lacks {word}",
                lang.code()
            );
        }
    }
}

#[test]
fn lesson_11_draws_the_accuracy_curves_it_talks_about() {
    for lang in [Lang::Ko, Lang::En] {
        let transcript = play(lang, "training", false);
        let chart = output_of(&transcript, "plot arange(67), train_acc, test_acc");
        let legend = chart.lines().last().unwrap_or_default();
        assert!(
            legend.contains("train_acc") && legend.contains("test_acc"),
            "{}: both curves in the legend:\n{chart}",
            lang.code()
        );
        let train = numbers(&output_of(&transcript, "train_acc[0:67:10]"));
        let test = numbers(&output_of(&transcript, "test_acc[0:67:10]"));
        assert_eq!((train.len(), test.len()), (7, 7), "epochs 0, 10, …, 60");
        // The prose says the two curves stay close from epoch 10 on and end near 96%.
        for (epoch, (a, b)) in train.iter().zip(&test).enumerate().skip(1) {
            assert!(
                (a - b).abs() < 0.02,
                "epoch {}: {a} against {b}",
                epoch * 10
            );
        }
        assert!(test[6] >= 0.95, "{test:?}");
    }
}

/// The embedded lessons in `lang`.
fn lessons(lang: Lang) -> Vec<Lesson> {
    lesson::all(lang).expect("the embedded lessons parse")
}

fn lesson_named(lang: Lang, slug: &str) -> Lesson {
    lesson::find(&lessons(lang), slug)
        .expect("the lesson exists")
        .clone()
}

/// The Python sketches of a lesson.
fn sketches(found: &Lesson) -> Vec<&str> {
    found
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Python(code) => Some(code.as_str()),
            Item::Prose(_) | Item::Statement { .. } => None,
        })
        .collect()
}

/// A lesson's prose and sketches as one text, with Markdown's backticks and emphasis taken out,
/// so that a phrase reads the same whether or not part of it is marked as code.
fn words(found: &Lesson) -> String {
    let mut text = String::new();
    for item in &found.items {
        match item {
            Item::Prose(prose) => text.push_str(prose),
            Item::Python(code) => text.push_str(code),
            Item::Statement { .. } => continue,
        }
        text.push('\n');
    }
    text.replace(['`', '*'], "")
}

/// What the statement `statement` printed: the lines after its prompt up to the next blank line
/// or prompt. Colour escapes are ignored when finding the prompts, and kept in the output.
fn output_of(transcript: &str, statement: &str) -> String {
    let prompt = format!(">>> {statement}");
    let mut lines = transcript
        .lines()
        .skip_while(|line| strip_ansi(line) != prompt);
    assert!(lines.next().is_some(), "the transcript runs {statement}");
    lines
        .take_while(|line| !line.is_empty() && !strip_ansi(line).starts_with(">>> "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The value part of the line `NAME = VALUE` in an output.
fn value_line<'a>(output: &'a str, name: &str) -> &'a str {
    let start = format!("{name} = ");
    output
        .lines()
        .find_map(|line| line.strip_prefix(&start))
        .unwrap_or_else(|| panic!("no {start} in:\n{output}"))
}

/// The numbers of a printed array such as `[ 0.01821127 -0.75480819\n  0.73659691]`.
fn numbers(printed: &str) -> Vec<f64> {
    printed
        .split(|c: char| c.is_whitespace() || c == '[' || c == ']')
        .filter(|token| !token.is_empty())
        .map(|token| {
            token
                .parse()
                .unwrap_or_else(|_| panic!("{token} in {printed}"))
        })
        .collect()
}
