//! Colour, named by what it means. Call sites ask for `style.blocked(..)` or `style.grad(..)`,
//! never for a hue, so the palette can change here without touching anything else.
//!
//! A `Style` with colour off returns text unchanged, which is what pipes, `NO_COLOR` and the
//! snapshot tests of plain transcripts get.

use colored::{Color, Colorize};
use std::io::IsTerminal;

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn parse(word: &str) -> Option<ColorChoice> {
        match word {
            "auto" => Some(ColorChoice::Auto),
            "always" => Some(ColorChoice::Always),
            "never" => Some(ColorChoice::Never),
            _ => None,
        }
    }

    /// Whether to colour stdout: `always` and `never` win; `auto` colours a terminal unless
    /// `NO_COLOR` is set to anything non-empty.
    pub fn enabled_for_stdout(self) -> bool {
        self.enabled_for(std::io::stdout().is_terminal())
    }

    /// The same decision for stderr, where diagnostics go.
    pub fn enabled_for_stderr(self) -> bool {
        self.enabled_for(std::io::stderr().is_terminal())
    }

    fn enabled_for(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                // A dumb terminal shows escape codes as text, as `ls --color=auto` knows.
                let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
                !no_color && !dumb && is_terminal
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn new(color: bool) -> Style {
        if color {
            // The colored crate has a global switch that reads the environment; this type
            // already made that decision, so make colored follow it.
            colored::control::set_override(true);
        }
        Style { color }
    }

    pub fn plain() -> Style {
        Style { color: false }
    }

    pub fn is_colored(&self) -> bool {
        self.color
    }

    /// A ReLU mask cell that is `True`: the gradient stops here.
    pub fn blocked(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Red).bold().to_string())
    }

    /// A ReLU mask cell that is `False`: the gradient passes.
    pub fn passed(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Green).to_string())
    }

    /// A gradient value.
    pub fn grad(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Yellow).to_string())
    }

    /// A gradient cell that a mask set to zero: dimmed, so the eye links it to the mask.
    pub fn zeroed(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// A forward value, where it needs telling apart from a gradient (graph pictures).
    pub fn forward(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Cyan).to_string())
    }

    /// A variable name.
    pub fn name(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Blue).bold().to_string())
    }

    /// A layer or built-in function name.
    pub fn layer(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Magenta).to_string())
    }

    /// A number typed by the learner, in highlighted input.
    pub fn number(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Cyan).to_string())
    }

    /// The word `error` and the caret.
    pub fn error(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Red).bold().to_string())
    }

    /// A warning.
    pub fn warning(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Yellow).bold().to_string())
    }

    /// A passed check.
    pub fn ok(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Green).bold().to_string())
    }

    /// Secondary text: hints, notes, the source line under an error.
    pub fn context(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// A heading in lesson prose.
    pub fn heading(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().to_string())
    }

    /// Inline code in lesson prose, and statements a lesson shows.
    pub fn code(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Cyan).to_string())
    }

    /// A keyword in a Python sketch (`def`, `class`, `return`).
    pub fn keyword(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Magenta).bold().to_string())
    }

    /// A comment in a Python sketch.
    pub fn comment(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().italic().to_string())
    }

    /// A string literal in a Python sketch.
    pub fn string(&self, text: &str) -> String {
        self.paint(text, |t| t.color(Color::Green).to_string())
    }

    /// One line of a chart, `index` counting the series in the order `plot` was given them.
    /// Six hues cycle, in matplotlib's order (blue, orange, green, red, purple, cyan) so that a
    /// learner who knows the book's figures sees the same first colours; a seventh series
    /// repeats the first hue, and the legend's order still tells them apart.
    pub fn series(&self, index: usize, text: &str) -> String {
        const HUES: [Color; 6] = [
            Color::BrightBlue,
            Color::Yellow,
            Color::Green,
            Color::Red,
            Color::Magenta,
            Color::Cyan,
        ];
        self.paint(text, |t| t.color(HUES[index % HUES.len()]).to_string())
    }

    /// An image pixel drawn as a grey background, `level` from 0 (black) to 23 (white): the 24
    /// greys of the 256-colour palette, codes 232 to 255. Levels above 23 are drawn white.
    pub fn grey(&self, level: u8, text: &str) -> String {
        let code = 232 + level.min(23);
        self.paint(text, |t| t.on_color(Color::AnsiColor(code)).to_string())
    }

    fn paint(&self, text: &str, paint: impl Fn(&str) -> String) -> String {
        if self.color && !text.is_empty() {
            paint(text)
        } else {
            text.to_string()
        }
    }
}
