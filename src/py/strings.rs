//! Python's `str`: its repr, indexing by character, repetition, and its methods, `str.format`
//! among them. Strings are indexed by Unicode scalar values, as Python's are.
//!
//! The methods need the interpreter for a few things — `str()` and `repr()` of any value (for
//! `format`) and iterating a value (for `join`) — which the caller hands in as closures.

use std::rc::Rc;

use crate::msg;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::format::{MAX_LEN, ascii_escape, format_value};
use crate::py::value::{Args, Value, slice_span};

fn type_error(m: crate::i18n::Message) -> PyErr {
    PyErr::new(ExcKind::TypeError, m)
}

fn value_error(m: crate::i18n::Message) -> PyErr {
    PyErr::new(ExcKind::ValueError, m)
}

fn too_long() -> PyErr {
    PyErr::new(ExcKind::MemoryError, msg!("py-str-too-long"))
}

/// `len(s)`: the number of characters.
pub fn str_len(s: &str) -> usize {
    s.chars().count()
}

/// Whitespace as Python's `str.isspace` and `str.split()` see it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

pub use crate::py::format::str_repr;

/// An int argument (`__index__`): ints, bools and numpy ints.
fn int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) | Value::NpInt(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(type_error(msg!("py-str-not-int", kind = other.type_name()))),
    }
}

/// A start or end argument of `find`, `count`, `startswith`: `None` or an int.
fn bound_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i) | Value::NpInt(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(i64::from(*b))),
        Some(_) => Err(type_error(msg!("py-str-slice-index"))),
    }
}

/// CPython's `ADJUST_INDICES`: negative bounds count from the end; `end` is clamped to the
/// length, `start` only from below.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// The char index of a byte offset.
fn char_index(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, |p| p.chars().count())
}

/// The substring of chars `start..end` (both within `chars`).
fn sub(chars: &[char], start: i64, end: i64) -> String {
    let lo = start.clamp(0, chars.len() as i64) as usize;
    let hi = end.clamp(lo as i64, chars.len() as i64) as usize;
    chars.get(lo..hi).unwrap_or(&[]).iter().collect()
}

/// `s[index]` by character (negative indices wrap) or `s[lo:hi:step]` with a `Value::Slice`.
pub fn str_index(s: &str, index: &Value) -> PyResult<Value> {
    if let Value::Slice(sl) = index {
        let chars: Vec<char> = s.chars().collect();
        let (start, step, count) = slice_span(&sl.0, &sl.1, &sl.2, chars.len())?;
        let mut out = String::with_capacity(count);
        let mut at = start;
        for _ in 0..count {
            if let Some(&c) = usize::try_from(at).ok().and_then(|i| chars.get(i)) {
                out.push(c);
            }
            at += step;
        }
        return Ok(Value::str(&out));
    }
    let i = match index {
        Value::Int(i) | Value::NpInt(i) => *i,
        Value::Bool(b) => i64::from(*b),
        other => {
            return Err(type_error(msg!(
                "py-str-index-type",
                kind = other.type_name()
            )));
        }
    };
    let len = str_len(s) as i64;
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(PyErr::new(ExcKind::IndexError, msg!("py-str-index-range")));
    }
    let c = s.chars().nth(at as usize).unwrap_or_default();
    Ok(Value::str(&c.to_string()))
}

/// `s * n`: `n` copies, none when `n <= 0`; a `MemoryError` beyond 2^28 characters.
pub fn str_mul(s: &str, n: i64) -> PyResult<Value> {
    if n <= 0 || s.is_empty() {
        return Ok(Value::str(""));
    }
    let total = (str_len(s) as u128) * (n as u128);
    if total > MAX_LEN as u128 {
        return Err(too_long());
    }
    Ok(Value::str(&s.repeat(n as usize)))
}

/// The methods of `str` that [`call_str_method`] knows.
pub const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];

/// How a method reports a wrong number of arguments; each family of CPython's methods words
/// it its own way.
#[derive(Clone, Copy)]
enum Arity {
    /// `str.upper() takes no arguments (1 given)`
    None,
    /// `str.join() takes exactly one argument (0 given)`
    One,
    /// `replace expected at least 2 arguments, got 1`
    Expected(usize, usize),
    /// `find() takes at least 1 argument (0 given)`
    Takes(usize, usize),
}

/// Checks a method that takes no keywords.
fn check(name: &str, args: &Args, arity: Arity) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(msg!("py-str-no-kw", name = name)));
    }
    let given = args.pos.len();
    match arity {
        Arity::None if given != 0 => Err(type_error(msg!(
            "py-str-no-args",
            name = name,
            given = given
        ))),
        Arity::One if given != 1 => Err(type_error(msg!(
            "py-str-one-arg",
            name = name,
            given = given
        ))),
        Arity::Expected(min, _) if given < min => Err(type_error(msg!(
            "py-str-expected-at-least",
            name = name,
            min = min,
            given = given
        ))),
        Arity::Expected(_, max) if given > max => Err(type_error(msg!(
            "py-str-expected-at-most",
            name = name,
            max = max,
            given = given
        ))),
        Arity::Takes(min, _) if given < min => Err(type_error(msg!(
            "py-str-takes-at-least",
            name = name,
            min = min,
            given = given
        ))),
        Arity::Takes(_, max) if given > max => Err(type_error(msg!(
            "py-str-takes-at-most",
            name = name,
            max = max,
            given = given
        ))),
        _ => Ok(()),
    }
}

/// Binds the arguments of a method that takes keywords (`split(sep=None, maxsplit=-1)`).
fn bind(name: &str, args: Args, params: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let given = args.pos.len() + args.kw.len();
    if given > params.len() {
        return Err(type_error(msg!(
            "py-str-takes-at-most",
            name = name,
            max = params.len(),
            given = given
        )));
    }
    let npos = args.pos.len();
    let mut out: Vec<Option<Value>> = args.pos.into_iter().map(Some).collect();
    out.resize(params.len(), None);
    for (key, value) in args.kw {
        let Some(at) = params.iter().position(|p| *p == key) else {
            return Err(type_error(msg!("py-str-bad-kw", kw = key, name = name)));
        };
        if at < npos {
            return Err(type_error(msg!(
                "py-str-kw-and-pos",
                name = name,
                kw = key,
                index = at + 1
            )));
        }
        out[at] = Some(value);
    }
    Ok(out)
}

/// The argument as a `str`, or `TypeError: must be str, not int`.
fn str_arg(v: &Value) -> PyResult<Rc<String>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(msg!(
            "py-str-must-be-str",
            kind = other.type_name()
        ))),
    }
}

fn fill_arg(v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(s)) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(type_error(msg!("py-str-fill-len"))),
            }
        }
        Some(other) => Err(type_error(msg!(
            "py-str-fill-type",
            kind = other.type_name()
        ))),
    }
}

fn width_arg(v: &Value) -> PyResult<usize> {
    let w = int_arg(v)?;
    if w > MAX_LEN as i64 {
        return Err(too_long());
    }
    Ok(w.max(0) as usize)
}

fn split_whitespace(s: &[char], maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let n = s.len();
    let mut i = 0;
    while left > 0 {
        left -= 1;
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        while i < n && !is_space(s[i]) {
            i += 1;
        }
        out.push(s[j..i].iter().collect());
    }
    if i < n {
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i != n {
            out.push(s[i..].iter().collect());
        }
    }
    out
}

fn rsplit_whitespace(s: &[char], maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut i = s.len();
    while left > 0 {
        left -= 1;
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        while i > 0 && !is_space(s[i - 1]) {
            i -= 1;
        }
        out.push(s[i..j].iter().collect());
    }
    if i > 0 {
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i > 0 {
            out.push(s[..i].iter().collect());
        }
    }
    out.reverse();
    out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let start = i;
        while i < n && !is_line_break(chars[i]) {
            i += 1;
        }
        let eol = i;
        if i < n {
            if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                i += 2;
            } else {
                i += 1;
            }
        }
        let end = if keepends { i } else { eol };
        out.push(chars[start..end].iter().collect());
    }
    out
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        None => String::new(),
        Some(first) => {
            let mut out: String = first.to_uppercase().collect();
            out.push_str(&it.as_str().to_lowercase());
            out
        }
    }
}

fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.isdigit`: decimal digits and the super- and subscript digits (Rust's `is_numeric`
/// without fractions, Roman numerals and other number letters).
fn is_digit(c: char) -> bool {
    let n = c as u32;
    if !c.is_numeric() {
        return false;
    }
    let not_digits = [
        (0xbc, 0xbe),
        (0x2150, 0x218b),
        (0x3007, 0x3007),
        (0x3021, 0x3029),
        (0x3038, 0x303a),
        (0x3192, 0x3195),
        (0x3220, 0x3229),
        (0x3248, 0x324f),
        (0x3251, 0x325f),
        (0x3280, 0x3289),
        (0x32b1, 0x32bf),
        (0x16ee, 0x16f0),
        (0x2469, 0x2473),
        (0x247d, 0x2487),
        (0x2491, 0x249b),
        (0x24eb, 0x24f4),
        (0x24fe, 0x24fe),
        (0x277f, 0x277f),
        (0x2789, 0x2789),
        (0x2793, 0x2793),
        (0x2cfd, 0x2cfd),
    ];
    !not_digits.iter().any(|&(lo, hi)| (lo..=hi).contains(&n))
}

fn is_decimal(c: char) -> bool {
    is_digit(c)
        && !matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x24ff | 0x2776..=0x2793)
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || c.is_alphabetic() => it.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn expandtabs(s: &str, size: i64) -> PyResult<String> {
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    if out.len() as i64 + n > MAX_LEN as i64 {
                        return Err(too_long());
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(out)
}

/// `find`/`rfind`/`index`/`rindex`: the char index of `needle` in `s[start:end]`, or -1.
fn find(s: &str, needle: &str, start: Option<i64>, end: Option<i64>, from_right: bool) -> i64 {
    let chars: Vec<char> = s.chars().collect();
    let nlen = str_len(needle) as i64;
    let (start, end) = adjust(start, end, chars.len());
    if end - start < nlen {
        return -1;
    }
    if nlen == 0 {
        return if from_right { end } else { start };
    }
    let hay = sub(&chars, start, end);
    let found = if from_right {
        hay.rfind(needle)
    } else {
        hay.find(needle)
    };
    found.map_or(-1, |b| start + char_index(&hay, b) as i64)
}

fn count(s: &str, needle: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let chars: Vec<char> = s.chars().collect();
    let nlen = str_len(needle) as i64;
    let (start, end) = adjust(start, end, chars.len());
    if end - start < nlen {
        return 0;
    }
    if nlen == 0 {
        return end - start + 1;
    }
    sub(&chars, start, end).matches(needle).count() as i64
}

/// `startswith`/`endswith` of one candidate, CPython's `tailmatch`.
fn tail_match(s: &[char], cand: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let clen = str_len(cand) as i64;
    let (start, end) = adjust(start, end, s.len());
    let last = end - clen;
    if last < start {
        return false;
    }
    if clen == 0 {
        return true;
    }
    let from = if at_end { last } else { start };
    sub(s, from, from + clen) == cand
}

fn strip_chars(name: &str, v: Option<&Value>) -> PyResult<Option<Rc<String>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(_) => Err(type_error(msg!("py-str-strip-arg", name = name))),
    }
}

/// Calls the `str` method `name` on `s`. `str_of` and `repr_of` are the interpreter's `str()`
/// and `repr()` (used by `format`), `iterate` lists the items of an iterable (used by `join`).
/// An unknown name is Python's `AttributeError`.
pub fn call_str_method(
    s: &Rc<String>,
    name: &str,
    args: Args,
    str_of: &mut dyn FnMut(&Value) -> PyResult<String>,
    repr_of: &mut dyn FnMut(&Value) -> PyResult<String>,
    iterate: &mut dyn FnMut(&Value) -> PyResult<Vec<Value>>,
) -> PyResult<Value> {
    let text: &str = s;
    let string = |t: String| Value::str(&t);
    let strings = |v: Vec<String>| Value::list(v.iter().map(|t| Value::str(t)).collect());
    match name {
        "upper" | "lower" | "casefold" | "title" | "capitalize" | "swapcase" => {
            check(name, &args, Arity::None)?;
            Ok(string(match name {
                "upper" => text.to_uppercase(),
                "lower" | "casefold" => text.to_lowercase(),
                "title" => title(text),
                "capitalize" => capitalize(text),
                _ => swapcase(text),
            }))
        }
        "isdigit" | "isalpha" | "isspace" | "isupper" | "islower" | "isalnum" | "isnumeric"
        | "isdecimal" | "isascii" | "isidentifier" | "istitle" => {
            check(name, &args, Arity::None)?;
            let cased = text.chars().any(is_cased);
            Ok(Value::Bool(match name {
                "isdigit" => all_nonempty(text, is_digit),
                "isdecimal" => all_nonempty(text, is_decimal),
                "isnumeric" => all_nonempty(text, char::is_numeric),
                "isalpha" => all_nonempty(text, char::is_alphabetic),
                "isalnum" => all_nonempty(text, |c| c.is_alphabetic() || c.is_numeric()),
                "isspace" => all_nonempty(text, is_space),
                "isupper" => cased && !text.chars().any(char::is_lowercase),
                "islower" => cased && !text.chars().any(char::is_uppercase),
                "isascii" => text.is_ascii(),
                "isidentifier" => is_identifier(text),
                _ => is_title(text),
            }))
        }
        "join" => {
            check(name, &args, Arity::One)?;
            let items = iterate(&args.pos[0]).map_err(|e| {
                if e.kind == ExcKind::TypeError {
                    type_error(msg!("py-str-join-iterable"))
                } else {
                    e
                }
            })?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                let Value::Str(part) = item else {
                    return Err(type_error(msg!(
                        "py-str-join-item",
                        index = i.to_string(),
                        kind = item.type_name()
                    )));
                };
                if i > 0 {
                    out.push_str(text);
                }
                out.push_str(part);
                if out.len() > 4 * MAX_LEN {
                    return Err(too_long());
                }
            }
            Ok(string(out))
        }
        "split" | "rsplit" => {
            let bound = bind(name, args, &["sep", "maxsplit"])?;
            let maxsplit = match &bound[1] {
                Some(v) => int_arg(v)?,
                None => -1,
            };
            let sep = match &bound[0] {
                None | Some(Value::None) => None,
                Some(Value::Str(sep)) => Some(sep.clone()),
                Some(other) => {
                    return Err(type_error(msg!(
                        "py-str-str-or-none",
                        kind = other.type_name()
                    )));
                }
            };
            let parts = match sep {
                None => {
                    let chars: Vec<char> = text.chars().collect();
                    if name == "split" {
                        split_whitespace(&chars, maxsplit)
                    } else {
                        rsplit_whitespace(&chars, maxsplit)
                    }
                }
                Some(sep) => {
                    if sep.is_empty() {
                        return Err(value_error(msg!("py-str-empty-sep")));
                    }
                    let n = if maxsplit < 0 {
                        usize::MAX
                    } else {
                        (maxsplit as usize).saturating_add(1)
                    };
                    if name == "split" {
                        text.splitn(n, &*sep).map(str::to_string).collect()
                    } else {
                        let mut v: Vec<String> =
                            text.rsplitn(n, &*sep).map(str::to_string).collect();
                        v.reverse();
                        v
                    }
                }
            };
            Ok(strings(parts))
        }
        "splitlines" => {
            let bound = bind(name, args, &["keepends"])?;
            let keepends = match &bound[0] {
                Some(v) => int_arg(v)? != 0,
                None => false,
            };
            Ok(strings(splitlines(text, keepends)))
        }
        "expandtabs" => {
            let bound = bind(name, args, &["tabsize"])?;
            let size = match &bound[0] {
                Some(v) => int_arg(v)?,
                None => 8,
            };
            Ok(string(expandtabs(text, size)?))
        }
        "strip" | "lstrip" | "rstrip" => {
            check(name, &args, Arity::Expected(0, 1))?;
            let chars = strip_chars(name, args.pos.first())?;
            let matcher = |c: char| match &chars {
                None => is_space(c),
                Some(set) => set.contains(c),
            };
            Ok(Value::str(match name {
                "strip" => text.trim_matches(matcher),
                "lstrip" => text.trim_start_matches(matcher),
                _ => text.trim_end_matches(matcher),
            }))
        }
        "replace" => {
            check(name, &args, Arity::Expected(2, 3))?;
            let want = |i: usize| -> PyResult<Rc<String>> {
                match &args.pos[i] {
                    Value::Str(t) => Ok(t.clone()),
                    other => Err(type_error(msg!(
                        "py-str-replace-arg",
                        index = (i + 1).to_string(),
                        kind = other.type_name()
                    ))),
                }
            };
            let old = want(0)?;
            let new = want(1)?;
            let limit = match args.pos.get(2) {
                Some(v) => int_arg(v)?,
                None => -1,
            };
            let limit = if limit < 0 {
                usize::MAX
            } else {
                limit as usize
            };
            let matches = if old.is_empty() {
                str_len(text) + 1
            } else {
                text.matches(&*old).count()
            };
            let grow = (matches.min(limit) as u128) * (new.len() as u128);
            if text.len() as u128 + grow > 4 * MAX_LEN as u128 {
                return Err(too_long());
            }
            Ok(string(text.replacen(&*old, &new, limit)))
        }
        "startswith" | "endswith" => {
            check(name, &args, Arity::Takes(1, 3))?;
            let start = bound_arg(args.pos.get(1))?;
            let end = bound_arg(args.pos.get(2))?;
            let chars: Vec<char> = text.chars().collect();
            let at_end = name == "endswith";
            match &args.pos[0] {
                Value::Str(c) => Ok(Value::Bool(tail_match(&chars, c, start, end, at_end))),
                Value::Tuple(items) => {
                    for item in items.iter() {
                        let Value::Str(c) = item else {
                            return Err(type_error(msg!(
                                "py-str-prefix-tuple",
                                name = name,
                                kind = item.type_name()
                            )));
                        };
                        if tail_match(&chars, c, start, end, at_end) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    Ok(Value::Bool(false))
                }
                other => Err(type_error(msg!(
                    "py-str-prefix-type",
                    name = name,
                    kind = other.type_name()
                ))),
            }
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            check(name, &args, Arity::Takes(1, 3))?;
            let needle = str_arg(&args.pos[0])?;
            let start = bound_arg(args.pos.get(1))?;
            let end = bound_arg(args.pos.get(2))?;
            if name == "count" {
                return Ok(Value::Int(count(text, &needle, start, end)));
            }
            let from_right = name.starts_with('r');
            let at = find(text, &needle, start, end, from_right);
            if at < 0 && name.ends_with("index") {
                return Err(value_error(msg!("py-str-not-found")));
            }
            Ok(Value::Int(at))
        }
        "center" | "ljust" | "rjust" => {
            check(name, &args, Arity::Expected(1, 2))?;
            let width = width_arg(&args.pos[0])?;
            let fill = fill_arg(args.pos.get(1))?;
            let len = str_len(text);
            if width <= len {
                return Ok(Value::Str(s.clone()));
            }
            let marg = width - len;
            let left = match name {
                "ljust" => 0,
                "rjust" => marg,
                _ => marg / 2 + (marg & width & 1),
            };
            let mut out: String = std::iter::repeat_n(fill, left).collect();
            out.push_str(text);
            out.extend(std::iter::repeat_n(fill, marg - left));
            Ok(string(out))
        }
        "zfill" => {
            check(name, &args, Arity::One)?;
            let width = width_arg(&args.pos[0])?;
            let len = str_len(text);
            if width <= len {
                return Ok(Value::Str(s.clone()));
            }
            let fill = width - len;
            let (sign, rest) = match text.chars().next() {
                Some(c @ ('+' | '-')) => (Some(c), &text[1..]),
                _ => (None, text),
            };
            let mut out = String::new();
            out.extend(sign);
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(rest);
            Ok(string(out))
        }
        "partition" | "rpartition" => {
            check(name, &args, Arity::One)?;
            let sep = str_arg(&args.pos[0])?;
            if sep.is_empty() {
                return Err(value_error(msg!("py-str-empty-sep")));
            }
            let found = if name == "partition" {
                text.find(&*sep)
            } else {
                text.rfind(&*sep)
            };
            let parts = match found {
                Some(at) => [&text[..at], &*sep, &text[at + sep.len()..]],
                None if name == "partition" => [text, "", ""],
                None => ["", "", text],
            };
            Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
        }
        "removeprefix" | "removesuffix" => {
            check(name, &args, Arity::One)?;
            let Value::Str(affix) = &args.pos[0] else {
                return Err(type_error(msg!(
                    "py-str-affix-arg",
                    name = name,
                    kind = args.pos[0].type_name()
                )));
            };
            let out = if name == "removeprefix" {
                text.strip_prefix(&**affix)
            } else {
                text.strip_suffix(&**affix)
            };
            Ok(Value::str(out.unwrap_or(text)))
        }
        "format" => Ok(string(str_format(text, &args, str_of, repr_of)?)),
        _ => Err(PyErr::new(
            ExcKind::AttributeError,
            msg!("py-str-no-attr", kind = "str", name = name),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// str.format

/// One replacement field's value put into text: the conversion (`!r`, `!s`, `!a`) if any, then
/// the spec. This is also what an f-string's `{expr!conv:spec}` needs.
pub fn format_field(
    v: &Value,
    conv: Option<char>,
    spec: &str,
    str_of: &mut dyn FnMut(&Value) -> PyResult<String>,
    repr_of: &mut dyn FnMut(&Value) -> PyResult<String>,
) -> PyResult<String> {
    let converted = match conv {
        None => None,
        Some('s') => Some(str_of(v)?),
        Some('r') => Some(repr_of(v)?),
        Some('a') => Some(ascii_escape(&repr_of(v)?)),
        Some(c) => {
            let shown = if (c as u32) > 32 && (c as u32) < 127 {
                c.to_string()
            } else {
                format!("\\x{:x}", c as u32)
            };
            return Err(value_error(msg!("py-str-bad-conversion", conv = shown)));
        }
    };
    match converted {
        Some(text) if spec.is_empty() => Ok(text),
        Some(text) => format_value(&Value::str(&text), spec),
        None if spec.is_empty() => str_of(v),
        None => format_value(v, spec),
    }
}

/// The state of automatic field numbering (`{}`) against manual (`{0}`).
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

struct FormatCtx<'a> {
    args: &'a Args,
    numbering: Numbering,
    str_of: &'a mut dyn FnMut(&Value) -> PyResult<String>,
    repr_of: &'a mut dyn FnMut(&Value) -> PyResult<String>,
}

/// Python's `fmt.format(*args.pos, **args.kw)`.
pub fn str_format(
    fmt: &str,
    args: &Args,
    str_of: &mut dyn FnMut(&Value) -> PyResult<String>,
    repr_of: &mut dyn FnMut(&Value) -> PyResult<String>,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut ctx = FormatCtx {
        args,
        numbering: Numbering::Unset,
        str_of,
        repr_of,
    };
    build(&chars, &mut ctx, 2)
}

/// One `{…}` field as `parse_field` reads it.
struct Field {
    name: Vec<char>,
    conv: Option<char>,
    spec: Vec<char>,
    spec_has_fields: bool,
}

/// CPython's `MarkupIterator` and `output_markup`: literal text, `{{`/`}}`, and fields.
fn build(f: &[char], ctx: &mut FormatCtx, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(value_error(msg!("py-str-max-recursion")));
    }
    let n = f.len();
    let mut out = String::new();
    let mut pos = 0;
    while pos < n {
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < n {
            c = f[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= n;
        let mut len = pos - start;
        if markup && c == '}' && (at_end || f[pos] != '}') {
            return Err(value_error(msg!("py-str-single-close")));
        }
        if markup && at_end && c == '{' {
            return Err(value_error(msg!("py-str-single-open")));
        }
        if markup && !at_end {
            if f[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&f[start..start + len]);
        if !markup {
            continue;
        }
        let field = parse_field(f, &mut pos)?;
        let text = render_field(&field, ctx, depth)?;
        out.push_str(&text);
        if out.len() > 4 * MAX_LEN {
            return Err(too_long());
        }
    }
    Ok(out)
}

fn parse_field(f: &[char], pos: &mut usize) -> PyResult<Field> {
    let n = f.len();
    let start = *pos;
    let mut c = '\0';
    while *pos < n {
        c = f[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error(msg!("py-str-brace-in-name"))),
            '[' => {
                while *pos < n && f[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: f[start..(*pos).saturating_sub(1).max(start)].to_vec(),
        conv: None,
        spec: Vec::new(),
        spec_has_fields: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= n {
                return Err(value_error(msg!("py-str-end-conversion")));
            }
            field.conv = Some(f[*pos]);
            *pos += 1;
            if *pos < n {
                let next = f[*pos];
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_error(msg!("py-str-expected-colon")));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < n {
            let c = f[*pos];
            *pos += 1;
            match c {
                '{' => {
                    field.spec_has_fields = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = f[spec_start..*pos - 1].to_vec();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error(msg!("py-str-unmatched-spec")));
    }
    if c != '}' {
        return Err(value_error(msg!("py-str-expected-close")));
    }
    Ok(field)
}

/// Reads a field name made only of decimal digits as an index.
fn field_index(part: &[char]) -> PyResult<Option<usize>> {
    if part.is_empty() || !part.iter().all(char::is_ascii_digit) {
        return Ok(None);
    }
    let mut v: usize = 0;
    for c in part {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(c.to_digit(10).unwrap_or(0) as usize))
            .ok_or_else(|| value_error(msg!("py-fmt-too-many-digits")))?;
    }
    Ok(Some(v))
}

fn key_error(key: &str) -> PyErr {
    PyErr::new(ExcKind::KeyError, msg!("py-str-key", key = str_repr(key)))
}

fn render_field(field: &Field, ctx: &mut FormatCtx, depth: i32) -> PyResult<String> {
    let name = &field.name;
    let first_len = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_len];
    let mut obj = if first.is_empty() {
        let next = match ctx.numbering {
            Numbering::Manual => return Err(value_error(msg!("py-str-manual-to-auto"))),
            Numbering::Unset => 0,
            Numbering::Auto(n) => n,
        };
        ctx.numbering = Numbering::Auto(next + 1);
        positional(ctx.args, next)?
    } else if let Some(index) = field_index(first)? {
        if let Numbering::Auto(_) = ctx.numbering {
            return Err(value_error(msg!("py-str-auto-to-manual")));
        }
        ctx.numbering = Numbering::Manual;
        positional(ctx.args, index)?
    } else {
        let key: String = first.iter().collect();
        ctx.args
            .kw
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| key_error(&key))?
    };
    let mut rest = &name[first_len..];
    while let Some(&c) = rest.first() {
        rest = &rest[1..];
        if c == '.' {
            let end = rest
                .iter()
                .position(|&c| c == '.' || c == '[')
                .unwrap_or(rest.len());
            if end == 0 {
                return Err(value_error(msg!("py-str-empty-attr")));
            }
            let attr: String = rest[..end].iter().collect();
            rest = &rest[end..];
            obj = get_attr(&obj, &attr)?;
        } else if c == '[' {
            let Some(end) = rest.iter().position(|&c| c == ']') else {
                return Err(value_error(msg!("py-str-missing-bracket")));
            };
            if end == 0 {
                return Err(value_error(msg!("py-str-empty-attr")));
            }
            let key = &rest[..end];
            rest = &rest[end + 1..];
            if !matches!(rest.first(), None | Some('.' | '[')) {
                return Err(value_error(msg!("py-str-after-bracket")));
            }
            obj = get_item(&obj, key)?;
        } else {
            return Err(value_error(msg!("py-str-after-bracket")));
        }
    }
    let spec: String = if field.spec_has_fields {
        build(&field.spec, ctx, depth - 1)?
    } else {
        field.spec.iter().collect()
    };
    format_field(&obj, field.conv, &spec, ctx.str_of, ctx.repr_of)
}

fn positional(args: &Args, index: usize) -> PyResult<Value> {
    args.pos.get(index).cloned().ok_or_else(|| {
        PyErr::new(
            ExcKind::IndexError,
            msg!("py-str-replacement-index", index = index.to_string()),
        )
    })
}

fn get_attr(obj: &Value, attr: &str) -> PyResult<Value> {
    let found = match obj {
        Value::Instance(inst) => inst
            .attrs
            .borrow()
            .iter()
            .find(|(k, _)| k == attr)
            .map(|(_, v)| v.clone())
            .or_else(|| inst.class.attrs.borrow().get(attr).cloned()),
        Value::Module(m) => m.attrs.borrow().get(attr).cloned(),
        _ => None,
    };
    found.ok_or_else(|| {
        PyErr::new(
            ExcKind::AttributeError,
            msg!("py-str-no-attr", kind = obj.type_name(), name = attr),
        )
    })
}

fn get_item(obj: &Value, key: &[char]) -> PyResult<Value> {
    let index = field_index(key)?;
    let key_text: String = key.iter().collect();
    let seq = |items: &[Value], kind: &str| -> PyResult<Value> {
        match index {
            Some(i) => items.get(i).cloned().ok_or_else(|| {
                PyErr::new(
                    ExcKind::IndexError,
                    msg!("py-str-seq-index-range", kind = kind),
                )
            }),
            None => Err(type_error(msg!("py-str-seq-index-type", kind = kind))),
        }
    };
    match obj {
        Value::List(items) => seq(&items.borrow(), "list"),
        Value::Tuple(items) => seq(items, "tuple"),
        Value::Dict(d) => {
            let d = d.borrow();
            let hit = d.entries.iter().find(|(k, _)| match (k, index) {
                (Value::Int(i), Some(want)) => usize::try_from(*i).ok() == Some(want),
                (Value::Str(s), None) => **s == *key_text,
                _ => false,
            });
            match hit {
                Some((_, v)) => Ok(v.clone()),
                None => Err(PyErr::new(
                    ExcKind::KeyError,
                    msg!(
                        "py-str-key",
                        key = match index {
                            Some(i) => i.to_string(),
                            None => str_repr(&key_text),
                        }
                    ),
                )),
            }
        }
        Value::Str(s) => match index {
            Some(i) => str_index(s, &Value::Int(i as i64)),
            None => Err(type_error(msg!("py-str-index-type", kind = "str"))),
        },
        other => Err(type_error(msg!(
            "py-str-not-subscriptable",
            kind = other.type_name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::format::test_util::{dict, outcome, repr, str_of};

    /// A method call of the table: receiver, name, positional and keyword arguments, then the
    /// expected exception name (or "Ok") and text.
    type MethodCase = (
        &'static str,
        &'static str,
        Vec<Value>,
        Vec<(&'static str, Value)>,
        &'static str,
        &'static str,
    );
    /// `s[a:b:c]` and its expected text.
    type SliceCase = (
        &'static str,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        &'static str,
    );
    /// A `str.format` call of the table.
    type FormatCase = (
        &'static str,
        Vec<Value>,
        Vec<(&'static str, Value)>,
        &'static str,
        &'static str,
    );

    fn iterate(v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok(t.as_ref().clone()),
            Value::Str(s) => Ok(s.chars().map(|c| Value::str(&c.to_string())).collect()),
            other => Err(type_error(msg!("py-str-not-int", kind = other.type_name()))),
        }
    }

    fn call(s: &str, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<String> {
        let args = Args {
            pos,
            kw: kw.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        };
        let v = call_str_method(
            &Rc::new(s.to_string()),
            name,
            args,
            &mut str_of,
            &mut repr,
            &mut iterate,
        )?;
        repr(&v)
    }

    /// Expected results are CPython 3.11's `repr(s.method(*args, **kwargs))`, printed by python3.
    #[test]
    fn methods_match_python() {
        let cases: &[MethodCase] = &[
            (
                ",",
                "join",
                vec![Value::list(vec![Value::str("a"), Value::Int(1)])],
                vec![],
                "TypeError",
                "sequence item 1: expected str instance, int found",
            ),
            (
                ",",
                "join",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "can only join an iterable",
            ),
            (
                ",",
                "join",
                vec![Value::str("abc")],
                vec![],
                "Ok",
                "'a,b,c'",
            ),
            (
                ", ",
                "join",
                vec![Value::list(vec![
                    Value::str("가"),
                    Value::str("나"),
                    Value::str("다"),
                ])],
                vec![],
                "Ok",
                "'가, 나, 다'",
            ),
            ("", "join", vec![Value::list(vec![])], vec![], "Ok", "''"),
            (
                "a",
                "join",
                vec![],
                vec![],
                "TypeError",
                "str.join() takes exactly one argument (0 given)",
            ),
            (
                "-",
                "join",
                vec![Value::tuple(vec![Value::str("x"), Value::str("y")])],
                vec![],
                "Ok",
                "'x-y'",
            ),
            (
                "a b",
                "split",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "must be str or None, not int",
            ),
            (
                "a b",
                "split",
                vec![Value::str(","), Value::str("x")],
                vec![],
                "TypeError",
                "'str' object cannot be interpreted as an integer",
            ),
            (
                "a",
                "upper",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "str.upper() takes no arguments (1 given)",
            ),
            (
                "a",
                "upper",
                vec![],
                vec![("x", Value::Int(1))],
                "TypeError",
                "str.upper() takes no keyword arguments",
            ),
            (
                "a",
                "replace",
                vec![Value::str("a")],
                vec![],
                "TypeError",
                "replace expected at least 2 arguments, got 1",
            ),
            (
                "a",
                "replace",
                vec![Value::Int(1), Value::str("b")],
                vec![],
                "TypeError",
                "replace() argument 1 must be str, not int",
            ),
            (
                "a",
                "replace",
                vec![Value::str("a"), Value::Int(2)],
                vec![],
                "TypeError",
                "replace() argument 2 must be str, not int",
            ),
            (
                "a",
                "replace",
                vec![Value::str("a"), Value::str("b")],
                vec![("count", Value::Int(1))],
                "TypeError",
                "str.replace() takes no keyword arguments",
            ),
            (
                "a",
                "find",
                vec![],
                vec![],
                "TypeError",
                "find() takes at least 1 argument (0 given)",
            ),
            (
                "a",
                "find",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "must be str, not int",
            ),
            (
                "a",
                "index",
                vec![Value::str("b")],
                vec![],
                "ValueError",
                "substring not found",
            ),
            (
                "a",
                "rindex",
                vec![Value::str("b")],
                vec![],
                "ValueError",
                "substring not found",
            ),
            (
                "a",
                "center",
                vec![],
                vec![],
                "TypeError",
                "center expected at least 1 argument, got 0",
            ),
            (
                "a",
                "center",
                vec![Value::str("5")],
                vec![],
                "TypeError",
                "'str' object cannot be interpreted as an integer",
            ),
            (
                "a",
                "center",
                vec![Value::Int(5), Value::str("ab")],
                vec![],
                "TypeError",
                "The fill character must be exactly one character long",
            ),
            (
                "a",
                "center",
                vec![Value::Int(5), Value::Int(1)],
                vec![],
                "TypeError",
                "The fill character must be a unicode character, not int",
            ),
            (
                "a",
                "startswith",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "startswith first arg must be str or a tuple of str, not int",
            ),
            (
                "a",
                "startswith",
                vec![Value::tuple(vec![Value::Int(1)])],
                vec![],
                "TypeError",
                "tuple for startswith must only contain str, not int",
            ),
            (
                "a",
                "startswith",
                vec![],
                vec![],
                "TypeError",
                "startswith() takes at least 1 argument (0 given)",
            ),
            (
                "a",
                "strip",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "strip arg must be None or str",
            ),
            (
                "a",
                "strip",
                vec![],
                vec![("chars", Value::str("a"))],
                "TypeError",
                "str.strip() takes no keyword arguments",
            ),
            (
                "a,b",
                "split",
                vec![],
                vec![("sep", Value::str(",")), ("maxsplit", Value::Int(1))],
                "Ok",
                "['a', 'b']",
            ),
            (
                "a",
                "split",
                vec![],
                vec![("x", Value::Int(1))],
                "TypeError",
                "'x' is an invalid keyword argument for split()",
            ),
            (
                "a",
                "zfill",
                vec![Value::str("a")],
                vec![],
                "TypeError",
                "'str' object cannot be interpreted as an integer",
            ),
            (
                "a",
                "count",
                vec![],
                vec![],
                "TypeError",
                "count() takes at least 1 argument (0 given)",
            ),
            (
                "a",
                "count",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "must be str, not int",
            ),
            (
                "a",
                "split",
                vec![Value::str("")],
                vec![],
                "ValueError",
                "empty separator",
            ),
            (
                "a",
                "split",
                vec![Value::str(","), Value::Float(1.5)],
                vec![],
                "TypeError",
                "'float' object cannot be interpreted as an integer",
            ),
            (
                "a",
                "find",
                vec![Value::str("a"), Value::str("x")],
                vec![],
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            ),
            (
                "a",
                "strip",
                vec![Value::str("a"), Value::str("b")],
                vec![],
                "TypeError",
                "strip expected at most 1 argument, got 2",
            ),
            (
                "a",
                "ljust",
                vec![Value::Int(1), Value::Int(2), Value::Int(3)],
                vec![],
                "TypeError",
                "ljust expected at most 2 arguments, got 3",
            ),
            (
                "a",
                "isdigit",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "str.isdigit() takes no arguments (1 given)",
            ),
            (
                "x",
                "splitlines",
                vec![Value::Float(1.5)],
                vec![],
                "TypeError",
                "'float' object cannot be interpreted as an integer",
            ),
            (
                "a",
                "split",
                vec![Value::str(",")],
                vec![("sep", Value::str(","))],
                "TypeError",
                "argument for split() given by name ('sep') and position (1)",
            ),
            (
                "a",
                "split",
                vec![Value::str(",")],
                vec![("maxsplit", Value::Int(2)), ("sep", Value::str(","))],
                "TypeError",
                "split() takes at most 2 arguments (3 given)",
            ),
            (
                "a",
                "partition",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "must be str, not int",
            ),
            (
                "a",
                "partition",
                vec![Value::str("")],
                vec![],
                "ValueError",
                "empty separator",
            ),
            (
                "a",
                "removeprefix",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "removeprefix() argument must be str, not int",
            ),
            (
                "a",
                "endswith",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "endswith first arg must be str or a tuple of str, not int",
            ),
            (
                "a",
                "rsplit",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "must be str or None, not int",
            ),
            (
                "a",
                "zfill",
                vec![],
                vec![],
                "TypeError",
                "str.zfill() takes exactly one argument (0 given)",
            ),
            (
                "a",
                "zfill",
                vec![Value::Int(1), Value::Int(2)],
                vec![],
                "TypeError",
                "str.zfill() takes exactly one argument (2 given)",
            ),
            (
                "a",
                "foo",
                vec![],
                vec![],
                "AttributeError",
                "'str' object has no attribute 'foo'",
            ),
            (
                "a",
                "strip",
                vec![
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                ],
                vec![],
                "TypeError",
                "strip expected at most 1 argument, got 5",
            ),
            (
                "a",
                "startswith",
                vec![
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                ],
                vec![],
                "TypeError",
                "startswith() takes at most 3 arguments (5 given)",
            ),
            (
                "a",
                "splitlines",
                vec![
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                    Value::str(" "),
                ],
                vec![],
                "TypeError",
                "splitlines() takes at most 1 argument (5 given)",
            ),
            ("a", "upper", vec![], vec![], "Ok", "'A'"),
            (
                "Hello World",
                "upper",
                vec![],
                vec![],
                "Ok",
                "'HELLO WORLD'",
            ),
            (
                "Hello World",
                "lower",
                vec![],
                vec![],
                "Ok",
                "'hello world'",
            ),
            (
                "hello world foo",
                "title",
                vec![],
                vec![],
                "Ok",
                "'Hello World Foo'",
            ),
            (
                "they're bill's",
                "title",
                vec![],
                vec![],
                "Ok",
                "\"They'Re Bill'S\"",
            ),
            (
                "hELLO wORLD",
                "capitalize",
                vec![],
                vec![],
                "Ok",
                "'Hello world'",
            ),
            ("Hello", "swapcase", vec![], vec![], "Ok", "'hELLO'"),
            ("ΑΣ", "lower", vec![], vec![], "Ok", "'ας'"),
            ("ß", "upper", vec![], vec![], "Ok", "'SS'"),
            (
                "  a b \t\n c  ",
                "split",
                vec![],
                vec![],
                "Ok",
                "['a', 'b', 'c']",
            ),
            (
                " a b c ",
                "split",
                vec![Value::None, Value::Int(1)],
                vec![],
                "Ok",
                "['a', 'b c ']",
            ),
            (
                " a b c ",
                "rsplit",
                vec![Value::None, Value::Int(1)],
                vec![],
                "Ok",
                "[' a b', 'c']",
            ),
            (
                "a,b,,c",
                "split",
                vec![Value::str(",")],
                vec![],
                "Ok",
                "['a', 'b', '', 'c']",
            ),
            (
                "a,b,,c",
                "rsplit",
                vec![Value::str(","), Value::Int(1)],
                vec![],
                "Ok",
                "['a,b,', 'c']",
            ),
            (
                "a,b,c",
                "split",
                vec![Value::str(","), Value::Int(0)],
                vec![],
                "Ok",
                "['a,b,c']",
            ),
            (
                "aaa",
                "rsplit",
                vec![Value::str("aa")],
                vec![],
                "Ok",
                "['a', '']",
            ),
            (
                "aaa",
                "split",
                vec![Value::str("aa")],
                vec![],
                "Ok",
                "['', 'a']",
            ),
            ("", "split", vec![], vec![], "Ok", "[]"),
            ("", "split", vec![Value::str(",")], vec![], "Ok", "['']"),
            (
                "a b",
                "split",
                vec![],
                vec![("maxsplit", Value::Int(0))],
                "Ok",
                "['a b']",
            ),
            (
                " a b",
                "split",
                vec![],
                vec![("maxsplit", Value::Int(0))],
                "Ok",
                "['a b']",
            ),
            (
                " a b ",
                "rsplit",
                vec![],
                vec![("maxsplit", Value::Int(0))],
                "Ok",
                "[' a b']",
            ),
            (
                "한국어 공부",
                "split",
                vec![],
                vec![],
                "Ok",
                "['한국어', '공부']",
            ),
            (
                "a\u{3000}b\u{a0}c\u{1c}d",
                "split",
                vec![],
                vec![],
                "Ok",
                "['a', 'b', 'c', 'd']",
            ),
            (
                "a\nb\r\nc\n",
                "splitlines",
                vec![],
                vec![],
                "Ok",
                "['a', 'b', 'c']",
            ),
            (
                "a\nb\r\nc\n",
                "splitlines",
                vec![Value::Bool(true)],
                vec![],
                "Ok",
                "['a\\n', 'b\\r\\n', 'c\\n']",
            ),
            (
                "a\nb",
                "splitlines",
                vec![],
                vec![("keepends", Value::Bool(true))],
                "Ok",
                "['a\\n', 'b']",
            ),
            (
                "a\u{2028}b\u{1c}c\u{85}d\r",
                "splitlines",
                vec![],
                vec![],
                "Ok",
                "['a', 'b', 'c', 'd']",
            ),
            ("", "splitlines", vec![], vec![], "Ok", "[]"),
            ("\n", "splitlines", vec![], vec![], "Ok", "['']"),
            (
                "abc",
                "center",
                vec![Value::Int(8), Value::str("*")],
                vec![],
                "Ok",
                "'**abc***'",
            ),
            (
                "abc",
                "center",
                vec![Value::Int(6)],
                vec![],
                "Ok",
                "' abc  '",
            ),
            ("ab", "center", vec![Value::Int(5)], vec![], "Ok", "'  ab '"),
            (
                "ab",
                "center",
                vec![Value::Int(6)],
                vec![],
                "Ok",
                "'  ab  '",
            ),
            (
                "한",
                "center",
                vec![Value::Int(4), Value::str("*")],
                vec![],
                "Ok",
                "'*한**'",
            ),
            (
                "ab",
                "ljust",
                vec![Value::Int(5), Value::str("-")],
                vec![],
                "Ok",
                "'ab---'",
            ),
            ("ab", "rjust", vec![Value::Int(5)], vec![], "Ok", "'   ab'"),
            ("x", "center", vec![Value::Int(-1)], vec![], "Ok", "'x'"),
            ("abc", "rjust", vec![Value::Int(2)], vec![], "Ok", "'abc'"),
            (
                "-42",
                "zfill",
                vec![Value::Int(6)],
                vec![],
                "Ok",
                "'-00042'",
            ),
            ("+4", "zfill", vec![Value::Int(4)], vec![], "Ok", "'+004'"),
            ("abc", "zfill", vec![Value::Int(2)], vec![], "Ok", "'abc'"),
            ("42", "zfill", vec![Value::Int(5)], vec![], "Ok", "'00042'"),
            ("x", "zfill", vec![Value::Int(-3)], vec![], "Ok", "'x'"),
            ("-", "zfill", vec![Value::Int(3)], vec![], "Ok", "'-00'"),
            ("", "zfill", vec![Value::Int(2)], vec![], "Ok", "'00'"),
            (
                "aaa",
                "replace",
                vec![Value::str("a"), Value::str("b"), Value::Int(2)],
                vec![],
                "Ok",
                "'bba'",
            ),
            (
                "abc",
                "replace",
                vec![Value::str(""), Value::str("-")],
                vec![],
                "Ok",
                "'-a-b-c-'",
            ),
            (
                "abc",
                "replace",
                vec![Value::str(""), Value::str("-"), Value::Int(2)],
                vec![],
                "Ok",
                "'-a-bc'",
            ),
            (
                "a",
                "replace",
                vec![Value::str("a"), Value::str("b"), Value::Int(-1)],
                vec![],
                "Ok",
                "'b'",
            ),
            (
                "aaa",
                "replace",
                vec![Value::str("a"), Value::str("b"), Value::Int(0)],
                vec![],
                "Ok",
                "'aaa'",
            ),
            (
                "한국 한국",
                "replace",
                vec![Value::str("한"), Value::str("韓")],
                vec![],
                "Ok",
                "'韓국 韓국'",
            ),
            ("aaaa", "count", vec![Value::str("aa")], vec![], "Ok", "2"),
            ("abc", "count", vec![Value::str("")], vec![], "Ok", "4"),
            (
                "abc",
                "count",
                vec![Value::str(""), Value::Int(1)],
                vec![],
                "Ok",
                "3",
            ),
            (
                "abc",
                "count",
                vec![Value::str(""), Value::Int(5)],
                vec![],
                "Ok",
                "0",
            ),
            (
                "abcabc",
                "count",
                vec![Value::str("bc"), Value::Int(2)],
                vec![],
                "Ok",
                "1",
            ),
            (
                "abcabc",
                "count",
                vec![Value::str("bc"), Value::Int(-3), Value::Int(-1)],
                vec![],
                "Ok",
                "0",
            ),
            ("한국어", "find", vec![Value::str("어")], vec![], "Ok", "2"),
            ("abcabc", "rfind", vec![Value::str("b")], vec![], "Ok", "4"),
            (
                "abc",
                "find",
                vec![Value::str("c"), Value::Int(-1)],
                vec![],
                "Ok",
                "2",
            ),
            (
                "abc",
                "find",
                vec![Value::str(""), Value::Int(5)],
                vec![],
                "Ok",
                "-1",
            ),
            (
                "abc",
                "find",
                vec![Value::str(""), Value::Int(3)],
                vec![],
                "Ok",
                "3",
            ),
            ("abc", "rfind", vec![Value::str("")], vec![], "Ok", "3"),
            (
                "abc",
                "rfind",
                vec![Value::str(""), Value::Int(1), Value::Int(2)],
                vec![],
                "Ok",
                "2",
            ),
            (
                "abcabc",
                "find",
                vec![Value::str("b"), Value::Int(2)],
                vec![],
                "Ok",
                "4",
            ),
            (
                "abcabc",
                "find",
                vec![Value::str("b"), Value::Int(2), Value::Int(4)],
                vec![],
                "Ok",
                "-1",
            ),
            ("abcabc", "index", vec![Value::str("c")], vec![], "Ok", "2"),
            ("abcabc", "rindex", vec![Value::str("c")], vec![], "Ok", "5"),
            (
                "abc",
                "find",
                vec![Value::str("b"), Value::None, Value::None],
                vec![],
                "Ok",
                "1",
            ),
            (
                "ab",
                "find",
                vec![Value::str("b"), Value::Float(1.5)],
                vec![],
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            ),
            ("  xx  ", "strip", vec![], vec![], "Ok", "'xx'"),
            (
                "xxhixx",
                "strip",
                vec![Value::str("x")],
                vec![],
                "Ok",
                "'hi'",
            ),
            (
                "xxhixx",
                "lstrip",
                vec![Value::str("x")],
                vec![],
                "Ok",
                "'hixx'",
            ),
            (
                "xxhixx",
                "rstrip",
                vec![Value::str("x")],
                vec![],
                "Ok",
                "'xxhi'",
            ),
            ("  hi\n", "rstrip", vec![], vec![], "Ok", "'  hi'"),
            ("\u{1c} a \u{1f}", "strip", vec![], vec![], "Ok", "'a'"),
            ("abc", "strip", vec![Value::None], vec![], "Ok", "'abc'"),
            (
                "www.example.com",
                "strip",
                vec![Value::str("cmowz.")],
                vec![],
                "Ok",
                "'example'",
            ),
            ("123", "isdigit", vec![], vec![], "Ok", "True"),
            ("", "isdigit", vec![], vec![], "Ok", "False"),
            ("١٢", "isdigit", vec![], vec![], "Ok", "True"),
            ("²", "isdigit", vec![], vec![], "Ok", "True"),
            ("½", "isdigit", vec![], vec![], "Ok", "False"),
            ("12a", "isdigit", vec![], vec![], "Ok", "False"),
            ("한글", "isalpha", vec![], vec![], "Ok", "True"),
            ("abc1", "isalpha", vec![], vec![], "Ok", "False"),
            ("ABC1", "isupper", vec![], vec![], "Ok", "True"),
            ("1", "isupper", vec![], vec![], "Ok", "False"),
            ("aB", "islower", vec![], vec![], "Ok", "False"),
            ("ab1", "islower", vec![], vec![], "Ok", "True"),
            (" \t", "isspace", vec![], vec![], "Ok", "True"),
            ("", "isspace", vec![], vec![], "Ok", "False"),
            ("abc123", "isalnum", vec![], vec![], "Ok", "True"),
            ("½", "isnumeric", vec![], vec![], "Ok", "True"),
            ("²", "isdecimal", vec![], vec![], "Ok", "False"),
            ("12", "isdecimal", vec![], vec![], "Ok", "True"),
            ("Hello World", "istitle", vec![], vec![], "Ok", "True"),
            ("Hello world", "istitle", vec![], vec![], "Ok", "False"),
            ("_a1", "isidentifier", vec![], vec![], "Ok", "True"),
            ("1a", "isidentifier", vec![], vec![], "Ok", "False"),
            ("한글", "isascii", vec![], vec![], "Ok", "False"),
            (
                "abc",
                "startswith",
                vec![Value::tuple(vec![Value::str("x"), Value::str("a")])],
                vec![],
                "Ok",
                "True",
            ),
            (
                "abc",
                "endswith",
                vec![Value::str("bc")],
                vec![],
                "Ok",
                "True",
            ),
            (
                "abc",
                "startswith",
                vec![Value::str("b"), Value::Int(1)],
                vec![],
                "Ok",
                "True",
            ),
            (
                "abc",
                "endswith",
                vec![Value::str("b"), Value::Int(0), Value::Int(2)],
                vec![],
                "Ok",
                "True",
            ),
            (
                "abc",
                "startswith",
                vec![Value::str(""), Value::Int(5)],
                vec![],
                "Ok",
                "False",
            ),
            (
                "abc",
                "startswith",
                vec![Value::str(""), Value::Int(3)],
                vec![],
                "Ok",
                "True",
            ),
            (
                "abc",
                "endswith",
                vec![Value::str("")],
                vec![],
                "Ok",
                "True",
            ),
            (
                "abc",
                "startswith",
                vec![Value::str("b"), Value::None],
                vec![],
                "Ok",
                "False",
            ),
            (
                "file.py",
                "endswith",
                vec![Value::tuple(vec![Value::str(".py"), Value::str(".txt")])],
                vec![],
                "Ok",
                "True",
            ),
            (
                "a=b=c",
                "partition",
                vec![Value::str("=")],
                vec![],
                "Ok",
                "('a', '=', 'b=c')",
            ),
            (
                "a=b=c",
                "rpartition",
                vec![Value::str("=")],
                vec![],
                "Ok",
                "('a=b', '=', 'c')",
            ),
            (
                "abc",
                "partition",
                vec![Value::str("x")],
                vec![],
                "Ok",
                "('abc', '', '')",
            ),
            (
                "abc",
                "rpartition",
                vec![Value::str("x")],
                vec![],
                "Ok",
                "('', '', 'abc')",
            ),
            (
                "test_x",
                "removeprefix",
                vec![Value::str("test_")],
                vec![],
                "Ok",
                "'x'",
            ),
            (
                "x.py",
                "removesuffix",
                vec![Value::str(".py")],
                vec![],
                "Ok",
                "'x'",
            ),
            (
                "x.py",
                "removesuffix",
                vec![Value::str(".txt")],
                vec![],
                "Ok",
                "'x.py'",
            ),
            (
                "a\tb\tc",
                "expandtabs",
                vec![],
                vec![],
                "Ok",
                "'a       b       c'",
            ),
            (
                "ab\tc",
                "expandtabs",
                vec![Value::Int(4)],
                vec![],
                "Ok",
                "'ab  c'",
            ),
            (
                "a\n\tb",
                "expandtabs",
                vec![],
                vec![("tabsize", Value::Int(2))],
                "Ok",
                "'a\\n  b'",
            ),
        ];
        let mut bad = Vec::new();
        for (s, name, pos, kw, kind, out) in cases {
            let got = outcome(call(s, name, pos.clone(), kw.clone()));
            if got != (kind.to_string(), out.to_string()) {
                bad.push(format!("{s:?}.{name}: got {got:?}, want ({kind}, {out:?})"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Expected results are CPython 3.11's `fmt.format(*args, **kwargs)`, printed by python3.
    #[test]
    fn str_format_matches_python() {
        let cases: &[FormatCase] = &[
            (
                "a{}b{0}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "cannot switch from automatic field numbering to manual field specification",
            ),
            (
                "{0}{}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "cannot switch from manual field specification to automatic field numbering",
            ),
            (
                "{}{}",
                vec![Value::Int(1)],
                vec![],
                "IndexError",
                "Replacement index 1 out of range for positional args tuple",
            ),
            ("{x}", vec![Value::Int(1)], vec![], "KeyError", "'x'"),
            (
                "{",
                vec![],
                vec![],
                "ValueError",
                "Single '{' encountered in format string",
            ),
            (
                "}",
                vec![],
                vec![],
                "ValueError",
                "Single '}' encountered in format string",
            ),
            (
                "{0!x}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "Unknown conversion specifier x",
            ),
            (
                "{0:d}",
                vec![Value::str("a")],
                vec![],
                "ValueError",
                "Unknown format code 'd' for object of type 'str'",
            ),
            (
                "{!r:>6}|{:^7}|{:*<7}",
                vec![Value::str("a"), Value::str("한글"), Value::str("ab")],
                vec![],
                "Ok",
                "   'a'|  한글   |ab*****",
            ),
            (
                "{0[1]}{1[a]}",
                vec![
                    Value::list(vec![Value::Int(1), Value::Int(2)]),
                    dict(vec![(Value::str("a"), Value::Int(3))]),
                ],
                vec![],
                "Ok",
                "23",
            ),
            (
                "{:{}}",
                vec![Value::Float(1.5), Value::str(">8")],
                vec![],
                "Ok",
                "     1.5",
            ),
            ("{0!r}", vec![Value::str("x")], vec![], "Ok", "'x'"),
            (
                "{2}",
                vec![Value::Int(1)],
                vec![],
                "IndexError",
                "Replacement index 2 out of range for positional args tuple",
            ),
            ("{:}", vec![Value::Float(1.0)], vec![], "Ok", "1.0"),
            (
                "{0.x}",
                vec![Value::Int(1)],
                vec![],
                "AttributeError",
                "'int' object has no attribute 'x'",
            ),
            ("{a!s:>3}", vec![], vec![("a", Value::Int(1))], "Ok", "  1"),
            (
                "{0[5]}",
                vec![Value::list(vec![Value::Int(1)])],
                vec![],
                "IndexError",
                "list index out of range",
            ),
            (
                "{0[a]}",
                vec![dict(vec![(Value::str("b"), Value::Int(1))])],
                vec![],
                "KeyError",
                "'a'",
            ),
            (
                "{0!}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "unmatched '{' in format spec",
            ),
            (
                "{0!rr}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "expected ':' after conversion specifier",
            ),
            (
                "{0:{1}}",
                vec![Value::Int(3), Value::str("{")],
                vec![],
                "ValueError",
                "Unknown format code '{' for object of type 'int'",
            ),
            (
                "{0[}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "expected '}' before end of string",
            ),
            ("{0]}", vec![Value::Int(1)], vec![], "KeyError", "'0]'"),
            ("{ }", vec![Value::Int(1)], vec![], "KeyError", "' '"),
            ("{-1}", vec![Value::Int(1)], vec![], "KeyError", "'-1'"),
            (
                "{0[-1]}",
                vec![Value::list(vec![Value::Int(1)])],
                vec![],
                "TypeError",
                "list indices must be integers or slices, not str",
            ),
            (
                "{0[0]}",
                vec![Value::Int(1)],
                vec![],
                "TypeError",
                "'int' object is not subscriptable",
            ),
            (
                "{0[0]}",
                vec![Value::tuple(vec![Value::Int(5)])],
                vec![],
                "Ok",
                "5",
            ),
            (
                "{0.}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "Empty attribute in format string",
            ),
            (
                "{0[0]x}",
                vec![Value::list(vec![Value::Int(1)])],
                vec![],
                "ValueError",
                "Only '.' or '[' may follow ']' in format field specifier",
            ),
            (
                "{0[]}",
                vec![Value::list(vec![Value::Int(1)])],
                vec![],
                "ValueError",
                "Empty attribute in format string",
            ),
            (
                "{:{:{}}}",
                vec![Value::Int(1), Value::Int(2), Value::Int(3)],
                vec![],
                "ValueError",
                "Max string recursion exceeded",
            ),
            (
                "{0:{1}}",
                vec![Value::Float(1.5), Value::str(".2f")],
                vec![],
                "Ok",
                "1.50",
            ),
            (
                "{a[0]}",
                vec![],
                vec![("a", Value::list(vec![Value::Int(1)]))],
                "Ok",
                "1",
            ),
            (
                "{}",
                vec![],
                vec![],
                "IndexError",
                "Replacement index 0 out of range for positional args tuple",
            ),
            ("{0!r:}", vec![Value::Int(1)], vec![], "Ok", "1"),
            ("{!s}", vec![Value::Int(1)], vec![], "Ok", "1"),
            ("{0:}", vec![Value::str("x")], vec![], "Ok", "x"),
            ("{0!a}", vec![Value::str("é")], vec![], "Ok", "'\\xe9'"),
            ("{é}", vec![], vec![("é", Value::Int(1))], "Ok", "1"),
            (
                "{!ré}",
                vec![Value::Int(1)],
                vec![],
                "ValueError",
                "expected ':' after conversion specifier",
            ),
            ("{{}}", vec![], vec![], "Ok", "{}"),
            ("{{{}}}", vec![Value::Int(5)], vec![], "Ok", "{5}"),
            ("a}}b{{c", vec![], vec![], "Ok", "a}b{c"),
            (
                "{0}{1}{0}",
                vec![Value::str("x"), Value::str("y")],
                vec![],
                "Ok",
                "xyx",
            ),
            (
                "{name}은 {age}살",
                vec![],
                vec![("name", Value::str("철수")), ("age", Value::Int(20))],
                "Ok",
                "철수은 20살",
            ),
            ("{:.3f}", vec![Value::Float(3.14169)], vec![], "Ok", "3.142"),
            (
                "{:.2e}",
                vec![Value::Float(12345.678)],
                vec![],
                "Ok",
                "1.23e+04",
            ),
            ("{:d}", vec![Value::Int(42)], vec![], "Ok", "42"),
            ("{:5d}|", vec![Value::Int(42)], vec![], "Ok", "   42|"),
            (
                "{:>8.2f}|",
                vec![Value::Float(3.14169)],
                vec![],
                "Ok",
                "    3.14|",
            ),
            ("{:,}", vec![Value::Int(1234567)], vec![], "Ok", "1,234,567"),
            (
                "{:%}",
                vec![Value::Float(0.256)],
                vec![],
                "Ok",
                "25.600000%",
            ),
            ("{:.1%}", vec![Value::Float(0.256)], vec![], "Ok", "25.6%"),
            (
                "{:08.3f}",
                vec![Value::Float(-3.14169)],
                vec![],
                "Ok",
                "-003.142",
            ),
            (
                "{:^9}|",
                vec![Value::str("hello")],
                vec![],
                "Ok",
                "  hello  |",
            ),
            ("{:*<7}|", vec![Value::str("abc")], vec![], "Ok", "abc****|"),
            ("{:+.2f}", vec![Value::Float(2.5)], vec![], "Ok", "+2.50"),
            ("{:x}", vec![Value::Int(255)], vec![], "Ok", "ff"),
            ("{:#b}", vec![Value::Int(5)], vec![], "Ok", "0b101"),
            (
                "{0:>{1}}|",
                vec![Value::str("ab"), Value::Int(6)],
                vec![],
                "Ok",
                "    ab|",
            ),
            (
                "{0:{fill}^{w}}",
                vec![Value::str("ab")],
                vec![("fill", Value::str("*")), ("w", Value::Int(8))],
                "Ok",
                "***ab***",
            ),
            (
                "{} {}",
                vec![Value::None, Value::Bool(true)],
                vec![],
                "Ok",
                "None True",
            ),
            (
                "{}",
                vec![Value::Float(0.30000000000000004)],
                vec![],
                "Ok",
                "0.30000000000000004",
            ),
            ("{}", vec![Value::Float(1e+16)], vec![], "Ok", "1e+16"),
            ("{!r}", vec![Value::Float(1e-05)], vec![], "Ok", "1e-05"),
            ("{0!s:>5}|", vec![Value::str("ab")], vec![], "Ok", "   ab|"),
            (
                "{x[k]}",
                vec![],
                vec![("x", dict(vec![(Value::str("k"), Value::str("v"))]))],
                "Ok",
                "v",
            ),
            (
                "{x[1]}",
                vec![],
                vec![("x", dict(vec![(Value::Int(1), Value::str("one"))]))],
                "Ok",
                "one",
            ),
            (
                "{0[1][0]}",
                vec![Value::list(vec![
                    Value::list(vec![Value::Int(1)]),
                    Value::list(vec![Value::str("ab")]),
                ])],
                vec![],
                "Ok",
                "ab",
            ),
            (
                "{:{}{}}",
                vec![Value::Float(1.5), Value::str(">"), Value::Int(6)],
                vec![],
                "Ok",
                "   1.5",
            ),
            (
                "Epoch {}: loss={:.4f}",
                vec![Value::Int(3), Value::Float(0.123456)],
                vec![],
                "Ok",
                "Epoch 3: loss=0.1235",
            ),
            (
                "{:{width}.{prec}f}",
                vec![Value::Float(3.14169)],
                vec![("width", Value::Int(10)), ("prec", Value::Int(3))],
                "Ok",
                "     3.142",
            ),
            (
                "{0:{}}",
                vec![Value::Int(1), Value::Int(2)],
                vec![],
                "ValueError",
                "cannot switch from manual field specification to automatic field numbering",
            ),
            (
                "{0}{1}",
                vec![Value::Int(1)],
                vec![],
                "IndexError",
                "Replacement index 1 out of range for positional args tuple",
            ),
            ("{:c}", vec![Value::Int(65)], vec![], "Ok", "A"),
            (
                "{:5}|{:<5}|{:^5}|{:>5}|",
                vec![Value::Int(1), Value::Int(2), Value::Int(3), Value::Int(4)],
                vec![],
                "Ok",
                "    1|2    |  3  |    4|",
            ),
            (
                "{:5}|{:<5}|",
                vec![Value::str("a"), Value::str("b")],
                vec![],
                "Ok",
                "a    |b    |",
            ),
            (
                "{0!s:}",
                vec![Value::list(vec![Value::Int(1), Value::Int(2)])],
                vec![],
                "Ok",
                "[1, 2]",
            ),
            (
                "{:>5}",
                vec![Value::list(vec![Value::Int(1)])],
                vec![],
                "TypeError",
                "unsupported format string passed to list.__format__",
            ),
        ];
        let mut bad = Vec::new();
        for (fmt, pos, kw, kind, out) in cases {
            // `call` gives the repr of the resulting str.
            let got = outcome(call(fmt, "format", pos.clone(), kw.clone()));
            let want = if *kind == "Ok" {
                str_repr(out)
            } else {
                out.to_string()
            };
            if got != (kind.to_string(), want.clone()) {
                bad.push(format!(
                    "{fmt:?}.format: got {got:?}, want ({kind}, {want:?})"
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Expected results are CPython 3.11's `repr(s)`, `s[i]` and `s[a:b:c]`.
    #[test]
    fn repr_and_indexing_match_python() {
        let reprs: &[(&str, &str)] = &[
            (
                "a\u{0}\u{7f}\u{80}\u{a0}\u{ad}\u{200b}\u{3000}\u{e000}😀\t'\"\\",
                "'a\\x00\\x7f\\x80\\xa0\\xad\\u200b\\u3000\\ue000😀\\t\\'\"\\\\'",
            ),
            ("'", "\"'\""),
            ("'\"", "'\\'\"'"),
            ("\"", "'\"'"),
            ("a\nb\r", "'a\\nb\\r'"),
            ("한국어 abc", "'한국어 abc'"),
            ("\u{1b}[0m", "'\\x1b[0m'"),
            ("\u{e0001}", "'\\U000e0001'"),
            ("", "''"),
            ("it's", "\"it's\""),
            ("\\n", "'\\\\n'"),
            ("\u{2028}\u{85}", "'\\u2028\\x85'"),
            ("é", "'é'"),
            ("\u{feff}", "'\\ufeff'"),
            ("\u{10ffff}", "'\\U0010ffff'"),
        ];
        let indexes: &[(&str, i64, &str, &str)] = &[
            ("hello", 1, "Ok", "e"),
            ("hello", -1, "Ok", "o"),
            ("hello", 5, "IndexError", "string index out of range"),
            ("hello", -6, "IndexError", "string index out of range"),
            ("한국어", 1, "Ok", "국"),
            ("한국어", -1, "Ok", "어"),
        ];
        let slices: &[SliceCase] = &[
            ("hello", None, None, None, "hello"),
            ("hello", Some(1), Some(3), None, "el"),
            ("hello", None, None, Some(-1), "olleh"),
            ("한국어 공부", Some(1), None, None, "국어 공부"),
            ("abcdef", None, None, Some(2), "ace"),
            ("abcdef", Some(-2), None, None, "ef"),
            ("abcdef", Some(10), Some(20), None, ""),
            ("abcdef", Some(4), Some(1), Some(-1), "edc"),
            ("abcdef", None, Some(-3), None, "abc"),
            ("abcdef", Some(5), None, Some(-2), "fdb"),
        ];
        for &(s, want) in reprs {
            assert_eq!(str_repr(s), want);
        }
        for &(s, i, kind, want) in indexes {
            let got = outcome(str_index(s, &Value::Int(i)).and_then(|v| str_of(&v)));
            assert_eq!(got, (kind.to_string(), want.to_string()), "{s:?}[{i}]");
        }
        let opt = |v: Option<i64>| v.map_or(Value::None, Value::Int);
        for &(s, a, b, c, want) in slices {
            let slice = Value::Slice(Rc::new((opt(a), opt(b), opt(c))));
            let got = str_index(s, &slice).and_then(|v| str_of(&v));
            assert_eq!(got.ok().as_deref(), Some(want), "{s:?}[{a:?}:{b:?}:{c:?}]");
        }
        let got = outcome(str_index("ab", &Value::Float(1.5)).and_then(|v| str_of(&v)));
        assert_eq!(
            got,
            (
                "TypeError".to_string(),
                "string indices must be integers, not 'float'".to_string()
            )
        );
        assert_eq!(str_len("한국어 abc"), 7);
    }

    #[test]
    fn repetition() {
        let rep = |s: &str, n: i64| outcome(str_mul(s, n).and_then(|v| str_of(&v)));
        assert_eq!(rep("#", 5), ("Ok".into(), "#####".into()));
        assert_eq!(rep("ab", -2), ("Ok".into(), String::new()));
        assert_eq!(rep("한", 3), ("Ok".into(), "한한한".into()));
        assert_eq!(rep("ab", 1 << 40).0, "MemoryError");
        assert_eq!(rep("", i64::MAX), ("Ok".into(), String::new()));
        // Padding to a huge width is refused as well.
        let got = outcome(call("a", "center", vec![Value::Int(1 << 40)], vec![]));
        assert_eq!(got.0, "MemoryError");
    }

    /// Every message id used here exists in both catalogues.
    #[test]
    fn messages_are_in_both_languages() {
        use crate::i18n::{Lang, ids};
        for source in [include_str!("strings.rs"), include_str!("format.rs")] {
            for part in source.split("msg!(\"").skip(1) {
                let id = part.split('"').next().unwrap_or_default();
                if !id.starts_with("py-str-") && !id.starts_with("py-fmt-") {
                    continue;
                }
                for lang in [Lang::En, Lang::Ko] {
                    assert!(
                        ids(lang).iter().any(|i| i == id),
                        "{id} missing in {lang:?}"
                    );
                }
            }
        }
        assert!(crate::i18n::parse_errors().is_empty());
    }

    #[test]
    fn korean_messages_read_with_arguments() {
        let e = call("a", "center", vec![], vec![]).err();
        let m = e
            .map(|e| crate::i18n::Lang::Ko.say(&e.message))
            .unwrap_or_default();
        assert_eq!(m, "center: 인자가 모자랍니다 (최소 개수: 1, 받은 개수: 0)");
        let e = call("{", "format", vec![], vec![]).err();
        let m = e
            .map(|e| crate::i18n::Lang::En.say(&e.message))
            .unwrap_or_default();
        assert_eq!(m, "Single '{' encountered in format string");
    }
}
