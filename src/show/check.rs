//! The gradient check (기울기 확인) as the learner reads it: per variable the mean and largest
//! difference between the numerical gradient and `back`'s, a verdict, and every element left
//! out at a ReLU kink with both of its gradients.

use crate::engine::gradcheck::{Report, TOLERANCE};
use crate::show::print;
use crate::show::view::View;
use unicode_width::UnicodeWidthStr;

pub fn render(report: &Report, view: &View) -> String {
    let (style, lang) = (&view.style, view.lang);
    let heading = match &report.dout {
        Some(dout) => crate::msg!("check-heading-dout", name = &report.target, dout = dout),
        None => crate::msg!("check-heading", name = &report.target),
    };
    let mut out = format!("{}\n", style.context(&lang.say(&heading)));
    // The older values of names bound again since (the last rows) say so in their label.
    let first_rebound = report.vars.len().saturating_sub(report.rebound.len());
    let labels: Vec<String> = report
        .vars
        .iter()
        .enumerate()
        .map(|(i, var)| {
            if i >= first_rebound {
                lang.say(&crate::msg!("before-update", name = &var.name))
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
        out.push_str(&format!("  {}{pad}  {row}  {verdict}\n", style.name(label)));
    }
    if let Some(first) = report.rebound.first() {
        let mut names: Vec<&str> = Vec::new();
        for name in &report.rebound {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        out.push_str(&style.context(&lang.say(&crate::msg!(
            "rebound-note",
            names = names.join(", "),
            output = &report.target,
            example = first
        ))));
        out.push('\n');
    }
    for var in report.vars.iter().filter(|v| !v.kinks.is_empty()) {
        out.push_str(&format!(
            "{} {}\n",
            style.warning(&lang.word("warning-label")),
            lang.say(&crate::msg!(
                "check-kinks",
                count = var.kinks.len(),
                name = &var.name
            ))
        ));
        for kink in &var.kinks {
            let index: Vec<String> = kink.index.iter().map(usize::to_string).collect();
            let element = format!("{}[{}]", var.name, index.join(", "));
            out.push_str(&format!(
                "  {}  {}\n",
                style.name(&element),
                lang.say(&crate::msg!(
                    "check-kink-row",
                    numerical = rounded(kink.numerical),
                    back = rounded(kink.back)
                ))
            ));
        }
    }
    if let Some((count, by_default)) = report.sample {
        let id = if by_default {
            crate::msg!("check-sampled-by-default", count = count)
        } else {
            crate::msg!("check-sampled", count = count)
        };
        out.push_str(&style.context(&lang.say(&id)));
        out.push('\n');
    }
    out.push_str(&style.context(&lang.say(&crate::msg!(
        "check-tolerance",
        tolerance = format!("{TOLERANCE:e}")
    ))));
    out.push('\n');
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
