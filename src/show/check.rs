//! The gradient check (기울기 확인) as the learner reads it: per variable the mean and largest
//! difference between the numerical gradient and `back`'s, a verdict, and every element left
//! out at a ReLU kink with both of its gradients. Its sentences wrap to the view's width; a
//! row's continuation lines line up under the row's text.

use crate::engine::gradcheck::{Report, TOLERANCE};
use crate::show::names;
use crate::show::print;
use crate::show::view::View;
use crate::show::wrap;
use unicode_width::UnicodeWidthStr;

pub fn render(report: &Report, view: &View) -> String {
    let (style, lang, columns) = (&view.style, view.lang, view.width);
    // A sentence in the context colour is wrapped first and coloured line by line, so each line
    // carries its own escapes.
    let context = |text: &str| -> String {
        wrap::wrap(text, columns)
            .lines()
            .map(|line| format!("{}\n", style.context(line)))
            .collect()
    };
    // What was checked is code (`check x * w`): the heading wraps around it, never through it.
    let target = wrap::keep_whole(&report.target);
    let heading = match &report.dout {
        Some(dout) => crate::msg!(
            "check-heading-dout",
            name = &target,
            dout = wrap::keep_whole(dout)
        ),
        None => crate::msg!("check-heading", name = &target),
    };
    let mut out = context(&lang.say(&heading));
    // The older values of names bound again since (the last rows) say so in their label.
    let first_rebound = report.vars.len().saturating_sub(report.rebound.len());
    let labels: Vec<String> = report
        .vars
        .iter()
        .enumerate()
        .map(|(i, var)| {
            if i >= first_rebound {
                names::before_update(&var.name, lang)
            } else {
                var.name.clone()
            }
        })
        .collect();
    let width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    for (var, label) in report.vars.iter().zip(&labels) {
        let verdict = if var.ok {
            style.ok(&lang.word("check-ok"))
        } else {
            style.error(&lang.word("check-mismatch"))
        };
        let pad = " ".repeat(width - label.width());
        let row = lang.say(&crate::msg!(
            "check-row",
            mean = short(var.mean_abs_diff),
            max = short(var.max_abs_diff)
        ));
        let line = format!("  {}{pad}  {row}  {verdict}", style.name(label));
        let under_row = " ".repeat(2 + width + 2);
        out.push_str(&wrap::wrap_line(&line, columns, &under_row));
        out.push('\n');
    }
    let rebound = report.rebound.iter().map(String::as_str);
    if let Some(note) = names::rebound_note(rebound, &report.target, lang) {
        out.push_str(&context(&note));
    }
    for var in report.vars.iter().filter(|v| !v.kinks.is_empty()) {
        let warning = format!(
            "{} {}",
            style.warning(&lang.word("warning-label")),
            lang.say(&crate::msg!(
                "check-kinks",
                count = var.kinks.len(),
                name = &var.name
            ))
        );
        out.push_str(&wrap::wrap_line(&warning, columns, ""));
        out.push('\n');
        for kink in &var.kinks {
            let index: Vec<String> = kink.index.iter().map(usize::to_string).collect();
            let element = format!("{}[{}]", var.name, index.join(", "));
            let line = format!(
                "  {}  {}",
                style.name(&wrap::keep_whole(&element)),
                lang.say(&crate::msg!(
                    "check-kink-row",
                    numerical = rounded(kink.numerical),
                    back = rounded(kink.back)
                ))
            );
            let under_row = " ".repeat(2 + element.width() + 2);
            out.push_str(&wrap::wrap_line(&line, columns, &under_row));
            out.push('\n');
        }
    }
    if let Some((count, by_default)) = report.sample {
        let id = if by_default {
            crate::msg!("check-sampled-by-default", count = count)
        } else {
            crate::msg!("check-sampled", count = count)
        };
        out.push_str(&context(&lang.say(&id)));
    }
    out.push_str(&context(&lang.say(&crate::msg!(
        "check-tolerance",
        tolerance = format!("{TOLERANCE:e}")
    ))));
    out
}

/// A gradient to 8 decimals, as numpy would print it, without a central difference's last-digit
/// noise (0.49999999999999994 is 0.5).
fn rounded(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e8 {
        return print::float_repr(x);
    }
    print::float_repr((x * 1e8).round() / 1e8 + 0.0)
}

/// A difference in three significant digits: `1.22e-11`, or `0` when there is none.
fn short(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else {
        format!("{x:.2e}")
    }
}
