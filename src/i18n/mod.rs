//! The program's own words, in Korean and English, and how the language is chosen.
//!
//! Code never holds a sentence. It names a message of the catalogue by id and passes its
//! arguments (`msg!("unknown-name", name = "r2")`); the catalogue files under `src/i18n/ko` and
//! `src/i18n/en` say it in each language, in Project Fluent's syntax. A `Message` is plain data,
//! so an error made deep in the engine is put into words only when it is shown, in the language
//! of that moment: `:lang` changes everything from the next line on.
//!
//! This module imports nothing else of the crate, so every stage may name a message.

mod catalogue;

pub use catalogue::{ids, parse_errors, text};

/// Korean comes first: the program is written for readers of the Korean edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// `--lang` wins; otherwise the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and
    /// not empty decides: a value starting with `ko` means Korean, anything else English.
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(lang) = flag.and_then(Lang::parse) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|key| std::env::var(key).ok())
            .find(|value| !value.is_empty());
        Lang::from_locale(locale.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(value) if value.starts_with("ko") => Lang::Ko,
            _ => Lang::En,
        }
    }

    /// Transitional: picks the Korean or the English text of a pair not yet in the catalogue.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }

    /// The message in this language.
    pub fn say(self, message: &Message) -> String {
        text(self, message.id, &message.args)
    }

    /// A message without arguments, by id.
    pub fn word(self, id: &'static str) -> String {
        text(self, id, &[])
    }
}

/// One argument of a message: text as it is, or a count, which English needs for its plurals.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Count(u64),
    /// Another message, put into words in the same language first (an I/O error's reason).
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(count: usize) -> Arg {
        Arg::Count(count as u64)
    }
}

impl From<u64> for Arg {
    fn from(count: u64) -> Arg {
        Arg::Count(count)
    }
}

impl From<u32> for Arg {
    fn from(count: u32) -> Arg {
        Arg::Count(u64::from(count))
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

/// A message of the catalogue and its arguments: what to say, not yet in any language.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, key: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((key, value.into()));
        self
    }
}

/// Transitional: a sentence not yet in the catalogue. Every use is being moved to an id.
impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::new("raw").arg("text", text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::new("raw").arg("text", text)
    }
}

/// `msg!("id", key = value, ...)`: a `Message` with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($key), $value))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_starting_with_ko_means_korean() {
        assert_eq!(Lang::from_locale(Some("ko_KR.UTF-8")), Lang::Ko);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }
}
