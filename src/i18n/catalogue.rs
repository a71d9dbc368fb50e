//! The catalogue: Fluent files compiled into the binary, one bundle per language, built once.
//!
//! Fluent (the localisation system of Firefox) is used through `fluent-bundle`, its reference
//! implementation: messages with named arguments, terms that other messages reuse, and plural
//! selectors where English needs them. Korean needs no plurals, so its messages just use the
//! count. Isolation marks around arguments are turned off: a terminal shows them as noise.

use super::lang::Lang;
use super::message::{Arg, Message};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Every catalogue file, per language. A file holds the words of one part of the program.
const FILES: [(Lang, &str, &str); 20] = [
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
    cell.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Catalogue {
    let locale: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    let mut ids = Vec::new();
    for (file_lang, name, source) in FILES {
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
    let catalogue = catalogue(lang);
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
    &catalogue(lang).ids
}

/// Parse errors of every catalogue file, for the test that keeps the files well-formed.
pub fn parse_errors() -> Vec<String> {
    FILES
        .iter()
        .filter_map(
            |(_, name, source)| match FluentResource::try_new(source.to_string()) {
                Ok(_) => None,
                Err((_, errors)) => Some(format!("{name}: {errors:?}")),
            },
        )
        .collect()
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
}
