//! `:help NAME` for every function, operator and statement: each name has a page in both
//! languages, each page is in one language and fits 80 columns, each example runs, and a name
//! without a page gets the close names.

use crate::support::run;
use backprop::app::editor::EditorHelper;
use backprop::app::help::{self, Kind, TOPICS};
use backprop::app::repl::Repl;
use backprop::i18n::{self, Lang};
use backprop::lang::ast::{Func, RESERVED};
use backprop::session::Session;
use backprop::show::View;
use backprop::show::style::Style;
use std::collections::BTreeSet;
use unicode_width::UnicodeWidthStr;

const LANGS: [Lang; 2] = [Lang::Ko, Lang::En];

/// What the REPL prints for `line`, in `lang`.
fn repl(line: &str, lang: Lang) -> String {
    let mut repl = Repl::new(Session::new(), View::new(Style::plain(), 80, lang));
    let mut out = Vec::new();
    repl.handle(line, &mut out).expect("a Vec takes any output");
    String::from_utf8(out).expect("UTF-8")
}

/// A page without its example's code lines and the layer file's path: the words of the page.
fn prose(name: &str, lang: Lang) -> String {
    let topic = help::topic(name).expect("a page");
    let page = help::page(name, lang).expect("a page");
    page.lines()
        .filter(|line| !topic.example.contains(&line.trim()))
        .map(|line| line.split("src/engine/layers/").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_built_in_name_has_a_page_in_both_languages() {
    // The functions of the parser's table, the statements' keywords, and each operator.
    let mut wanted: Vec<&str> = Func::ALL.iter().map(|f| f.name()).collect();
    wanted.extend(
        RESERVED
            .iter()
            .filter(|w| !["in", "True", "False"].contains(w)),
    );
    wanted.extend([
        "+",
        "-",
        "*",
        "/",
        "@",
        "**",
        "%",
        "-x",
        "<",
        "<=",
        ">",
        ">=",
        "==",
        "!=",
        "x[...]",
        ".T",
        "+=",
        "-=",
        "*=",
        "/=",
        "x[...]=",
        "x[...] =",
        "=",
        "pow",
        "cross_entropy",
    ]);
    for name in wanted {
        let ko = help::page(name, Lang::Ko).unwrap_or_else(|| panic!("no page for {name}"));
        let en = help::page(name, Lang::En).unwrap_or_else(|| panic!("no page for {name}"));
        assert_ne!(ko, en, "{name}: the same text in both languages");
        for page in [&ko, &en] {
            // A message the catalogue lacks comes back as its id.
            assert!(!page.contains("help-page-"), "{name}: {page}");
            assert!(page.lines().count() >= 5, "{name}: too short: {page}");
        }
    }
}

#[test]
fn each_page_says_what_it_computes_caches_and_sends_back() {
    for topic in TOPICS {
        for lang in LANGS {
            let page = help::page(topic.name, lang).expect("a page");
            let words: &[&str] = match (topic.kind, lang) {
                (Kind::Layer, Lang::Ko) => &["계산:", "순전파가 저장하는 것:", "역전파:"],
                (Kind::Layer, Lang::En) => &["computes:", "forward caches:", "backward:"],
                (Kind::Function, Lang::Ko) => &["역전파 없음"],
                (Kind::Function, Lang::En) => &["no backward"],
                (Kind::Statement, Lang::Ko) => &["하는 일:"],
                (Kind::Statement, Lang::En) => &["does:"],
            };
            for word in words {
                assert!(page.contains(word), "{} lacks {word}:\n{page}", topic.name);
            }
            let heading = lang.word("help-example-heading");
            let example = format!(
                "  {heading}\n    {}\n    {}",
                topic.example[0], topic.example[1]
            );
            assert!(
                page.contains(&example),
                "{}: no example:\n{page}",
                topic.name
            );
        }
    }
}

#[test]
fn every_example_runs() {
    for topic in TOPICS {
        let script = topic.example.join("\n") + "\n";
        let ran = run(&script);
        assert_eq!(
            (ran.failures, ran.stderr.as_str()),
            (0, ""),
            "the example of {} fails:\n{script}",
            topic.name
        );
        assert!(!ran.stdout.is_empty(), "{} shows nothing", topic.name);
    }
}

#[test]
fn every_line_fits_80_columns() {
    for lang in LANGS {
        let mut texts = vec![("overview".to_string(), help::overview(lang))];
        for topic in TOPICS {
            texts.push((
                topic.name.to_string(),
                help::page(topic.name, lang).expect("a page"),
            ));
        }
        for (name, text) in texts {
            for line in text.lines() {
                assert!(
                    line.width() <= help::WIDTH,
                    "{name} ({}): {} cells: {line}",
                    lang.code(),
                    line.width()
                );
            }
        }
    }
    // The measure counts a Korean syllable as two cells.
    assert_eq!("계산".width(), 4);
}

/// The code words a Korean page may hold: names of the language, the placeholders the program
/// writes in both languages, the variables of the formulas, and the names of the book's layers.
fn code_words() -> BTreeSet<String> {
    let mut words: BTreeSet<String> = BTreeSet::new();
    let mut add = |text: &str| {
        for word in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
            if !word.is_empty() {
                words.insert(word.to_string());
            }
        }
    };
    for topic in TOPICS {
        topic.names().for_each(&mut add);
        topic.example.iter().copied().for_each(&mut add);
    }
    RESERVED.iter().copied().for_each(&mut add);
    add("dout out dx dy da db dp dW x y t a b W p e n k i j v d h q xs idx image T mask axis");
    add("keepdims batch loss np random numpy floor start stop step num sample NAME FILE N");
    add("Graphviz REPL Enter Rust bool ReLU Relu Sigmoid Affine Softmax Loss AddLayer MulLayer");
    add("apple apple_num tax price ko en on off full vars memory reset lessons lesson next prev");
    add("lang color quit dot help 1e d1 d2 y1 y2 Softmax-with-Loss");
    add("x_train t_train x_test t_test as from flatten copy class def");
    add("NAME forward backward layer self import common layers Triple return grad SoftmaxWithLoss");
    add("exercise exercises hint solution");
    words
}

#[test]
fn korean_pages_hold_only_code_in_latin_letters() {
    let allowed = code_words();
    let english = english_only_words();
    let language_names: BTreeSet<&str> = help::names()
        .flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric() && c != '_'))
        .chain(RESERVED)
        .collect();
    let mut texts = vec![help::overview(Lang::Ko)];
    texts.extend(TOPICS.iter().map(|t| prose(t.name, Lang::Ko)));
    let mut found = BTreeSet::new();
    for text in &texts {
        for word in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
            let latin = word.chars().any(|c| c.is_ascii_alphabetic());
            if latin && !allowed.contains(word) {
                found.insert(word.to_string());
            }
            // As `korean.rs` judges: a word only the English catalogue has, unless it is the
            // name of something in the language.
            if english.contains(&word.to_lowercase()) && !language_names.contains(word) {
                found.insert(word.to_string());
            }
        }
    }
    assert!(found.is_empty(), "Latin words in Korean pages: {found:?}");
    // Both checks see prose: the English page of relu has words that are not code.
    let en = prose("relu", Lang::En);
    assert!(en.split(' ').any(|w| english.contains(w)), "{en}");
    assert!(en.split(' ').any(|w| !allowed.contains(w)), "{en}");
}

