//! The catalogue: Fluent files compiled into the binary, one bundle per language, built once.
//!
//! Fluent (the localisation system of Firefox) is used through `fluent-bundle`, its reference
//! implementation: messages with named arguments, terms that other messages reuse, and plural
//! selectors where English needs them. Korean needs no plurals, so its messages just use the
//! count. Isolation marks around arguments are turned off: a terminal shows them as noise.
//!
//! Korean particles change with the sound they follow (`x는` but `W1을`), and an argument's last
//! sound is known only when the message is shown, so the Korean files call a function for them:
//! `{ JOSA($name, "을") }` writes the argument and the particle its last sound takes, and
//! `{ JOSA($name, "은", quote: "'") }` puts the argument in quotes first. See [`josa`] for the
//! rule; no message falls back to the generic `을(를)` that programs write when they do not know.

use super::lang::Lang;
use super::message::{Arg, Message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Every catalogue file, per language. A file holds the words of one part of the program.
const FILES: &[(Lang, &str, &str)] = &[
    (Lang::Ko, "ko/errors.ftl", include_str!("ko/errors.ftl")),
    (Lang::Ko, "ko/show.ftl", include_str!("ko/show.ftl")),
    (Lang::Ko, "ko/app.ftl", include_str!("ko/app.ftl")),
    (Lang::Ko, "ko/help.ftl", include_str!("ko/help.ftl")),
    (
        Lang::Ko,
        "ko/help_pages.ftl",
        include_str!("ko/help_pages.ftl"),
    ),
    (Lang::Ko, "ko/lesson.ftl", include_str!("ko/lesson.ftl")),
    (Lang::Ko, "ko/parser.ftl", include_str!("ko/parser.ftl")),
    (Lang::Ko, "ko/session.ftl", include_str!("ko/session.ftl")),
    (Lang::Ko, "ko/picture.ftl", include_str!("ko/picture.ftl")),
    (Lang::Ko, "ko/layers.ftl", include_str!("ko/layers.ftl")),
    (Lang::Ko, "ko/tools.ftl", include_str!("ko/tools.ftl")),
    (Lang::Ko, "ko/learner.ftl", include_str!("ko/learner.ftl")),
    (Lang::Ko, "ko/exercise.ftl", include_str!("ko/exercise.ftl")),
    (Lang::En, "en/errors.ftl", include_str!("en/errors.ftl")),
    (Lang::En, "en/show.ftl", include_str!("en/show.ftl")),
    (Lang::En, "en/app.ftl", include_str!("en/app.ftl")),
    (Lang::En, "en/help.ftl", include_str!("en/help.ftl")),
    (
        Lang::En,
        "en/help_pages.ftl",
        include_str!("en/help_pages.ftl"),
    ),
    (Lang::En, "en/lesson.ftl", include_str!("en/lesson.ftl")),
    (Lang::En, "en/parser.ftl", include_str!("en/parser.ftl")),
    (Lang::En, "en/session.ftl", include_str!("en/session.ftl")),
    (Lang::En, "en/picture.ftl", include_str!("en/picture.ftl")),
    (Lang::En, "en/layers.ftl", include_str!("en/layers.ftl")),
    (Lang::En, "en/tools.ftl", include_str!("en/tools.ftl")),
    (Lang::En, "en/learner.ftl", include_str!("en/learner.ftl")),
    (Lang::En, "en/exercise.ftl", include_str!("en/exercise.ftl")),
];

/// The Python stage's files (ids `py-…`): a bundle of their own, built only when a `.py`
/// program first says something, so that a `.bp` run does not parse them at start.
const PY_FILES: &[(Lang, &str, &str)] = &[
    (Lang::Ko, "ko/py.ftl", include_str!("ko/py.ftl")),
    (
        Lang::Ko,
        "ko/py_syntax.ftl",
        include_str!("ko/py_syntax.ftl"),
    ),
    (Lang::Ko, "ko/py_array.ftl", include_str!("ko/py_array.ftl")),
    (Lang::Ko, "ko/py_numpy.ftl", include_str!("ko/py_numpy.ftl")),
    (
        Lang::Ko,
        "ko/py_format.ftl",
        include_str!("ko/py_format.ftl"),
    ),
    (Lang::En, "en/py.ftl", include_str!("en/py.ftl")),
    (
        Lang::En,
        "en/py_syntax.ftl",
        include_str!("en/py_syntax.ftl"),
    ),
    (Lang::En, "en/py_array.ftl", include_str!("en/py_array.ftl")),
    (Lang::En, "en/py_numpy.ftl", include_str!("en/py_numpy.ftl")),
    (
        Lang::En,
        "en/py_format.ftl",
        include_str!("en/py_format.ftl"),
    ),
];

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static KO: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    let cell = match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang, FILES))
}

