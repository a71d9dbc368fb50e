//! One statement's outcome as text: the value with numpy's printing, the back panel, a picture
//! of the graph, the pages of `step`, the check report.

use crate::session::{Outcome, Session};
use crate::show::print;
use crate::show::view::View;
use crate::show::{back, check, picture, plot, step};

/// What an outcome prints, as pages: one page, unless it prints in steps (`step`), between
/// which the caller may pause. Must be called before the session runs its next statement.
pub fn render(session: &Session, outcome: &Outcome, view: &View) -> Vec<String> {
    let text = match outcome {
        Outcome::Silent => String::new(),
        Outcome::Value { name, value, .. } => {
            let digits = view.digits;
            let prefix = name.as_ref().map(|n| format!("{n} = ")).unwrap_or_default();
            let mut text =
                print::to_string_with(value, &prefix, digits, &mut |_, text| text.to_string());
            text.push('\n');
            text
        }
        Outcome::Printed { values } => {
            let texts: Vec<String> = values.iter().map(print::to_string).collect();
            let mut text = texts.join(" ");
            text.push('\n');
            text
        }
        Outcome::Back => session
            .last_back()
            .map(|record| back::render(session, record, view))
            .unwrap_or_default(),
        Outcome::Graph { node, dot, .. } => match dot {
            None => picture::render(session, *node, view),
            Some(_) => picture::dot(session, *node, view.lang),
        },
        Outcome::Step { steps } => {
            return session
                .last_back()
                .map(|record| step::render(session, record, steps, view))
                .unwrap_or_default();
        }
        Outcome::Check(report) => check::render(report, view),
        Outcome::Plot { xs, series, height } => {
            let series: Vec<plot::Series> = series
                .iter()
                .map(|(label, ys)| plot::Series::new(label.clone(), ys.clone()))
                .collect();
            let opts = plot::ChartOptions {
                width: view.width,
                height: height.unwrap_or(plot::DEFAULT_HEIGHT),
                braille: view.style.is_colored(),
            };
            match plot::line_chart(&series, xs.as_deref(), &opts, &view.style) {
                Ok(chart) => chart,
                Err(_) => format!("{}\n", view.lang.word("plot-too-narrow")),
            }
        }
        Outcome::Image { pixels, rows, cols } => {
            match plot::image(
                pixels,
                *rows,
                *cols,
                &plot::ImageOptions::default(),
                &view.style,
            ) {
                Ok(picture) => picture,
                Err(_) => format!("{}\n", view.lang.word("plot-too-narrow")),
            }
        }
        Outcome::Loaded { arrays } => {
            let width = arrays.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
            arrays
                .iter()
                .map(|(name, shape)| {
                    let pad = " ".repeat(width - name.len());
                    format!(
                        "{}{pad}  {}\n",
                        view.style.name(name),
                        crate::engine::shape::describe(shape)
                    )
                })
                .collect()
        }
    };
    vec![text]
}
