//! A progress bar for long work (a `check` of more than about a second), drawn on one line of
//! a terminal and redrawn in place: `check  [██████░░░░░░░░░░]  38%  380/1000`.

use crate::i18n::Lang;
use crate::msg;

/// The bar's width in cells.
const CELLS: usize = 24;

/// One frame of the bar, without a line ending: the caller writes it after `\r`.
pub fn frame(lang: Lang, done: usize, total: usize) -> String {
    let total = total.max(1);
    let done = done.min(total);
    let percent = done * 100 / total;
    let bar = cells(done, total);
    let what = lang.say(&msg!("progress-check", done = done, total = total));
    format!("{bar} {percent:>3}%  {what}")
}

/// One frame of a loop's bar: the iteration, the rate, the time left, and the latest `loss`.
pub fn loop_frame(
    lang: Lang,
    done: usize,
    total: usize,
    elapsed: std::time::Duration,
    loss: Option<f64>,
) -> String {
    let total = total.max(1);
    let done = done.min(total);
    let bar = cells(done, total);
    let seconds = elapsed.as_secs_f64().max(1e-9);
    let rate = done as f64 / seconds;
    let left = if done == 0 {
        0.0
    } else {
        (total - done) as f64 / rate
    };
    let what = lang.say(&msg!(
        "progress-loop",
        done = done,
        total = total,
        rate = format!("{rate:.0}"),
        left = format!("{left:.1}")
    ));
    match loss {
        Some(loss) => format!("{bar}  {what}  loss {loss:.6}"),
        None => format!("{bar}  {what}"),
    }
}

/// The bar itself: `done` of `total` (with `done <= total`, `total > 0`) as filled cells.
fn cells(done: usize, total: usize) -> String {
    let filled = done * CELLS / total;
    "█".repeat(filled) + &"░".repeat(CELLS - filled)
}

/// Whether a new frame is worth drawing: the percentage moved, or the work finished.
pub fn changed(done: usize, total: usize) -> bool {
    let total = total.max(1);
    done >= total || done * 100 / total != (done.saturating_sub(1)) * 100 / total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_work() {
        let half = frame(Lang::En, 500, 1000);
        assert!(
            half.starts_with(&format!("{}{}", "█".repeat(12), "░".repeat(12))),
            "{half}"
        );
        assert!(half.contains(" 50%"), "{half}");
        assert!(half.ends_with("500 of 1000 elements nudged"), "{half}");
        assert!(frame(Lang::Ko, 1000, 1000).contains("100%"));
        assert!(changed(10, 1000) && !changed(11, 1000) && changed(1000, 1000));
        let frame = loop_frame(
            Lang::En,
            250,
            1000,
            std::time::Duration::from_secs(1),
            Some(0.5),
        );
        assert!(frame.starts_with(&"█".repeat(6)), "{frame}");
        assert!(
            frame.ends_with("250/1000 iterations, 250/s, 3.0 s left  loss 0.500000"),
            "{frame}"
        );
    }
}
