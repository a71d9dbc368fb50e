//! Python's formatting of numbers and strings: `repr(float)`, `format(v, spec)` with the whole
//! format mini-language (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`), and
//! the `%` operator of strings. The float digits come from Rust's correctly rounded formatting
//! (round-half-even on the exact binary value, as CPython's `dtoa`); their layout follows
//! CPython's `format_float_short`, and padding and grouping its `calc_number_widths`.

use crate::msg;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{DType, Value};

/// The longest text a width, a precision or a repetition may ask for.
pub const MAX_LEN: usize = 1 << 28;

fn too_long() -> PyErr {
    PyErr::new(ExcKind::MemoryError, msg!("py-fmt-too-long"))
}

// ---------------------------------------------------------------------------------------------
// Float digits

/// The significant digits of a finite `x >= 0` and the place of the decimal point:
/// `x = 0.d1 d2 d3 … × 10^decpt`. Zero is `("0", 1)`; trailing zeros are dropped.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// Reads Rust's `d.ddd…e±x` text into digits.
fn digits_from_exp_text(text: &str) -> Digits {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return Digits {
            digits: vec![b'0'],
            decpt: 1,
        };
    }
    Digits {
        digits,
        decpt: exp + 1,
    }
}

/// The shortest digits that read back as `x` (CPython's mode 0).
fn digits_shortest(x: f64) -> Digits {
    digits_from_exp_text(&format!("{:e}", x.abs()))
}

/// `n >= 1` significant digits, correctly rounded (CPython's mode 2).
fn digits_significant(x: f64, n: usize) -> Digits {
    digits_from_exp_text(&format!("{:.*e}", n.saturating_sub(1), x.abs()))
}

/// `n` digits after the point, correctly rounded (CPython's mode 3). A value that rounds to
/// zero has no digits and `decpt = -n`, as `dtoa` gives it.
fn digits_fixed(x: f64, n: usize) -> Digits {
    if x == 0.0 {
        return Digits {
            digits: vec![b'0'],
            decpt: 1,
        };
    }
    let text = format!("{:.*}", n, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut decpt = int.len() as i64;
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        decpt = -(n as i64);
    }
    Digits { digits, decpt }
}

/// Lays digits out as CPython's `format_float_short` does, without the sign. `code` is `e`,
/// `f`, `g` or `r` (repr); `precision` is what `PyOS_double_to_string` passes on.
fn layout(d: &Digits, code: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
    let digits_len = d.digits.len() as i64;
    let precision = precision as i64;
    let mut decpt = d.decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let text = |range: std::ops::Range<i64>| -> String {
        let lo = range.start.clamp(0, digits_len) as usize;
        let hi = range.end.clamp(0, digits_len) as usize;
        String::from_utf8_lossy(d.digits.get(lo..hi).unwrap_or(&[])).into_owned()
    };
    let mut out = String::new();
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text(0..decpt));
        out.push('.');
        out.push_str(&text(decpt..digits_len));
    } else {
        out.push_str(&text(0..digits_len));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", exp.abs()));
    }
    out
}

/// `PyOS_double_to_string`: `x` in the form `code` (`e E f F g G r`), as a sign flag and the
/// text without it. `no_neg_0` drops the sign of a result that rounded to zero (`z`).
fn float_text(
    x: f64,
    code: char,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    no_neg_0: bool,
) -> (bool, String) {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        let t = if upper { "NAN" } else { "nan" };
        return (false, t.to_string());
    }
    if x.is_infinite() {
        let t = if upper { "INF" } else { "inf" };
        return (x < 0.0, t.to_string());
    }
    let (d, precision) = match code {
        'e' => (digits_significant(x, precision + 1), precision + 1),
        'f' => (digits_fixed(x, precision), precision),
        'g' => {
            let p = precision.max(1);
            (digits_significant(x, p), p)
        }
        _ => (digits_shortest(x), 0),
    };
    let is_zero = d.digits.is_empty() || d.digits == b"0";
    let negative = x.is_sign_negative() && !(no_neg_0 && is_zero);
    let mut text = layout(&d, code, precision, alt, add_dot_0);
    if upper {
        text = text.to_ascii_uppercase();
    }
    (negative, text)
}

/// Python's `repr(x)` (and `str(x)`) of a float: the shortest digits that read back as `x`,
/// scientific when the exponent is below -4 or from 16 on.
pub fn float_repr(x: f64) -> String {
    let (negative, text) = float_text(x, 'r', 0, false, true, false);
    if negative { format!("-{text}") } else { text }
}

// ---------------------------------------------------------------------------------------------
// The format specification

/// A parsed format specification.
#[derive(Debug, Clone)]
struct Spec {
    fill: char,
    align: char,
    sign: char,
    no_neg_0: bool,
    alt: bool,
    width: Option<usize>,
    /// `,` or `_`, and how many digits make a group.
    sep: Option<(char, usize)>,
    precision: Option<usize>,
    /// `'\0'` when none is given.
    ty: char,
}

fn value_error(m: crate::i18n::Message) -> PyErr {
    PyErr::new(ExcKind::ValueError, m)
}

