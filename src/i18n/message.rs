//! A message of the catalogue and its arguments: what to say, not yet in any language.

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

impl From<&compact_str::CompactString> for Arg {
    fn from(text: &compact_str::CompactString) -> Arg {
        Arg::Text(text.to_string())
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

/// `msg!("id", key = value, ...)`: a `Message` with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($key), $value))*
    };
}