/// Words of three or more letters that the English catalogue uses and the Korean one never does,
/// judged as `tests/integration/korean.rs` judges them.
fn english_only_words() -> BTreeSet<String> {
    let words = |lang: Lang| -> BTreeSet<String> {
        i18n::ids(lang)
            .iter()
            .flat_map(|id| {
                let text = i18n::text(lang, id, &[]);
                text.split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| w.len() >= 3)
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let korean = words(Lang::Ko);
    words(Lang::En)
        .into_iter()
        .filter(|w| !korean.contains(w))
        .collect()
}

#[test]
fn the_names_the_issue_asked_for_have_pages_in_the_repl() {
    let cases: [(&str, &str, &str); 4] = [
        (":help affine", "dW = x.T @ dout", "Affine 계층"),
        (
            ":help softmax_with_loss",
            "da = dout * (y - t) / batch",
            "Softmax-with-Loss 계층",
        ),
        (":help pow", "dx = dout * p * x ** (p - 1)", "거듭제곱"),
        (":help @", "db = a.T @ dout", "행렬의 곱"),
    ];
    for (line, rule, korean) in cases {
        let ko = repl(line, Lang::Ko);
        let en = repl(line, Lang::En);
        assert!(ko.contains(rule) && ko.contains(korean), "{line}:\n{ko}");
        assert!(ko.contains("순전파가 저장하는 것:"), "{line}:\n{ko}");
        assert!(
            en.contains(rule) && en.contains("forward caches:"),
            "{line}:\n{en}"
        );
        assert!(!ko.contains("오류:") && !en.contains("error:"), "{ko}{en}");
    }
}

#[test]
fn a_layer_page_names_its_rust_file_and_does_not_print_it() {
    for topic in TOPICS.iter().filter(|t| t.kind == Kind::Layer) {
        let file = topic.source.expect("a layer names its file");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/engine/layers")
            .join(file);
        assert!(
            path.exists(),
            "{}: {} is not there",
            topic.name,
            path.display()
        );
        for lang in LANGS {
            let page = help::page(topic.name, lang).expect("a page");
            assert!(
                page.contains(&format!("src/engine/layers/{file}")),
                "{page}"
            );
            assert!(page.contains("Rust"), "{page}");
            // The source's text stays out of the page: its comments are not in one language.
            assert!(!page.contains("//") && !page.contains("pub fn"), "{page}");
        }
    }
    assert!(help::topic("ones").expect("a page").source.is_none());
}

#[test]
fn the_overview_lists_every_name_and_says_how_to_open_a_page() {
    for lang in LANGS {
        let overview = repl(":help", lang);
        let listed: BTreeSet<&str> = overview.split_whitespace().collect();
        for name in help::names() {
            assert!(
                listed.contains(name),
                "{name} is not in the overview:\n{overview}"
            );
        }
        assert!(overview.contains(":help NAME") || overview.contains(":help 이름"));
        for name in [
            "@",
            "**",
            "affine",
            "softmax_with_loss",
            "cross_entropy_error",
            "argmax",
        ] {
            assert!(listed.contains(name), "{name}");
        }
    }
}

#[test]
fn an_unknown_name_gets_the_close_names() {
    let en = repl(":help softmax_with", Lang::En);
    assert!(en.contains("no help for 'softmax_with'"), "{en}");
    assert!(en.contains("softmax_with_loss"), "{en}");
    let ko = repl(":help relux", Lang::Ko);
    assert!(ko.contains("'relux'에 대한 도움말이 없습니다"), "{ko}");
    assert!(ko.contains("가까운 이름: relu"), "{ko}");
    let far = repl(":help banana", Lang::En);
    assert!(
        far.contains("no help for 'banana'") && !far.contains("close names"),
        "{far}"
    );
    // A long or strange name is answered, not a panic.
    let long = repl(&format!(":help {}", "가".repeat(10_000)), Lang::Ko);
    assert!(long.contains("도움말이 없습니다"), "{}", long.len());
}

#[test]
fn tab_completes_every_help_name() {
    let helper = EditorHelper::new(Style::plain());
    let (start, found) = helper.candidates(":help softmax", 13);
    assert_eq!(start, 6);
    assert_eq!(found, vec!["softmax", "softmax_with_loss"]);
    let (_, found) = helper.candidates(":help *", 7);
    assert_eq!(found, vec!["*", "**", "*="]);
    let (_, found) = helper.candidates(":help ", 6);
    assert_eq!(found.len(), help::names().count());
}

#[test]
fn english_pages_hold_no_korean() {
    let hangul =
        |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3131}'..='\u{318E}').contains(&c);
    let mut texts = vec![help::overview(Lang::En)];
    texts.extend(TOPICS.iter().filter_map(|t| help::page(t.name, Lang::En)));
    for text in texts {
        assert!(
            !text.chars().any(hangul),
            "Korean in an English page:\n{text}"
        );
    }
    // The check sees Korean: the Korean page of relu has it.
    let ko = help::page("relu", Lang::Ko).expect("a page");
    assert!(ko.chars().any(hangul), "{ko}");
}