/// A format code as CPython's messages show it: the character, or `\x..` when not printable.
fn code_text(c: char) -> String {
    if (' '..='~').contains(&c) && c != ' ' {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

fn unknown_code(ty: char, kind: &str) -> PyErr {
    value_error(msg!(
        "py-fmt-unknown-code",
        code = code_text(ty),
        kind = kind
    ))
}

/// Reads decimal digits at `chars[*pos..]`; `None` when there are none.
fn read_int(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let mut value: Option<usize> = None;
    while let Some(c) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        let v = value.unwrap_or(0);
        let next = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(c as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| value_error(msg!("py-fmt-too-many-digits")))?;
        value = Some(next);
        *pos += 1;
    }
    Ok(value)
}

/// CPython's `parse_internal_render_format_spec`.
fn parse_spec(spec: &str, default_type: char, default_align: char, kind: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: '\0',
        no_neg_0: false,
        alt: false,
        width: None,
        sep: None,
        precision: None,
        ty: default_type,
    };
    let mut pos = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if chars.len() >= 2 && is_align(chars.get(1)) {
        s.fill = chars[0];
        s.align = chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if is_align(chars.first()) {
        s.align = chars[0];
        align_given = true;
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        s.sign = c;
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        s.alt = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = read_int(&chars, &mut pos)?;
    let both = || value_error(msg!("py-fmt-both-separators"));
    if chars.get(pos) == Some(&',') {
        s.sep = Some((',', 3));
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if s.sep.is_some() {
            return Err(both());
        }
        s.sep = Some(('_', 3));
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && s.sep.is_some_and(|(c, _)| c == '_') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        s.precision = read_int(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(value_error(msg!("py-fmt-missing-precision")));
        }
    }
    let rest = chars.len().saturating_sub(pos);
    if rest > 1 {
        return Err(value_error(msg!(
            "py-fmt-invalid-spec",
            spec = spec,
            kind = kind
        )));
    }
    if rest == 1 {
        s.ty = chars[pos];
    }
    if let Some((sep, _)) = s.sep {
        match s.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if sep == '_' => s.sep = Some(('_', 4)),
            other => {
                return Err(value_error(msg!(
                    "py-fmt-separator-type",
                    sep = sep,
                    code = code_text(other)
                )));
            }
        }
    }
    if s.width.is_some_and(|w| w > MAX_LEN) {
        return Err(too_long());
    }
    Ok(s)
}

/// The digits with separators every `group` digits, padded with zeros (and separators) to at
/// least `min_width` characters: CPython's `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &[char], sep: Option<(char, usize)>, min_width: i64) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut end = digits.len();
    let take = |l: i64, remaining: &mut i64, end: &mut usize| -> String {
        let n_zeros = (l - *remaining).max(0);
        let n_chars = (*remaining).min(l).max(0) as usize;
        let start = end.saturating_sub(n_chars);
        let mut piece = "0".repeat(n_zeros as usize);
        piece.extend(digits.get(start..*end).unwrap_or(&[]).iter());
        *end = start;
        *remaining -= n_chars as i64;
        piece
    };
    let mut broke = false;
    if let Some((_, group)) = sep {
        let group = group as i64;
        loop {
            let l = group.min(remaining.max(min_width).max(1));
            parts.push(take(l, &mut remaining, &mut end));
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broke {
        let l = remaining.max(min_width).max(1);
        parts.push(take(l, &mut remaining, &mut end));
    }
    parts.reverse();
    let sep_text = sep.map(|(c, _)| c.to_string()).unwrap_or_default();
    parts.join(&sep_text)
}

/// Assembles a number as CPython's `calc_number_widths` and `fill_number` do: padding, sign,
/// prefix (`0x`), grouped integer digits, then the rest (`.`, fraction, exponent, `%`).
fn fill_number(
    negative: bool,
    prefix: &str,
    int_digits: &[char],
    has_decimal: bool,
    remainder: &str,
    spec: &Spec,
) -> String {
    let sign = match (spec.sign, negative) {
        (_, true) => Some('-'),
        ('+', false) => Some('+'),
        (' ', false) => Some(' '),
        _ => None,
    };
    let n_prefix = prefix.chars().count() as i64;
    let n_remainder = remainder.chars().count() as i64;
    let non_digit = i64::from(sign.is_some()) + n_prefix + i64::from(has_decimal) + n_remainder;
    let width = spec.width.map_or(-1, |w| w as i64);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if int_digits.is_empty() {
        String::new()
    } else {
        group_digits(int_digits, spec.sep, min_width)
    };
    let n_grouped = grouped.chars().count() as i64;
    let padding = (width - (non_digit + n_grouped)).max(0) as usize;
    let (mut left, mut inner, mut right) = (0, 0, 0);
    match spec.align {
        '<' => right = padding,
        '^' => {
            left = padding / 2;
            right = padding - left;
        }
        '=' => inner = padding,
        _ => left = padding,
    }
    let fill = |n: usize| -> String { std::iter::repeat_n(spec.fill, n).collect() };
    let mut out = fill(left);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(prefix);
    out.push_str(&fill(inner));
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    out.push_str(&fill(right));
    out
}

/// Pads text of `len` chars to the spec's width (strings and `c`).
fn pad_text(text: &str, len: usize, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return text.to_string();
    }
    let total = width - len;
    let left = match spec.align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out: String = std::iter::repeat_n(spec.fill, left).collect();
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, total - left));
    out
}

fn format_str(text: &str, spec_text: &str) -> PyResult<String> {
    let spec = parse_spec(spec_text, 's', '<', "str")?;
    if spec.ty != 's' {
        return Err(unknown_code(spec.ty, "str"));
    }
    if spec.sign != '\0' {
        return Err(value_error(msg!("py-fmt-str-sign")));
    }
    if spec.no_neg_0 {
        return Err(value_error(msg!("py-fmt-str-z")));
    }
    if spec.alt {
        return Err(value_error(msg!("py-fmt-str-alt")));
    }
    if spec.align == '=' {
        return Err(value_error(msg!("py-fmt-str-align")));
    }
    let (text, len) = match spec.precision {
        Some(p) => {
            let cut: String = text.chars().take(p).collect();
            let n = cut.chars().count();
            (cut, n)
        }
        None => (text.to_string(), text.chars().count()),
    };
    Ok(pad_text(&text, len, &spec))
}

fn format_int(n: i64, spec_text: &str, kind: &str) -> PyResult<String> {
    let spec = parse_spec(spec_text, 'd', '>', kind)?;
    match spec.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_spec(n as f64, spec),
        other => return Err(unknown_code(other, kind)),
    }
    if spec.precision.is_some() {
        return Err(value_error(msg!("py-fmt-int-precision")));
    }
    if spec.no_neg_0 {
        return Err(value_error(msg!("py-fmt-int-z")));
    }
    if spec.ty == 'c' {
        if spec.sign != '\0' {
            return Err(value_error(msg!("py-fmt-char-sign")));
        }
        if spec.alt {
            return Err(value_error(msg!("py-fmt-char-alt")));
        }
        let c = u32::try_from(n)
            .ok()
            .filter(|&c| c < 0x110000)
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, msg!("py-fmt-char-range")))?;
        // A lone surrogate has no Rust `char`; it shows as the replacement character.
        let c = char::from_u32(c).unwrap_or('\u{fffd}');
        return Ok(fill_number(false, "", &[], false, &c.to_string(), &spec));
    }
    let magnitude = n.unsigned_abs();
    let (digits, prefix) = match spec.ty {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        _ => (magnitude.to_string(), ""),
    };
    let prefix = if spec.alt { prefix } else { "" };
    let digits: Vec<char> = digits.chars().collect();
    Ok(fill_number(n < 0, prefix, &digits, false, "", &spec))
}

fn format_float_spec(x: f64, spec: Spec) -> PyResult<String> {
    let mut ty = spec.ty;
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut x = x;
    let mut percent = false;
    if ty == '%' {
        ty = 'f';
        x *= 100.0;
        percent = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    if precision > MAX_LEN {
        return Err(too_long());
    }
    let (negative, mut body) = float_text(x, ty, precision, spec.alt, add_dot_0, spec.no_neg_0);
    if percent {
        body.push('%');
    }
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (int_part, rest) = body.split_at(int_len);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let digits: Vec<char> = int_part.chars().collect();
    Ok(fill_number(
        negative,
        "",
        &digits,
        has_decimal,
        remainder,
        &spec,
    ))
}

fn format_float(x: f64, spec_text: &str) -> PyResult<String> {
    let spec = parse_spec(spec_text, '\0', '>', "float")?;
    match spec.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_spec(x, spec),
        other => Err(unknown_code(other, "float")),
    }
}

