//! Outcomes in, text out: numpy's printing, colour by meaning, the back panels, pictures of the
//! graph, the step and check reports and rendered diagnostics. Nothing here changes a session.
pub mod back;
pub mod check;
pub mod diagnostic;
pub mod picture;
pub mod print;
pub mod python;
pub mod step;
pub mod style;

use crate::i18n::Lang;
use crate::session::{Origin, Outcome, Session};
use crate::show::print::Digits;
use crate::show::style::Style;

/// How text is shown: colour, the width side-by-side output must fit in, and the language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub style: Style,
    pub width: usize,
    pub lang: Lang,
}

impl View {
    pub fn new(style: Style, width: usize, lang: Lang) -> View {
        View {
            style,
            width: width.max(20),
            lang,
        }
    }

    /// No colour, 80 columns, English: what tests and pipes see unless told otherwise.
    pub fn plain() -> View {
        View::new(Style::plain(), 80, Lang::En)
    }
}

/// What an outcome prints, as pages: one page, unless it prints in steps (`step`), between
/// which the caller may pause. Must be called before the session runs its next statement.
pub fn render(session: &Session, outcome: &Outcome, view: &View) -> Vec<String> {
    let text = match outcome {
        Outcome::Silent => String::new(),
        Outcome::Value {
            name,
            value,
            origin,
        } => {
            let digits = match origin {
                Origin::Typed => Digits::Numpy,
                Origin::Computed | Origin::Gradient => Digits::Faithful,
            };
            let prefix = name.as_ref().map(|n| format!("{n} = ")).unwrap_or_default();
            let mut text =
                print::to_string_with(value, &prefix, digits, &mut |_, text| text.to_string());
            text.push('\n');
            text
        }
        Outcome::Back => session
            .last_back()
            .map(|record| back::render(session, record, view))
            .unwrap_or_default(),
        Outcome::Graph { node, dot, .. } => match dot {
            None => picture::render(session, *node, view),
            Some(_) => picture::dot(session, *node),
        },
        Outcome::Step { steps } => {
            return session
                .last_back()
                .map(|record| step::render(session, record, steps, view))
                .unwrap_or_default();
        }
        Outcome::Check(report) => check::render(report, view),
    };
    vec![text]
}