fn py_catalogue(lang: Lang) -> &'static Catalogue {
    static KO: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    let cell = match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang, PY_FILES))
}

/// The bundle that holds `id`.
fn catalogue_for(lang: Lang, id: &str) -> &'static Catalogue {
    if id.starts_with("py-") {
        py_catalogue(lang)
    } else {
        catalogue(lang)
    }
}

fn build(lang: Lang, files: &[(Lang, &str, &str)]) -> Catalogue {
    let locale: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    // The function is added to both languages, so an English message could use it harmlessly;
    // only the Korean files do. Adding it to a fresh bundle cannot clash with another entry.
    let _ = bundle.add_function("JOSA", josa_function);
    let mut ids = Vec::new();
    for &(file_lang, name, source) in files {
        if file_lang != lang {
            continue;
        }
        // A malformed file is a build-time mistake that the catalogue tests catch; whatever
        // parsed is still used, so one bad message does not silence the rest.
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                debug_assert!(errors.is_empty(), "{name}: {errors:?}");
                resource
            }
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.push(message.id.name.to_string());
            }
        }
        let _ = bundle.add_resource(resource);
    }
    Catalogue { bundle, ids }
}

impl Lang {
    /// The message in this language.
    pub fn say(self, message: &Message) -> String {
        text(self, message.id, &message.args)
    }

    /// A message without arguments, by id.
    pub fn word(self, id: &'static str) -> String {
        text(self, id, &[])
    }
}

/// The message `id` in `lang` with its arguments. An id the catalogue lacks comes back as the
/// id itself, so a missing word is visible instead of silent; a test keeps that from shipping.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let catalogue = catalogue_for(lang, id);
    let Some(pattern) = catalogue.bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (key, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*key, FluentValue::from(text.as_str())),
            Arg::Count(count) => fluent_args.set(*key, FluentValue::from(*count as f64)),
            Arg::Message(message) => fluent_args.set(
                *key,
                FluentValue::from(text(lang, message.id, &message.args)),
            ),
        }
    }
    let mut errors = Vec::new();
    let text = catalogue
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors);
    text.into_owned()
}

/// Every message id of `lang`'s catalogue, for the test that both languages have the same.
pub fn ids(lang: Lang) -> &'static [String] {
    static KO: OnceLock<Vec<String>> = OnceLock::new();
    static EN: OnceLock<Vec<String>> = OnceLock::new();
    let cell = match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let mut all = catalogue(lang).ids.clone();
        all.extend(py_catalogue(lang).ids.iter().cloned());
        all
    })
}

/// Parse errors of every catalogue file, for the test that keeps the files well-formed.
pub fn parse_errors() -> Vec<String> {
    FILES
        .iter()
        .chain(PY_FILES)
        .filter_map(
            |(_, name, source)| match FluentResource::try_new(source.to_string()) {
                Ok(_) => None,
                Err((_, errors)) => Some(format!("{name}: {errors:?}")),
            },
        )
        .collect()
}

/// The Fluent function `JOSA(value, particle, quote: "…")`: the value (in `quote` on both
/// sides when given), followed by the form of `particle` that the value's last sound takes.
/// `particle` may be either form of a pair ("은" or "는"); a particle outside the table is
/// written as it is given.
fn josa_function<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let word = match positional.first() {
        Some(FluentValue::String(text)) => text.to_string(),
        Some(FluentValue::Number(number)) => number.as_string().into_owned(),
        // A missing argument: Fluent shows the call as `JOSA()`, which a test of every message
        // with sample arguments would catch.
        _ => return FluentValue::Error,
    };
    let particle = match positional.get(1) {
        Some(FluentValue::String(text)) => text.to_string(),
        _ => String::new(),
    };
    let quoted = match named.get("quote") {
        Some(FluentValue::String(quote)) => format!("{quote}{word}{quote}"),
        _ => word,
    };
    let chosen = josa(&quoted, &particle);
    FluentValue::from(format!("{quoted}{chosen}"))
}