/// Python's `format(v, spec)`, the `{v:spec}` of f-strings and `str.format`, for ints, bools,
/// floats, strings, numpy scalars and 0-d arrays. An empty spec gives `str(v)` for these types;
/// for any other type the caller must use its own `str` when the spec is empty, and a non-empty
/// spec is Python's `TypeError`.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        match v {
            Value::Int(i) | Value::NpInt(i) => return Ok(i.to_string()),
            Value::Bool(b) | Value::NpBool(b) => {
                return Ok(if *b { "True" } else { "False" }.to_string());
            }
            Value::Float(x) | Value::NpFloat(x) => return Ok(float_repr(*x)),
            Value::Str(s) => return Ok(s.to_string()),
            _ => {}
        }
    }
    match v {
        Value::Int(i) | Value::NpInt(i) => format_int(*i, spec, "int"),
        Value::Bool(b) | Value::NpBool(b) => format_int(i64::from(*b), spec, "bool"),
        Value::Float(x) | Value::NpFloat(x) => format_float(*x, spec),
        Value::Str(s) => format_str(s, spec),
        Value::Array(a) if a.shape.is_empty() => {
            let x = a.to_vec().first().copied().unwrap_or(0.0);
            match a.dtype {
                DType::Float64 => format_value(&Value::Float(x), spec),
                DType::Int64 => format_value(&Value::Int(x as i64), spec),
                DType::Bool => format_value(&Value::Bool(x != 0.0), spec),
            }
        }
        other => Err(PyErr::new(
            ExcKind::TypeError,
            msg!("py-fmt-unsupported", kind = other.type_name()),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// The `%` operator

/// Where `%` takes its arguments from, as CPython's `PyUnicode_Format` keeps it.
struct PercentArgs<'a> {
    current: Value,
    len: i64,
    index: i64,
    dict: Option<&'a Value>,
}

impl PercentArgs<'_> {
    fn next(&mut self) -> PyResult<Value> {
        if self.index < self.len {
            self.index += 1;
            if self.len < 0 {
                return Ok(self.current.clone());
            }
            if let Value::Tuple(items) = &self.current
                && let Some(v) = items.get((self.index - 1) as usize)
            {
                return Ok(v.clone());
            }
        }
        Err(PyErr::new(ExcKind::TypeError, msg!("py-fmt-not-enough")))
    }
}

/// A number `%d` accepts, as its decimal digits (floats are truncated, as `int()` does) and sign.
fn percent_int(v: &Value, code: char) -> PyResult<(bool, String)> {
    match v {
        Value::Int(i) | Value::NpInt(i) => Ok((*i < 0, i.unsigned_abs().to_string())),
        Value::Bool(b) | Value::NpBool(b) => Ok((false, u8::from(*b).to_string())),
        Value::Float(x) | Value::NpFloat(x) if matches!(code, 'd' | 'i' | 'u') => {
            if x.is_nan() {
                return Err(value_error(msg!("py-fmt-nan-int")));
            }
            if x.is_infinite() {
                return Err(PyErr::new(ExcKind::OverflowError, msg!("py-fmt-inf-int")));
            }
            let t = x.trunc();
            Ok((t < 0.0, format!("{:.0}", t.abs())))
        }
        other => {
            if matches!(code, 'd' | 'i' | 'u') {
                Err(PyErr::new(
                    ExcKind::TypeError,
                    msg!("py-fmt-need-real", code = code, kind = other.type_name()),
                ))
            } else {
                Err(PyErr::new(
                    ExcKind::TypeError,
                    msg!("py-fmt-need-int", code = code, kind = other.type_name()),
                ))
            }
        }
    }
}

fn percent_float(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) | Value::NpFloat(x) => Ok(*x),
        Value::Int(i) | Value::NpInt(i) => Ok(*i as f64),
        Value::Bool(b) | Value::NpBool(b) => Ok(f64::from(u8::from(*b))),
        other => Err(PyErr::new(
            ExcKind::TypeError,
            msg!("py-fmt-need-float", kind = other.type_name()),
        )),
    }
}

/// Flags of one `%` conversion.
#[derive(Default)]
struct PercentSpec {
    left: bool,
    plus: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// Lays out a converted argument as CPython's `unicode_format_arg_output` does. `numeric` is
/// whether the text carries a sign (and zero padding applies).
fn percent_output(text: &str, numeric: bool, code: char, spec: &PercentSpec) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut sign = None;
    if numeric {
        if let Some(&c @ ('-' | '+')) = chars.first() {
            sign = Some(c);
            chars.remove(0);
        } else if spec.plus {
            sign = Some('+');
        } else if spec.blank {
            sign = Some(' ');
        }
    }
    let has_prefix = spec.alt && matches!(code, 'x' | 'X' | 'o');
    let mut prefix: Vec<char> = Vec::new();
    if has_prefix && chars.len() >= 2 {
        prefix = chars.drain(..2).collect();
    }
    let len = chars.len() + prefix.len() + usize::from(sign.is_some());
    let width = spec.width.max(len);
    let zero = numeric && spec.zero && !spec.left;
    let pad = width - len;
    let mut out = String::new();
    if zero {
        out.extend(sign);
        out.extend(prefix.iter());
        out.extend(std::iter::repeat_n('0', pad));
    } else {
        if !spec.left {
            out.extend(std::iter::repeat_n(' ', pad));
        }
        out.extend(sign);
        out.extend(prefix.iter());
    }
    out.extend(chars.iter());
    if spec.left && !zero {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out
}

/// Escapes the non-ASCII characters of a repr, as `ascii()` does.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// Python's `fmt % args`: `args` is a tuple of the arguments, a dict for `%(name)s`, or a
/// single argument. `str_of` and `repr_of` are the interpreter's `str()` and `repr()`, for
/// `%s`, `%r` and `%a`.
pub fn percent_format(
    fmt: &str,
    args: &Value,
    str_of: &mut dyn FnMut(&Value) -> PyResult<String>,
    repr_of: &mut dyn FnMut(&Value) -> PyResult<String>,
) -> PyResult<String> {
    let (len, index) = match args {
        Value::Tuple(t) => (t.len() as i64, 0),
        _ => (-1, -2),
    };
    // CPython takes any object with `__getitem__` but not a tuple or str as a mapping.
    let mapping = matches!(args, Value::Dict(_) | Value::List(_) | Value::Array(_));
    let mut state = PercentArgs {
        current: args.clone(),
        len,
        index,
        dict: if mapping { Some(args) } else { None },
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let incomplete = || value_error(msg!("py-fmt-incomplete"));
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        // `%(name)`
        if chars.get(i) == Some(&'(') {
            let Some(dict) = state.dict else {
                return Err(PyErr::new(ExcKind::TypeError, msg!("py-fmt-need-mapping")));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(value_error(msg!("py-fmt-incomplete-key")));
            }
            let key: String = chars[start..j].iter().collect();
            i = j + 1;
            let found = match dict {
                Value::Dict(d) => d
                    .borrow()
                    .entries
                    .iter()
                    .find(|(k, _)| matches!(k, Value::Str(s) if **s == *key))
                    .map(|(_, v)| v.clone()),
                _ => {
                    return Err(PyErr::new(ExcKind::TypeError, msg!("py-fmt-need-mapping")));
                }
            };
            let Some(v) = found else {
                return Err(PyErr::new(
                    ExcKind::KeyError,
                    msg!("py-fmt-key", key = str_repr(&key)),
                ));
            };
            state.current = v;
            state.len = -1;
            state.index = -2;
        }
        let mut spec = PercentSpec::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.blank = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let star = |state: &mut PercentArgs| -> PyResult<i64> {
            match state.next()? {
                Value::Int(n) | Value::NpInt(n) => Ok(n),
                Value::Bool(b) => Ok(i64::from(b)),
                _ => Err(PyErr::new(ExcKind::TypeError, msg!("py-fmt-star-int"))),
            }
        };
        if chars.get(i) == Some(&'*') {
            let w = star(&mut state)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            spec.width = read_int(&chars, &mut i)?.unwrap_or(0);
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                spec.precision = Some(star(&mut state)?.max(0) as usize);
                i += 1;
            } else {
                spec.precision = Some(read_int(&chars, &mut i)?.unwrap_or(0));
            }
        }
        if spec.width > MAX_LEN || spec.precision.is_some_and(|p| p > MAX_LEN) {
            return Err(too_long());
        }
        // C's length modifiers are read and ignored.
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&code) = chars.get(i) else {
            return Err(incomplete());
        };
        let code_index = i;
        i += 1;
        let arg = state.next()?;
        let piece = match code {
            's' | 'r' | 'a' => {
                let text = match code {
                    's' => str_of(&arg)?,
                    'r' => repr_of(&arg)?,
                    _ => ascii_escape(&repr_of(&arg)?),
                };
                let text = match spec.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                percent_output(&text, false, code, &spec)
            }
            'c' => {
                let ch =
                    match &arg {
                        Value::Str(s) if s.chars().count() == 1 => s.chars().next(),
                        Value::Int(_) | Value::NpInt(_) | Value::Bool(_) | Value::NpBool(_) => {
                            let n = match arg {
                                Value::Int(n) | Value::NpInt(n) => n,
                                Value::Bool(b) | Value::NpBool(b) => i64::from(b),
                                _ => 0,
                            };
                            let c = u32::try_from(n).ok().filter(|&c| c < 0x110000).ok_or_else(
                                || PyErr::new(ExcKind::OverflowError, msg!("py-fmt-char-range")),
                            )?;
                            Some(char::from_u32(c).unwrap_or('\u{fffd}'))
                        }
                        _ => None,
                    };
                let Some(ch) = ch else {
                    return Err(PyErr::new(ExcKind::TypeError, msg!("py-fmt-char-arg")));
                };
                percent_output(&ch.to_string(), false, code, &spec)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let (negative, decimal) = percent_int(&arg, code)?;
                let mut digits = match code {
                    'x' | 'X' | 'o' => {
                        // Ints are 64-bit here; a truncated float never reaches these codes.
                        let n: u64 = decimal.parse().unwrap_or(0);
                        match code {
                            'x' => format!("{n:x}"),
                            'X' => format!("{n:X}"),
                            _ => format!("{n:o}"),
                        }
                    }
                    _ => decimal,
                };
                if let Some(p) = spec.precision {
                    let n = digits.chars().count();
                    if n < p {
                        digits = "0".repeat(p - n) + &digits;
                    }
                }
                let prefix = match code {
                    'x' if spec.alt => "0x",
                    'X' if spec.alt => "0X",
                    'o' if spec.alt => "0o",
                    _ => "",
                };
                let sign = if negative { "-" } else { "" };
                percent_output(&format!("{sign}{prefix}{digits}"), true, code, &spec)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = percent_float(&arg)?;
                let precision = spec.precision.unwrap_or(6);
                let (negative, body) = float_text(x, code, precision, spec.alt, false, false);
                let sign = if negative { "-" } else { "" };
                percent_output(&format!("{sign}{body}"), true, code, &spec)
            }
            other => {
                let shown = if (' '..='~').contains(&other) {
                    other
                } else {
                    '?'
                };
                return Err(value_error(msg!(
                    "py-fmt-bad-char",
                    ch = shown,
                    hex = format!("0x{:x}", other as u32),
                    index = code_index.to_string()
                )));
            }
        };
        out.push_str(&piece);
        if out.len() > MAX_LEN {
            return Err(too_long());
        }
    }
    if state.index < state.len && state.dict.is_none() {
        return Err(PyErr::new(ExcKind::TypeError, msg!("py-fmt-not-all")));
    }
    Ok(out)
}

