//! Fuzzes the Python stage: `py::run_file_with` (parser, interpreter, numpy, formatting) on
//! arbitrary text, with a limit of 20,000 loop turns and calls so that no input hangs.
//!
//! Besides "no panic, no stack overflow, no out-of-memory, no hang", it checks the rule a failed
//! statement follows in Python: it stops where it failed, what ran before stays. The program
//! runs twice, once as it is and once with `print('END')` appended: when the first run fails,
//! the second fails with the same error and never prints `END`; when it succeeds, the second
//! prints exactly the first's output followed by `END`. Rendering the error (in English and in
//! Korean) must not panic either, which running it already checks.

#![no_main]

use backprop::i18n::Lang;
use backprop::py;
use backprop::show::View;
use backprop::show::style::Style;
use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::sync::{Arc, Mutex};

const STEPS: u64 = 20_000;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Bounded: a fuzz input may print in a loop.
        let mut v = self.0.lock().unwrap();
        if v.len() < 1 << 20 {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run(src: &str, lang: Lang) -> (Vec<u8>, Option<String>) {
    let out = Captured::default();
    let view = View::new(Style::plain(), 80, lang);
    let finished = py::run_file_with("fuzz.py", src, Box::new(out.clone()), &view, Some(STEPS));
    drop(finished.out);
    let bytes = out.0.lock().unwrap().clone();
    (bytes, finished.error)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (first, error) = run(&text, Lang::En);
    let (_, ko) = run(&text, Lang::Ko);
    assert_eq!(error.is_some(), ko.is_some(), "fails in one language only");
    // Random draws differ between runs (numpy seeds from the clock), so the replay compares
    // only programs that never touch the random stream.
    if ["random", "rand", "choice", "seed", "id("].iter().any(|w| text.contains(w)) {
        return;
    }
    let extended = format!("{text}\nprint('END')\n");
    let (second, error2) = run(&extended, Lang::En);
    match error {
        Some(_) if first.len() < 1 << 20 => {
            // The same program up to the failure: the same output, and END never printed
            // (unless the appended line itself is what made the text parse differently).
            if error2.is_some() {
                assert_eq!(first, second, "a failed program prints the same before the failure");
            }
        }
        None if first.len() < 1 << 20 && error2.is_none() => {
            let mut want = first.clone();
            want.extend_from_slice(b"END\n");
            assert_eq!(second, want, "a program that ran prints the same, then END");
        }
        _ => {}
    }
});