/// The particle pairs: the form after a final consonant (받침), then the form after a vowel.
/// 으로/로 is the one pair where ㄹ counts as a vowel: `x_label로`, `1로` (일로).
const PARTICLES: [(&str, &str); 10] = [
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("으로", "로"),
    ("이라는", "라는"),
    ("이라고", "라고"),
    ("이나", "나"),
    ("이에요", "예요"),
    ("이어야", "여야"),
];

/// The form of `particle` that follows `word`, chosen by the last sound of `word` as it is read
/// aloud in Korean:
///
/// - Closing punctuation, quotes, brackets and spaces at the end are not read: `'x'` ends in
///   `x`, the shape `(1, 3)` in `3`, `` `print` `` in `t`, `[1. 2.]` in `2`.
/// - A Hangul syllable has a final consonant when `(code − 0xAC00) % 28` is not 0; ㄹ is 8.
/// - Digits are read as a Korean number. After a decimal point each digit is read by itself,
///   so the last digit decides (`1.5` 일 점 오, `2.0` 이 점 영). A whole number ends in its last
///   digit (`3` 삼, `21` 이십일), or, when it ends in zeros, in the unit those zeros make:
///   `10` 십, `100` 백, `1000` 천, then 만, 억, 조, 경 for every four zeros (`1200000` 백이십만).
///   `0` is 영.
/// - A single Latin letter, or a run of capitals (`W`, `SVG`), is read by its English letter
///   names: only l (엘), m (엠), n (엔) and r (알) end in a consonant (`x는`, `y를`, `n은`).
/// - Any other run of Latin letters is taken as an English word (`price`, `x_train`, `dW`),
///   and only endings that Korean spelling always closes with a consonant count as one: a
///   final `l` or consonant + `le` (ㄹ: `label`, `sample`), a final `m`, `n` or `ng`, a vowel +
///   `me`/`ne` (`time`, `line`), and `ck` (`back`). Everything else is read as ending in a
///   vowel (`price는`, `grad는`, `for는`). The rule is short on purpose: it is right for the
///   names a learner writes, and easy to predict when it is not.
/// - Anything else (a symbol, another script, nothing at all) is taken to end in a vowel.
fn josa<'p>(word: &str, particle: &'p str) -> &'p str {
    let Some(&(after_consonant, after_vowel)) = PARTICLES
        .iter()
        .find(|(consonant, vowel)| *consonant == particle || *vowel == particle)
    else {
        // Not a known particle: the caller's spelling is kept, so a mistake stays visible.
        return particle;
    };
    match (last_sound(word), after_consonant) {
        (Sound::Vowel, _) | (Sound::Rieul, "으로") => after_vowel,
        (Sound::Rieul | Sound::Consonant, _) => after_consonant,
    }
}

/// How a word ends when read aloud: in a vowel, in ㄹ, or in another final consonant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sound {
    Vowel,
    Rieul,
    Consonant,
}

fn last_sound(word: &str) -> Sound {
    const UNREAD: &[char] = &[
        '\'', '"', '`', ')', ']', '}', '>', '.', ',', ';', ':', '!', '?', '…', '’', '”', '」',
        '』', '）',
    ];
    let trimmed = word.trim_end_matches(|c: char| c.is_whitespace() || UNREAD.contains(&c));
    let Some(last) = trimmed.chars().next_back() else {
        return Sound::Vowel;
    };
    match last {
        '가'..='힣' => match (u32::from(last) - 0xAC00) % 28 {
            0 => Sound::Vowel,
            8 => Sound::Rieul,
            _ => Sound::Consonant,
        },
        // A consonant letter alone is read by its name (기역, 리을, 히읗), a vowel letter as itself.
        'ㄹ' => Sound::Rieul,
        'ㄱ'..='ㅎ' => Sound::Consonant,
        '0'..='9' => number_sound(trimmed),
        'a'..='z' | 'A'..='Z' => latin_sound(trimmed),
        _ => Sound::Vowel,
    }
}