/// What the tests of `format` and `strings` share: Python's `str` and `repr` of the few values
/// they use, a dict builder, and an error put in English words.
/// Whether `repr` shows a non-ASCII character as it is (Python's `isprintable`, without the
/// unassigned code points, which Rust has no table of).
fn is_printable(c: char) -> bool {
    let n = c as u32;
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let format_chars = [
        (0xad, 0xad),
        (0x600, 0x605),
        (0x61c, 0x61c),
        (0x6dd, 0x6dd),
        (0x70f, 0x70f),
        (0x890, 0x891),
        (0x8e2, 0x8e2),
        (0x180e, 0x180e),
        (0x200b, 0x200f),
        (0x202a, 0x202e),
        (0x2060, 0x2064),
        (0x2066, 0x206f),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x1343f),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
        // Private use and noncharacters.
        (0xe000, 0xf8ff),
        (0xfdd0, 0xfdef),
        (0xf0000, 0x10ffff),
    ];
    if format_chars.iter().any(|&(lo, hi)| (lo..=hi).contains(&n)) {
        return false;
    }
    n & 0xfffe != 0xfffe
}

/// Python's `repr(s)`: single quotes unless the text holds `'` and no `"`; backslash escapes
/// for the quote, the backslash, `\t \n \r` and characters that are not printable.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let n = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if n < 0x20 || n == 0x7f => out.push_str(&format!("\\x{n:02x}")),
            c if n < 0x7f || is_printable(c) => out.push(c),
            _ if n < 0x100 => out.push_str(&format!("\\x{n:02x}")),
            _ if n < 0x10000 => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
pub(crate) mod test_util {
    use std::cell::RefCell;
    use std::rc::Rc;

    use crate::i18n::Lang;
    use crate::py::error::PyResult;
    use crate::py::value::{Dict, Value};

    pub fn dict(entries: Vec<(Value, Value)>) -> Value {
        Value::Dict(Rc::new(RefCell::new(Dict {
            entries,
            index: Default::default(),
        })))
    }

