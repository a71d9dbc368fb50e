//! How text is shown: colour, width and language, decided once by the caller.

use crate::i18n::Lang;
use crate::show::print::Digits;
use crate::show::style::Style;

/// How text is shown: colour, the width side-by-side output must fit in, and the language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub style: Style,
    pub width: usize,
    pub lang: Lang,
    /// How many digits floats get: numpy's default print, or every digit (`:digits full`).
    pub digits: Digits,
}

impl View {
    pub fn new(style: Style, width: usize, lang: Lang) -> View {
        View {
            style,
            width: width.max(20),
            lang,
            digits: Digits::Numpy,
        }
    }

    /// No colour, 80 columns, English: what tests and pipes see unless told otherwise.
    pub fn plain() -> View {
        View::new(Style::plain(), 80, Lang::En)
    }
}