/// The last sound of the number that `text` ends with (its last character is a digit).
fn number_sound(text: &str) -> Sound {
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let digits = &bytes[start..];
    let after_decimal_point =
        start >= 2 && bytes[start - 1] == b'.' && bytes[start - 2].is_ascii_digit();
    let last = digits.last().copied().unwrap_or(b'0');
    let trailing_zeros = digits.iter().rev().take_while(|&&d| d == b'0').count();
    if after_decimal_point || trailing_zeros == 0 || trailing_zeros == digits.len() {
        // 영 일 이 삼 사 오 육 칠 팔 구.
        return match last {
            b'1' | b'7' | b'8' => Sound::Rieul,
            b'0' | b'3' | b'6' => Sound::Consonant,
            _ => Sound::Vowel,
        };
    }
    match trailing_zeros {
        // 십, 백, 천.
        1..=3 => Sound::Consonant,
        // 만, 억, 조, 경, then 해 for anything longer.
        _ => match trailing_zeros / 4 {
            1 | 2 | 4 => Sound::Consonant,
            _ => Sound::Vowel,
        },
    }
}

/// The last sound of the run of Latin letters that `text` ends with.
fn latin_sound(text: &str) -> Sound {
    let start = text
        .bytes()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let run = &text[start..];
    let is_letter_names = run.len() == 1 || run.bytes().all(|b| b.is_ascii_uppercase());
    let run = run.to_ascii_lowercase();
    if is_letter_names {
        return match run.as_bytes().last() {
            Some(b'l' | b'r') => Sound::Rieul,
            Some(b'm' | b'n') => Sound::Consonant,
            _ => Sound::Vowel,
        };
    }
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    let tail: Vec<u8> = run.bytes().rev().take(3).collect();
    match tail.as_slice() {
        [b'l', ..] => Sound::Rieul,
        [b'e', b'l', before, ..] if !is_vowel(*before) => Sound::Rieul,
        [b'm' | b'n', ..] => Sound::Consonant,
        [b'e', b'm' | b'n', before, ..] if is_vowel(*before) => Sound::Consonant,
        [b'k', b'c', ..] => Sound::Consonant,
        _ => Sound::Vowel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_file_parses() {
        assert_eq!(parse_errors(), Vec::<String>::new());
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let ko: BTreeSet<&String> = ids(Lang::Ko).iter().collect();
        let en: BTreeSet<&String> = ids(Lang::En).iter().collect();
        let only_ko: Vec<_> = ko.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&ko).collect();
        assert!(
            only_ko.is_empty() && only_en.is_empty(),
            "only in Korean: {only_ko:?}; only in English: {only_en:?}"
        );
    }

    #[test]
    fn arguments_and_plurals_are_filled_in() {
        let en = text(Lang::En, "test-nodes", &[("count", Arg::Count(1))]);
        assert_eq!(en, "1 node");
        let en = text(Lang::En, "test-nodes", &[("count", Arg::Count(3))]);
        assert_eq!(en, "3 nodes");
        let ko = text(Lang::Ko, "test-nodes", &[("count", Arg::Count(3))]);
        assert_eq!(ko, "노드 3개");
    }

    /// Word, particle asked for, particle expected: names, numbers, shapes, quoted names and
    /// Korean words.
    const JOSA_TABLE: &[(&str, &str, &str)] = &[
        // Single letters, by their names: 엑스, 와이, 엘, 엠, 알, 더블유.
        ("x", "은", "는"),
        ("y", "을", "를"),
        ("t", "이", "가"),
        ("l", "은", "은"),
        ("m", "을", "을"),
        ("r", "으로", "로"),
        ("n", "으로", "으로"),
        ("W", "은", "는"),
        ("b", "과", "와"),
        // Names with digits: the digit decides (일, 이, 삼).
        ("W1", "을", "을"),
        ("b2", "을", "를"),
        ("x3", "이", "이"),
        ("dW1", "으로", "로"),
        // English words: l, m, n, ng, vowel + me/ne, consonant + le and ck close the syllable.
        ("price", "은", "는"),
        ("x_train", "은", "은"),
        ("apple_num", "을", "을"),
        ("dapple", "은", "은"),
        ("label", "으로", "로"),
        ("affine", "이", "이"),
        ("back", "을", "을"),
        ("grad", "은", "는"),
        ("loss", "이", "가"),
        ("softmax", "을", "를"),
        ("relu", "와", "와"),
        ("ReLU", "은", "는"),
        ("NaN", "이", "이"),
        ("SVG", "으로", "로"),
        ("nan", "을", "을"),
        ("inf", "을", "를"),
        ("dW", "은", "는"),
        // Numbers: the last digit, or the unit the trailing zeros make.
        ("1", "은", "은"),
        ("3", "을", "을"),
        ("0", "이라는", "이라는"),
        ("2", "이라는", "라는"),
        ("7", "으로", "로"),
        ("10", "이", "이"),
        ("100", "은", "은"),
        ("20000", "은", "은"),
        ("1200000", "으로", "으로"),
        ("1000000000000", "이", "가"),
        ("4294967295", "은", "는"),
        ("1.5", "은", "는"),
        ("2.0", "은", "은"),
        ("0.1", "으로", "로"),
        ("1e308", "은", "은"),
        ("-3", "을", "을"),
        // Shapes and arrays: the closing bracket and a trailing comma are not read.
        ("(1, 3)", "은", "은"),
        ("(2, 5)", "은", "는"),
        ("(3,)", "을", "을"),
        ("()", "은", "는"),
        ("[1. 2.]", "은", "는"),
        // Quoted names: the quotes are not read.
        ("'x'", "은", "는"),
        ("'0'", "라는", "이라는"),
        ("`print`", "을", "를"),
        ("'W1'", "이", "이"),
        // Korean words: the final consonant of the last syllable.
        ("수업", "라는", "이라는"),
        ("계층", "와", "과"),
        ("기울기", "을", "를"),
        ("배열", "으로", "로"),
        ("형상", "이에요", "이에요"),
        ("노드", "이어야", "여야"),
        // Sizes as `:memory` writes them.
        ("1.5 KiB", "을", "를"),
        ("16 B", "은", "는"),
    ];

    #[test]
    fn particles_follow_the_last_sound() {
        let wrong: Vec<String> = JOSA_TABLE
            .iter()
            .filter(|(word, asked, expected)| josa(word, asked) != *expected)
            .map(|(word, asked, expected)| {
                format!(
                    "{word} + {asked}: {} (expected {expected})",
                    josa(word, asked)
                )
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn an_unknown_particle_is_written_as_given() {
        assert_eq!(josa("x", "에게"), "에게");
    }

    #[test]
    fn the_fluent_function_writes_the_value_then_its_particle() {
        let mut bundle =
            FluentBundle::new_concurrent(vec![unic_langid::LanguageIdentifier::default()]);
        bundle.set_use_isolating(false);
        bundle
            .add_function("JOSA", josa_function)
            .expect("a fresh bundle");
        let resource = FluentResource::try_new(
            "plain = { JOSA($name, \"을\") } 봅니다\nquoted = { JOSA($name, \"은\", quote: \"'\") } 이름입니다\ncount = { JOSA($count, \"이\") } 있습니다\n"
                .to_string(),
        )
        .expect("it parses");
        bundle.add_resource(resource).expect("no clash");
        let say = |id: &str, key: &str, value: FluentValue<'static>| {
            let mut args = FluentArgs::new();
            args.set(key.to_string(), value);
            let pattern = bundle
                .get_message(id)
                .and_then(|m| m.value())
                .expect("the message");
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned()
        };
        assert_eq!(say("plain", "name", "y".into()), "y를 봅니다");
        assert_eq!(say("plain", "name", "W1".into()), "W1을 봅니다");
        assert_eq!(say("quoted", "name", "x".into()), "'x'는 이름입니다");
        assert_eq!(say("quoted", "name", "수업".into()), "'수업'은 이름입니다");
        assert_eq!(
            say("count", "count", FluentValue::from(3.0)),
            "3이 있습니다"
        );
        assert_eq!(
            say("count", "count", FluentValue::from(2.0)),
            "2가 있습니다"
        );
    }

    #[test]
    fn korean_messages_pick_their_particles() {
        let ko = text(
            Lang::Ko,
            "picture-no-gradients",
            &[("name", Arg::from("y"))],
        );
        assert!(ko.contains("back y를") && !ko.contains("(를)"), "{ko}");
        let ko = text(
            Lang::Ko,
            "parse-arity",
            &[
                ("function", Arg::from("relu")),
                ("wanted", Arg::from("1개")),
                ("got", Arg::Count(2)),
            ],
        );
        assert!(ko.starts_with("relu는 "), "{ko}");
    }
}