    pub fn repr(v: &Value) -> PyResult<String> {
        let items = |items: &[Value]| -> PyResult<Vec<String>> { items.iter().map(repr).collect() };
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) | Value::NpBool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) | Value::NpInt(i) => i.to_string(),
            Value::Float(x) | Value::NpFloat(x) => super::float_repr(*x),
            Value::Str(s) => super::str_repr(s),
            Value::List(l) => format!("[{}]", items(&l.borrow())?.join(", ")),
            Value::Tuple(t) if t.len() == 1 => format!("({},)", items(t)?.join(", ")),
            Value::Tuple(t) => format!("({})", items(t)?.join(", ")),
            Value::Dict(d) => {
                let mut parts = Vec::new();
                for (k, v) in &d.borrow().entries {
                    parts.push(format!("{}: {}", repr(k)?, repr(v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            other => format!("<{}>", other.type_name()),
        })
    }

    pub fn str_of(v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            other => repr(other),
        }
    }

    /// `("Ok", text)` or `(exception name, English message)`.
    pub fn outcome(r: PyResult<String>) -> (String, String) {
        match r {
            Ok(text) => ("Ok".into(), text),
            Err(e) => (e.kind.name().into(), Lang::En.say(&e.message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::{dict, outcome, repr, str_of};
    use super::*;

    /// Expected results are CPython 3.11's `format(v, spec)`, printed by python3.
    #[test]
    fn format_value_matches_python() {
        let cases: &[(Value, &str, &str, &str)] = &[
            (Value::Float(3.14169), ".3f", "Ok", "3.142"),
            (Value::Float(12345.6789), ".2e", "Ok", "1.23e+04"),
            (Value::Int(42), "d", "Ok", "42"),
            (Value::Int(42), "5d", "Ok", "   42"),
            (Value::Float(3.14169), ">8.2f", "Ok", "    3.14"),
            (Value::Int(1234567), ",", "Ok", "1,234,567"),
            (Value::Float(0.256), "%", "Ok", "25.600000%"),
            (Value::Float(0.256), ".1%", "Ok", "25.6%"),
            (Value::Float(3.14169), "08.3f", "Ok", "0003.142"),
            (Value::Float(-3.14169), "08.3f", "Ok", "-003.142"),
            (Value::str("hello"), "^9", "Ok", "  hello  "),
            (Value::str("abc"), "*<7", "Ok", "abc****"),
            (Value::Float(2.5), "+.2f", "Ok", "+2.50"),
            (Value::Int(255), "x", "Ok", "ff"),
            (Value::Int(5), "#b", "Ok", "0b101"),
            (Value::Int(255), "#X", "Ok", "0XFF"),
            (Value::Int(255), "#o", "Ok", "0o377"),
            (Value::Int(-255), "#x", "Ok", "-0xff"),
            (Value::Int(-255), "#010x", "Ok", "-0x00000ff"),
            (Value::Float(1234567.891), ",.2f", "Ok", "1,234,567.89"),
            (Value::Float(1234567.891), "_.1f", "Ok", "1_234_567.9"),
            (Value::Int(12345678), "_", "Ok", "12_345_678"),
            (Value::Int(3735928559), "_x", "Ok", "dead_beef"),
            (Value::Int(91), "_b", "Ok", "101_1011"),
            (Value::Float(1.0), ">8", "Ok", "     1.0"),
            (
                Value::Float(0.30000000000000004),
                ".17",
                "Ok",
                "0.30000000000000004",
            ),
            (
                Value::Float(0.30000000000000004),
                ">25",
                "Ok",
                "      0.30000000000000004",
            ),
            (Value::Float(1e+16), ">10", "Ok", "     1e+16"),
            (Value::Float(1e-05), "<10", "Ok", "1e-05     "),
            (Value::Float(123456789.0), "g", "Ok", "1.23457e+08"),
            (Value::Float(0.0001), "g", "Ok", "0.0001"),
            (Value::Float(1e-05), "g", "Ok", "1e-05"),
            (Value::Float(1e-05), ".3g", "Ok", "1e-05"),
            (Value::Float(123456.0), "g", "Ok", "123456"),
            (Value::Float(1234567.0), "g", "Ok", "1.23457e+06"),
            (Value::Float(1234567.0), ".7g", "Ok", "1234567"),
            (Value::Float(100.0), ".0g", "Ok", "1e+02"),
            (Value::Float(0.5), ".0g", "Ok", "0.5"),
            (Value::Float(1.5), ".0g", "Ok", "2"),
            (Value::Float(2.5), ".0g", "Ok", "2"),
            (Value::Float(1.0), "#g", "Ok", "1.00000"),
            (Value::Float(1.0), "#.3g", "Ok", "1.00"),
            (Value::Float(0.0), "g", "Ok", "0"),
            (Value::Float(-0.0), "g", "Ok", "-0"),
            (Value::Float(-0.0), "z.1f", "Ok", "0.0"),
            (Value::Float(-0.001), "z.1f", "Ok", "0.0"),
            (Value::Float(-0.001), ".1f", "Ok", "-0.0"),
            (Value::Float(1e+100), "g", "Ok", "1e+100"),
            (
                Value::Float(1e+100),
                "f",
                "Ok",
                "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000",
            ),
            (Value::Float(1.5e+300), ".3e", "Ok", "1.500e+300"),
            (Value::Float(5e-324), "e", "Ok", "4.940656e-324"),
            (
                Value::Float(5e-324),
                ".20g",
                "Ok",
                "4.9406564584124654418e-324",
            ),
            (Value::Float(f64::INFINITY), "f", "Ok", "inf"),
            (Value::Float(f64::NEG_INFINITY), "F", "Ok", "-INF"),
            (Value::Float(f64::NAN), "e", "Ok", "nan"),
            (Value::Float(f64::NAN), "+E", "Ok", "+NAN"),
            (Value::Float(f64::INFINITY), "=+10", "Ok", "+      inf"),
            (Value::Float(2.675), ".2f", "Ok", "2.67"),
            (Value::Float(0.125), ".2f", "Ok", "0.12"),
            (Value::Float(0.375), ".2f", "Ok", "0.38"),
            (Value::Float(1.005), ".2f", "Ok", "1.00"),
            (Value::Float(0.5), ".0f", "Ok", "0"),
            (Value::Float(1.5), ".0f", "Ok", "2"),
            (Value::Float(2.5), ".0f", "Ok", "2"),
            (Value::Float(-2.5), ".0f", "Ok", "-2"),
            (Value::Float(2.5), "#.0f", "Ok", "2."),
            (Value::Float(2.5), ".0e", "Ok", "2e+00"),
            (Value::Float(2.5), "#.0e", "Ok", "2.e+00"),
            (
                Value::Float(1e+22),
                "f",
                "Ok",
                "10000000000000000000000.000000",
            ),
            (Value::Float(123.456), "E", "Ok", "1.234560E+02"),
            (Value::Float(123.456), "G", "Ok", "123.456"),
            (Value::Float(1.23456e-07), "G", "Ok", "1.23456E-07"),
            (Value::Float(123.0), ".3", "Ok", "1.23e+02"),
            (Value::Float(1.0), ".3", "Ok", "1.0"),
            (Value::Float(1e+20), ".3", "Ok", "1e+20"),
            (Value::Float(1e+20), "", "Ok", "1e+20"),
            (Value::Float(12.0), "n", "Ok", "12"),
            (Value::Float(1234.5), "n", "Ok", "1234.5"),
            (Value::Float(1.5), "^10.2f", "Ok", "   1.50   "),
            (Value::Float(-1.5), "^10.2f", "Ok", "  -1.50   "),
            (Value::Float(-1.5), "=10.2f", "Ok", "-     1.50"),
            (Value::Float(-1.5), "<10.2f", "Ok", "-1.50     "),
            (Value::Float(1.5), " .2f", "Ok", " 1.50"),
            (Value::Float(-1.5), " .2f", "Ok", "-1.50"),
            (Value::Float(1.5), "+", "Ok", "+1.5"),
            (Value::Float(1.5), "-", "Ok", "1.5"),
            (Value::Float(1.5), "x<+10.3f", "Ok", "+1.500xxxx"),
            (Value::Float(1.5), "0<10", "Ok", "1.50000000"),
            (Value::Float(1.5), "0>10", "Ok", "00000001.5"),
            (Value::Float(1.5), "0=10", "Ok", "00000001.5"),
            (Value::Float(1.5), "0^10", "Ok", "0001.50000"),
            (Value::Float(1234.5), "012,.2f", "Ok", "0,001,234.50"),
            (Value::Float(1234.5), "011,.2f", "Ok", "0,001,234.50"),
            (Value::Float(1234.5), "010,.2f", "Ok", "001,234.50"),
            (Value::Float(-1234.5), "012,.2f", "Ok", "-0,001,234.50"),
            (Value::Int(123), "010,", "Ok", "00,000,123"),
            (Value::Int(-123), "010,", "Ok", "-0,000,123"),
            (Value::Int(1234), "09,", "Ok", "0,001,234"),
            (Value::Int(1234), "08,", "Ok", "0,001,234"),
            (Value::Int(1234), "07,", "Ok", "001,234"),
            (Value::Int(12345), "010_", "Ok", "00_012_345"),
            (Value::Int(2748), "010_x", "Ok", "0_0000_0abc"),
            (Value::Int(2748), "#012_x", "Ok", "0x0_0000_0abc"),
            (Value::Int(5), "+d", "Ok", "+5"),
            (Value::Int(5), " d", "Ok", " 5"),
            (Value::Int(-5), " d", "Ok", "-5"),
            (Value::Int(-5), "05d", "Ok", "-0005"),
            (Value::Int(5), "<5", "Ok", "5    "),
            (Value::Int(5), "^5", "Ok", "  5  "),
            (Value::Int(5), "^6", "Ok", "  5   "),
            (Value::Int(5), "*^6", "Ok", "**5***"),
            (Value::Int(65), "c", "Ok", "A"),
            (Value::Int(54620), "c", "Ok", "한"),
            (Value::Int(65), ">5c", "Ok", "    A"),
            (Value::Int(10), "n", "Ok", "10"),
            (Value::Bool(true), ">6", "Ok", "     1"),
            (Value::Bool(true), "d", "Ok", "1"),
            (Value::Bool(false), ".2f", "Ok", "0.00"),
            (Value::Bool(true), "x", "Ok", "1"),
            (Value::Int(5), "e", "Ok", "5.000000e+00"),
            (Value::Int(5), ".2f", "Ok", "5.00"),
            (Value::Int(5), "%", "Ok", "500.000000%"),
            (
                Value::Int(12345678901234),
                ",.1f",
                "Ok",
                "12,345,678,901,234.0",
            ),
            (
                Value::Int(-9223372036854775808),
                "d",
                "Ok",
                "-9223372036854775808",
            ),
            (
                Value::Int(-9223372036854775808),
                "x",
                "Ok",
                "-8000000000000000",
            ),
            (
                Value::Int(9223372036854775807),
                ",",
                "Ok",
                "9,223,372,036,854,775,807",
            ),
            (Value::str("hello"), ".3", "Ok", "hel"),
            (Value::str("hello"), "10.3", "Ok", "hel       "),
            (Value::str("hello"), ">10.3s", "Ok", "       hel"),
            (Value::str("한국어"), "^10", "Ok", "   한국어    "),
            (Value::str("한국어"), ".2", "Ok", "한국"),
            (Value::str("한"), "가>5", "Ok", "가가가가한"),
            (Value::str("ab"), "05", "Ok", "ab000"),
            (Value::str("ab"), "0>5", "Ok", "000ab"),
            (Value::str("abc"), "", "Ok", "abc"),
            (Value::str(""), "*^5", "Ok", "*****"),
            (Value::str("abc"), "s", "Ok", "abc"),
            (Value::str("abc"), "2", "Ok", "abc"),
            (Value::NpFloat(1.5), ".3f", "Ok", "1.500"),
            (Value::NpFloat(2.0), ">8", "Ok", "     2.0"),
            (Value::NpInt(42), "05d", "Ok", "00042"),
            (Value::NpInt(7), ".1f", "Ok", "7.0"),
            (Value::NpBool(true), ">6", "Ok", "     1"),
            (Value::NpFloat(0.1), ".1%", "Ok", "10.0%"),
            (
                Value::Float(1.0),
                "d",
                "ValueError",
                "Unknown format code 'd' for object of type 'float'",
            ),
            (
                Value::Int(1),
                "s",
                "ValueError",
                "Unknown format code 's' for object of type 'int'",
            ),
            (
                Value::str("a"),
                "d",
                "ValueError",
                "Unknown format code 'd' for object of type 'str'",
            ),
            (
                Value::Bool(true),
                "s",
                "ValueError",
                "Unknown format code 's' for object of type 'bool'",
            ),
            (
                Value::NpFloat(1.0),
                "d",
                "ValueError",
                "Unknown format code 'd' for object of type 'float'",
            ),
            (
                Value::Int(1),
                ".2",
                "ValueError",
                "Precision not allowed in integer format specifier",
            ),
            (
                Value::Int(1),
                "z",
                "ValueError",
                "Negative zero coercion (z) not allowed in integer format specifier",
            ),
            (
                Value::Int(1),
                "abc",
                "ValueError",
                "Invalid format specifier 'abc' for object of type 'int'",
            ),
            (
                Value::Float(1.0),
                "abc",
                "ValueError",
                "Invalid format specifier 'abc' for object of type 'float'",
            ),
            (
                Value::str("a"),
                ">5abc",
                "ValueError",
                "Invalid format specifier '>5abc' for object of type 'str'",
            ),
            (
                Value::Int(1),
                ".",
                "ValueError",
                "Format specifier missing precision",
            ),
            (
                Value::Int(1),
                ",x",
                "ValueError",
                "Cannot specify ',' with 'x'.",
            ),
            (
                Value::Int(1),
                ",_",
                "ValueError",
                "Cannot specify both ',' and '_'.",
            ),
            (
                Value::Int(1),
                "_,",
                "ValueError",
                "Cannot specify both ',' and '_'.",
            ),
            (
                Value::str("ab"),
                ",",
                "ValueError",
                "Cannot specify ',' with 's'.",
            ),
            (
                Value::Float(1.0),
                ",n",
                "ValueError",
                "Cannot specify ',' with 'n'.",
            ),
            (
                Value::Int(1),
                "_c",
                "ValueError",
                "Cannot specify '_' with 'c'.",
            ),
            (
                Value::str("ab"),
                "+",
                "ValueError",
                "Sign not allowed in string format specifier",
            ),
            (
                Value::str("ab"),
                "=5",
                "ValueError",
                "'=' alignment not allowed in string format specifier",
            ),
            (
                Value::str("ab"),
                "#",
                "ValueError",
                "Alternate form (#) not allowed in string format specifier",
            ),
            (
                Value::str("ab"),
                "z",
                "ValueError",
                "Negative zero coercion (z) not allowed in string format specifier",
            ),
            (
                Value::Int(1),
                "+c",
                "ValueError",
                "Sign not allowed with integer format specifier 'c'",
            ),
            (
                Value::Int(1),
                "#c",
                "ValueError",
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            (
                Value::Int(-1),
                "c",
                "OverflowError",
                "%c arg not in range(0x110000)",
            ),
            (
                Value::Int(1114112),
                "c",
                "OverflowError",
                "%c arg not in range(0x110000)",
            ),
            (
                Value::Int(1),
                "\u{1}",
                "ValueError",
                "Unknown format code '\\x1' for object of type 'int'",
            ),
            (
                Value::Float(1.0),
                "99999999999999999999",
                "ValueError",
                "Too many decimal digits in format string",
            ),
            (
                Value::Float(1.5),
                "x",
                "ValueError",
                "Unknown format code 'x' for object of type 'float'",
            ),
            (
                Value::Float(1.5),
                "c",
                "ValueError",
                "Unknown format code 'c' for object of type 'float'",
            ),
            (
                Value::Int(1),
                "ф",
                "ValueError",
                "Unknown format code '\\x444' for object of type 'int'",
            ),
            (
                Value::list(vec![Value::Int(1)]),
                ">5",
                "TypeError",
                "unsupported format string passed to list.__format__",
            ),
            (
                Value::None,
                "x",
                "TypeError",
                "unsupported format string passed to NoneType.__format__",
            ),
            (
                Value::tuple(vec![Value::Int(1), Value::Int(2)]),
                "s",
                "TypeError",
                "unsupported format string passed to tuple.__format__",
            ),
        ];
        let mut bad = Vec::new();
        for (v, spec, kind, out) in cases {
            let got = outcome(format_value(v, spec));
            if got != (kind.to_string(), out.to_string()) {
                bad.push(format!(
                    "format({}, {spec:?}): got {got:?}, want ({kind}, {out:?})",
                    repr(v).unwrap_or_default()
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Expected results are CPython 3.11's `fmt % args`, printed by python3.
    #[test]
    fn percent_format_matches_python() {
        let cases: &[(&str, Value, &str, &str)] = &[
            (
                "%s %d",
                Value::tuple(vec![Value::Int(1)]),
                "TypeError",
                "not enough arguments for format string",
            ),
            (
                "%s",
                Value::tuple(vec![Value::Int(1), Value::Int(2)]),
                "TypeError",
                "not all arguments converted during string formatting",
            ),
            (
                "%d",
                Value::str("a"),
                "TypeError",
                "%d format: a real number is required, not str",
            ),
            (
                "%x",
                Value::Float(1.5),
                "TypeError",
                "%x format: an integer is required, not float",
            ),
            (
                "%f",
                Value::str("a"),
                "TypeError",
                "must be real number, not str",
            ),
            (
                "%e",
                Value::None,
                "TypeError",
                "must be real number, not NoneType",
            ),
            (
                "%c",
                Value::str("ab"),
                "TypeError",
                "%c requires int or char",
            ),
            (
                "%c",
                Value::Float(1.5),
                "TypeError",
                "%c requires int or char",
            ),
            ("%c", Value::Int(65), "Ok", "A"),
            ("%c", Value::str("한"), "Ok", "한"),
            (
                "%z",
                Value::Int(1),
                "ValueError",
                "unsupported format character 'z' (0x7a) at index 1",
            ),
            ("%", Value::Int(1), "ValueError", "incomplete format"),
            (
                "%(a)s",
                Value::Int(1),
                "TypeError",
                "format requires a mapping",
            ),
            (
                "%(a)s",
                dict(vec![(Value::str("b"), Value::Int(1))]),
                "KeyError",
                "'a'",
            ),
            (
                "%(a)s-%(b)5.2f",
                dict(vec![
                    (Value::str("a"), Value::str("x")),
                    (Value::str("b"), Value::Float(2.5)),
                ]),
                "Ok",
                "x- 2.50",
            ),
            ("hi", Value::list(vec![Value::Int(1)]), "Ok", "hi"),
            (
                "%s",
                Value::list(vec![Value::Int(1), Value::Int(2)]),
                "Ok",
                "[1, 2]",
            ),
            ("%d", Value::Float(3.7), "Ok", "3"),
            ("%d", Value::Float(-3.7), "Ok", "-3"),
            ("%d", Value::Float(1e+20), "Ok", "100000000000000000000"),
            (
                "%d",
                Value::Float(f64::NAN),
                "ValueError",
                "cannot convert float NaN to integer",
            ),
            (
                "%d",
                Value::Float(f64::INFINITY),
                "OverflowError",
                "cannot convert float infinity to integer",
            ),
            ("%.3d", Value::Int(5), "Ok", "005"),
            ("%+05d", Value::Int(5), "Ok", "+0005"),
            ("%-5d|", Value::Int(5), "Ok", "5    |"),
            ("%05s", Value::str("a"), "Ok", "    a"),
            (
                "%#x %#o %X %#X",
                Value::tuple(vec![
                    Value::Int(255),
                    Value::Int(8),
                    Value::Int(255),
                    Value::Int(255),
                ]),
                "Ok",
                "0xff 0o10 FF 0XFF",
            ),
            (
                "%5.1f|%-8.3e|%g|%g|%g",
                Value::tuple(vec![
                    Value::Float(3.14169),
                    Value::Float(1234.5),
                    Value::Float(1e-05),
                    Value::Float(123456789.0),
                    Value::Float(0.5),
                ]),
                "Ok",
                "  3.1|1.234e+03|1e-05|1.23457e+08|0.5",
            ),
            (
                "%r %s",
                Value::tuple(vec![Value::str("a"), Value::str("a")]),
                "Ok",
                "'a' a",
            ),
            (
                "%*d|%-*d|%.*f",
                Value::tuple(vec![
                    Value::Int(5),
                    Value::Int(1),
                    Value::Int(4),
                    Value::Int(2),
                    Value::Int(2),
                    Value::Float(3.14169),
                ]),
                "Ok",
                "    1|2   |3.14",
            ),
            (
                "%i %u",
                Value::tuple(vec![Value::Bool(true), Value::Int(7)]),
                "Ok",
                "1 7",
            ),
            ("%s%%", Value::Int(50), "Ok", "50%"),
            (
                "%5%|",
                Value::tuple(vec![]),
                "TypeError",
                "not enough arguments for format string",
            ),
            (
                "%5%|",
                Value::tuple(vec![Value::Int(1)]),
                "ValueError",
                "unsupported format character '%' (0x25) at index 2",
            ),
            ("%a", Value::str("é"), "Ok", "'\\xe9'"),
            ("%a", Value::str("한"), "Ok", "'\\ud55c'"),
            ("%d", Value::NpFloat(2.5), "Ok", "2"),
            ("%d", Value::NpInt(3), "Ok", "3"),
            ("%x", Value::NpInt(255), "Ok", "ff"),
            ("%f", Value::NpInt(3), "Ok", "3.000000"),
            ("%.2f", Value::Bool(true), "Ok", "1.00"),
            (
                "%x",
                Value::NpFloat(2.0),
                "TypeError",
                "%x format: an integer is required, not numpy.float64",
            ),
            ("%s", Value::NpFloat(2.0), "Ok", "2.0"),
            (
                "%d",
                Value::list(vec![Value::Int(1)]),
                "TypeError",
                "%d format: a real number is required, not list",
            ),
            (
                "%s %s",
                Value::list(vec![Value::Int(1), Value::Int(2)]),
                "TypeError",
                "not enough arguments for format string",
            ),
            (
                "%d %d",
                Value::tuple(vec![Value::Int(1)]),
                "TypeError",
                "not enough arguments for format string",
            ),
            (
                "%(a)s %s",
                dict(vec![(Value::str("a"), Value::Int(1))]),
                "TypeError",
                "not enough arguments for format string",
            ),
            (
                "%s %(a)s",
                Value::tuple(vec![dict(vec![(Value::str("a"), Value::Int(1))])]),
                "TypeError",
                "format requires a mapping",
            ),
            (
                "%#.3g|%.0e|%#.0f|%G|%E",
                Value::tuple(vec![
                    Value::Float(1.0),
                    Value::Float(12345.0),
                    Value::Float(3.0),
                    Value::Float(1e-10),
                    Value::Float(1.5),
                ]),
                "Ok",
                "1.00|1e+04|3.|1E-10|1.500000E+00",
            ),
            (
                "% d|% 5.1f",
                Value::tuple(vec![Value::Int(5), Value::Float(2.25)]),
                "Ok",
                " 5|  2.2",
            ),
            ("%-08.2f|", Value::Float(3.14169), "Ok", "3.14    |"),
            ("%-05d|", Value::Int(-5), "Ok", "-5   |"),
            ("%#.4x", Value::Int(255), "Ok", "0x00ff"),
            ("%F", Value::Float(f64::INFINITY), "Ok", "INF"),
            ("%x", Value::Int(-255), "Ok", "-ff"),
            ("%#x", Value::Int(-255), "Ok", "-0xff"),
            ("%o", Value::Bool(true), "Ok", "1"),
            ("%.2s", Value::str("abc"), "Ok", "ab"),
            ("%10.3s|", Value::str("abcdef"), "Ok", "       abc|"),
            ("%-10r|", Value::str("ab"), "Ok", "'ab'      |"),
            (
                "%c",
                Value::Int(1114112),
                "OverflowError",
                "%c arg not in range(0x110000)",
            ),
            (
                "%c",
                Value::Int(-1),
                "OverflowError",
                "%c arg not in range(0x110000)",
            ),
            ("%5c|", Value::str("x"), "Ok", "    x|"),
            (
                "%s",
                Value::tuple(vec![]),
                "TypeError",
                "not enough arguments for format string",
            ),
            ("", Value::tuple(vec![]), "Ok", ""),
            (
                "",
                Value::Int(5),
                "TypeError",
                "not all arguments converted during string formatting",
            ),
            ("a", Value::tuple(vec![]), "Ok", "a"),
            ("%.f", Value::Float(2.5), "Ok", "2"),
            (
                "%(a)",
                dict(vec![(Value::str("a"), Value::Int(1))]),
                "ValueError",
                "incomplete format",
            ),
            (
                "%(a",
                dict(vec![(Value::str("a"), Value::Int(1))]),
                "ValueError",
                "incomplete format key",
            ),
            ("%f", Value::Float(f64::INFINITY), "Ok", "inf"),
            ("%05f", Value::Float(f64::NEG_INFINITY), "Ok", "-0inf"),
            ("%.3f", Value::Float(-0.0), "Ok", "-0.000"),
            (
                "%*d",
                Value::tuple(vec![Value::str("a"), Value::Int(1)]),
                "TypeError",
                "* wants int",
            ),
            ("%-+8.2e|", Value::Float(1234.5), "Ok", "+1.23e+03|"),
            ("%03d", Value::Int(-5), "Ok", "-05"),
            (
                "%.0f %.0f",
                Value::tuple(vec![Value::Float(0.5), Value::Float(1.5)]),
                "Ok",
                "0 2",
            ),
            (
                "%ld %hd %Lf",
                Value::tuple(vec![Value::Int(1), Value::Int(2), Value::Float(3.0)]),
                "Ok",
                "1 2 3.000000",
            ),
            (
                "%*d|",
                Value::tuple(vec![Value::Int(-5), Value::Int(1)]),
                "Ok",
                "1    |",
            ),
            (
                "%*.*f",
                Value::tuple(vec![Value::Int(8), Value::Int(2), Value::Float(3.14169)]),
                "Ok",
                "    3.14",
            ),
            (
                "Loss: %.4f, acc: %5.1f%%",
                Value::tuple(vec![Value::Float(0.123456), Value::Float(97.25)]),
                "Ok",
                "Loss: 0.1235, acc:  97.2%",
            ),
            (
                "%s님 안녕하세요 %d번",
                Value::tuple(vec![Value::str("철수"), Value::Int(3)]),
                "Ok",
                "철수님 안녕하세요 3번",
            ),
            (
                "%10s|%-10s|",
                Value::tuple(vec![Value::str("한글"), Value::str("한글")]),
                "Ok",
                "        한글|한글        |",
            ),
            ("%e", Value::Float(0.0), "Ok", "0.000000e+00"),
            ("%g", Value::Float(1e+16), "Ok", "1e+16"),
            ("%g", Value::Float(0.0001), "Ok", "0.0001"),
            (
                "%.10g",
                Value::Float(0.3333333333333333),
                "Ok",
                "0.3333333333",
            ),
            ("%s", Value::None, "Ok", "None"),
            ("%r", Value::None, "Ok", "None"),
            ("%s", Value::Bool(true), "Ok", "True"),
            ("%r", Value::Float(1.5), "Ok", "1.5"),
            ("%d%%", Value::Int(5), "Ok", "5%"),
            (
                "%(x)d",
                dict(vec![(Value::str("x"), Value::str("a"))]),
                "TypeError",
                "%d format: a real number is required, not str",
            ),
            ("%s", Value::str("x%sy"), "Ok", "x%sy"),
            (
                "%\u{1}",
                Value::Int(1),
                "ValueError",
                "unsupported format character '?' (0x1) at index 1",
            ),
            (
                "%é",
                Value::Int(1),
                "ValueError",
                "unsupported format character '?' (0xe9) at index 1",
            ),
        ];
        let mut bad = Vec::new();
        for (fmt, args, kind, out) in cases {
            let got = outcome(percent_format(fmt, args, &mut str_of, &mut repr));
            if got != (kind.to_string(), out.to_string()) {
                bad.push(format!(
                    "{fmt:?} % {}: got {got:?}, want ({kind}, {out:?})",
                    repr(args).unwrap_or_default()
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Expected results are CPython 3.11's `repr(x)`.
    #[test]
    fn float_repr_matches_python() {
        let floats: &[(f64, &str)] = &[
            (220.00000000000003, "220.00000000000003"),
            (2.2, "2.2"),
            (110.0, "110.0"),
            (1e-05, "1e-05"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e+16, "1e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
            (0.30000000000000004, "0.30000000000000004"),
            (1.5e+300, "1.5e+300"),
            (1.2345678901234568e+17, "1.2345678901234568e+17"),
            (1234567890.0, "1234567890.0"),
            (100000.0, "100000.0"),
            (1.5e-07, "1.5e-07"),
            (2.5e+20, "2.5e+20"),
            (1e+22, "1e+22"),
            (-1.5, "-1.5"),
            (0.3333333333333333, "0.3333333333333333"),
            (0.6666666666666666, "0.6666666666666666"),
            (0.0001, "0.0001"),
            (9.999999999999999e-05, "9.999999999999999e-05"),
            (1000000000000000.0, "1000000000000000.0"),
            (123456789012345.6, "123456789012345.6"),
            (1.7976931348623157e+308, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
        ];
        for &(x, want) in floats {
            assert_eq!(float_repr(x), want, "repr({x:e})");
        }
    }

    /// A width or precision the machine could not hold is refused, not allocated.
    #[test]
    fn huge_sizes_are_refused() {
        let err = format_value(&Value::Int(1), "999999999").err();
        assert_eq!(err.map(|e| e.kind), Some(ExcKind::MemoryError));
        let err = format_value(&Value::Float(1.0), ".999999999f").err();
        assert_eq!(err.map(|e| e.kind), Some(ExcKind::MemoryError));
        let err = percent_format("%999999999d", &Value::Int(1), &mut str_of, &mut repr).err();
        assert_eq!(err.map(|e| e.kind), Some(ExcKind::MemoryError));
        // Big but allowed: Python prints every exact digit.
        let text = format_value(&Value::Float(0.1), ".60f").unwrap_or_default();
        assert_eq!(
            text,
            "0.100000000000000005551115123125782702118158340454101562500000"
        );
    }
}
