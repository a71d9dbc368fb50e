//! Literals: numbers as Python writes floats (`2.5E+4`, `3.`, `.5`, `1_000`) and nested array
//! literals (`[[1, -2.5], [3, 4]]`), checked to be rectangular as they are read.

use super::diagnose::expected_found;
use super::lexeme::{continues_number, number_text, skip};
use super::{Line, MAX_DEPTH, PResult, fail};
use crate::i18n::Message;
use crate::lang::ast::{Expr, ExprKind, Span};
use crate::lang::error::Error;
use crate::msg;
use std::borrow::Cow;

/// What the items of one nesting level of an array literal are; the first item at a level decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Number,
    List,
}

/// An array literal as it is read. For each nesting level it keeps the first list that closed
/// there (its length and its position, to name it in a ragged-array error) and the kind of item
/// that level holds; `path` is the position of the list being read, and `values` are row-major.
#[derive(Debug, Default)]
struct ArrayBuilder {
    first: Vec<Option<(usize, Vec<usize>)>>,
    items: Vec<Option<Item>>,
    path: Vec<usize>,
    values: Vec<f64>,
    /// Whether a number was written as a float.
    floats: bool,
    /// How many items were `True` or `False`.
    bools: usize,
}

impl<'a> Line<'a> {
    /// `array := '[' [item (',' item)* [',']] ']'` where an item is a number with an optional
    /// sign or a nested array, e.g. `[[1, -2.5], [+3, - 4,]]`.
    pub(super) fn array(&self, input: &'a str) -> PResult<'a, Expr> {
        let mut builder = ArrayBuilder::default();
        let (rest, ()) = self.array_level(input, &mut builder)?;
        // Every level that was entered had a list close at it, so every entry is set.
        let shape = builder
            .first
            .iter()
            .map(|first| first.as_ref().map_or(0, |f| f.0))
            .collect();
        // numpy's dtype of the items: all booleans make a bool array, booleans among ints an
        // int64 one (True is 1), and one float a float64 one.
        let all_bools = builder.bools > 0 && builder.bools == builder.values.len();
        let kind = ExprKind::Array {
            shape,
            int: !builder.floats && !builder.values.is_empty() && !all_bools,
            bool: all_bools,
            values: builder.values,
        };
        Ok((
            rest,
            Expr {
                kind,
                span: self.span(input, rest),
            },
        ))
    }

    /// One bracketed list of an array literal, e.g. `[3, 4]` inside `[[1, 2], [3, 4]]`; it checks
    /// that its items and length agree with the first list at the same level.
    fn array_level(&self, input: &'a str, builder: &mut ArrayBuilder) -> PResult<'a, ()> {
        let level = builder.path.len();
        let open = self.span_len(input, 1);
        if level >= MAX_DEPTH {
            let message = msg!("parse-arrays-too-deep", max = MAX_DEPTH);
            return Err(fail(Error::new(message, open)));
        }
        if builder.first.len() <= level {
            builder.first.push(None);
            builder.items.push(None);
        }
        let mut rest = skip(&input[1..], true);
        let mut count = 0;
        loop {
            if let Some(after_close) = rest.strip_prefix(']') {
                rest = after_close;
                break;
            }
            let after_item = if rest.starts_with('[') {
                self.same_items(builder, level, Item::List, self.span_len(rest, 1))?;
                builder.path.push(count);
                let (after_list, ()) = self.array_level(rest, builder)?;
                builder.path.pop();
                after_list
            } else if let Some((after_word, value)) = boolean(rest) {
                self.same_items(builder, level, Item::Number, self.span(rest, after_word))?;
                builder.bools += 1;
                builder.values.push(value);
                after_word
            } else if rest.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
                || special_number(rest).is_some()
            {
                let (after_number, number) = self.signed_number(rest)?;
                self.same_items(builder, level, Item::Number, self.span(rest, after_number))?;
                builder.floats |= !is_int_literal(&rest[..rest.len() - after_number.len()]);
                builder.values.push(number);
                after_number
            } else if rest.is_empty() || rest.starts_with(')') {
                return Err(fail(self.unclosed(rest, ']', open)));
            } else {
                let wanted = match builder.items[level] {
                    Some(Item::List) => msg!("parse-expected-list"),
                    _ => msg!("parse-expected-number"),
                };
                return Err(fail(self.found(wanted, rest)));
            };
            count += 1;
            rest = skip(after_item, true);
            match rest.strip_prefix(',') {
                Some(after_comma) => rest = skip(after_comma, true),
                None if rest.starts_with(']') => {}
                None => return Err(fail(self.unclosed(rest, ']', open))),
            }
        }
        match &builder.first[level] {
            None => builder.first[level] = Some((count, builder.path.clone())),
            Some((first_count, first_path)) if *first_count != count => {
                let message = ragged(&builder.path, count, first_path, *first_count);
                return Err(fail(Error::new(message, open)));
            }
            Some(_) => {}
        }
        Ok((rest, ()))
    }

    /// Checks that an item of an array list at `level` is the same kind as the items before it at
    /// that level, e.g. a number in `[[1], 2]` is not.
    fn same_items(
        &self,
        builder: &mut ArrayBuilder,
        level: usize,
        item: Item,
        span: Span,
    ) -> Result<(), nom::Err<Error>> {
        match builder.items[level] {
            None => builder.items[level] = Some(item),
            Some(known) if known != item => {
                let message = match known {
                    Item::Number => {
                        expected_found(msg!("parse-expected-number"), msg!("parse-token-list"))
                    }
                    Item::List => {
                        expected_found(msg!("parse-expected-list"), msg!("parse-token-number"))
                    }
                };
                return Err(fail(Error::new(message, span)));
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// An array item: a number with an optional sign, blanks allowed between, e.g. `- 2.5`.
    fn signed_number(&self, input: &'a str) -> PResult<'a, f64> {
        let sign = input.chars().next().filter(|c| *c == '-' || *c == '+');
        let Some(sign) = sign else {
            if let Some((rest, value)) = special_number(input) {
                return Ok((rest, value));
            }
            return self.number(input);
        };
        let digits = skip(&input[1..], true);
        if let Some((rest, value)) = special_number(digits) {
            return Ok((rest, if sign == '-' { -value } else { value }));
        }
        if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            let message = msg!("parse-expected-number-after", sign = sign);
            return Err(fail(self.expected(message, digits)));
        }
        let (rest, number) = self.number(digits)?;
        Ok((rest, if sign == '-' { -number } else { number }))
    }

    /// `number := digits ['.' [digits]] [exponent] | '.' digits [exponent]`, Python's float
    /// literal, e.g. `2.5E+4`, `3.`, `.5` or `1_000`; `str::parse` rounds it correctly.
    pub(super) fn number(&self, input: &'a str) -> PResult<'a, f64> {
        let (after, text) = number_text(input)
            .map_err(|_| fail(self.expected(msg!("parse-expected-number"), input)))?;
        // A letter, digit, '_' or '.' straight after a number (`1e`, `2x`, `1.2.3`) makes one
        // malformed literal, not two tokens.
        let tail = after
            .find(|c: char| !continues_number(c))
            .unwrap_or(after.len());
        if tail > 0 {
            let bad = &input[..text.len() + tail];
            return Err(fail(Error::new(
                msg!("parse-invalid-number", text = bad),
                self.span_len(input, bad.len()),
            )));
        }
        let span = self.span(input, after);
        // Underscores are rare; only a literal that has them is copied without them.
        let digits = if text.contains('_') {
            Cow::Owned(text.replace('_', ""))
        } else {
            Cow::Borrowed(text)
        };
        let value = digits
            .parse::<f64>()
            .map_err(|_| fail(Error::new(msg!("parse-invalid-number", text = text), span)))?;
        if value.is_infinite() {
            let message = msg!("parse-number-too-large", text = text);
            return Err(fail(Error::new(message, span)));
        }
        // Python refuses `007`: an int may not start with 0 unless it is all zeros.
        if is_int_literal(text)
            && digits.starts_with('0')
            && !digits.trim_start_matches('0').is_empty()
        {
            let fixed = digits.trim_start_matches('0').to_string();
            let message = msg!("parse-leading-zeros", text = text, fixed = fixed);
            return Err(fail(Error::new(message, span)));
        }
        Ok((after, value))
    }
}

/// Whether the text of a number (a sign and blanks allowed in front) is Python's int literal:
/// digits and underscores only, no point and no exponent, and below 2^53, from where a float64
/// stops holding every whole number (such a literal is a float here).
pub(super) fn is_int_literal(text: &str) -> bool {
    let digits = text.trim_start_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '_')
        && digits.bytes().any(|b| b.is_ascii_digit())
        && whole_number(digits).is_some_and(|v| v < 1 << 53)
}

/// The value of digits with underscores between them, or `None` past `u64`. Read here digit by
/// digit rather than by `parse` on a copy without the underscores: every int literal is read.
fn whole_number(digits: &str) -> Option<u64> {
    digits
        .bytes()
        .filter(|&b| b != b'_')
        .try_fold(0u64, |v, b| {
            v.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
}

/// The message for a list whose length differs from the first list at its level, e.g.
/// `ragged array: row 2 has 1 item where row 1 has 2`. Rows of one parent are numbered from 1;
/// lists in different parents are named by their numpy index, e.g. `[1][0]`.
fn ragged(path: &[usize], count: usize, first_path: &[usize], first_count: usize) -> Message {
    match (path.split_last(), first_path.split_last()) {
        (Some((row, parent)), Some((first_row, first_parent))) if parent == first_parent => msg!(
            "parse-ragged-rows",
            row = row + 1,
            count = count,
            first_row = first_row + 1,
            first_count = first_count
        ),
        _ => {
            let index = |path: &[usize]| path.iter().map(|i| format!("[{i}]")).collect::<String>();
            msg!(
                "parse-ragged-lists",
                at = index(path),
                count = count,
                first_at = index(first_path),
                first_count = first_count
            )
        }
    }
}

/// `nan` or `inf` as an array item, as numpy prints them (so a printed array can be typed back).
/// `True` or `False` at the start of `input`, as 1.0 or 0.0, and what follows the word.
fn boolean(input: &str) -> Option<(&str, f64)> {
    [("True", 1.0), ("False", 0.0)]
        .into_iter()
        .find_map(|(word, value)| {
            let rest = input.strip_prefix(word)?;
            (!rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')).then_some((rest, value))
        })
}

fn special_number(input: &str) -> Option<(&str, f64)> {
    [("nan", f64::NAN), ("inf", f64::INFINITY)]
        .into_iter()
        .find_map(|(word, value)| {
            let rest = input.strip_prefix(word)?;
            (!rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')).then_some((rest, value))
        })
}

#[cfg(test)]
mod tests {
    use crate::lang::ast::{ExprKind, Span};
    use crate::lang::parser::tests::{assert_error, expr, show};

    fn array(text: &str) -> (Vec<usize>, Vec<f64>) {
        match expr(text).kind {
            ExprKind::Array { shape, values, .. } => (shape, values),
            other => panic!("{text:?} is not an array: {other:?}"),
        }
    }

    #[test]
    fn numbers_are_python_float_literals() {
        let cases = [
            ("1", 1.0),
            ("3.", 3.0),
            (".5", 0.5),
            ("1e-05", 1e-5),
            ("2.5E+4", 2.5e4),
            ("1_000.5", 1000.5),
            ("0.1", 0.1),
            ("1e-400", 0.0),
            ("000", 0.0),
        ];
        for (text, value) in cases {
            let e = expr(text);
            // Written without a point or an exponent, a number is Python's int.
            let kind = if text.contains(['.', 'e', 'E']) {
                ExprKind::Number(value)
            } else {
                ExprKind::Int(value)
            };
            assert_eq!(e.kind, kind, "{text}");
            assert_eq!(e.span, Span::new(0, text.len()), "{text}");
        }
        assert_eq!(show(&expr("-0.5")), "(-0.5)");
        // Beyond 2^53 a float64 skips whole numbers: such a literal is a float here.
        assert_eq!(
            expr("9007199254740993").kind,
            ExprKind::Number(9007199254740992.0)
        );
    }

    #[test]
    fn number_errors() {
        assert_error(
            "x = 1e400",
            "number '1e400' is too large for float64 (the largest is about 1.8e308)",
            4,
            9,
        );
        assert_error(
            "[1, -1e400]",
            "number '1e400' is too large for float64 (the largest is about 1.8e308)",
            5,
            10,
        );
        assert_error("1e", "invalid number '1e'", 0, 2);
        assert_error("2x", "invalid number '2x'", 0, 2);
        assert_error("1.2.3", "invalid number '1.2.3'", 0, 5);
        assert_error("1__0", "invalid number '1__0'", 0, 4);
    }

    #[test]
    fn arrays_are_rectangular_and_row_major() {
        assert_eq!(array("[]"), (vec![0], vec![]));
        assert_eq!(array("[[], []]"), (vec![2, 0], vec![]));
        assert_eq!(
            array("[1, -0.5, +1, - 2,]"),
            (vec![4], vec![1.0, -0.5, 1.0, -2.0])
        );
        assert_eq!(
            array("[[1, 2], [3, 4], [5, 6]]"),
            (vec![3, 2], vec![1., 2., 3., 4., 5., 6.])
        );
        assert_eq!(
            array("[[[1], [2]], [[3], [4]]]"),
            (vec![2, 2, 1], vec![1., 2., 3., 4.])
        );
        let text = "[[1, 2],  # first row\n [3, 4]]  # done";
        assert_eq!(array(text), (vec![2, 2], vec![1., 2., 3., 4.]));
        assert_eq!(expr(text).span, Span::new(0, 30));
        let nested = format!("{}1{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(array(&nested), (vec![1; 64], vec![1.0]));
    }

    #[test]
    fn array_errors() {
        assert_error(
            "[[1, 2], [3]]",
            "ragged array: row 2 has 1 item where row 1 has 2",
            9,
            10,
        );
        assert_error(
            "[[1], [2, 3]]",
            "ragged array: row 2 has 2 items where row 1 has 1",
            6,
            7,
        );
        assert_error(
            "[[], [1]]",
            "ragged array: row 2 has 1 item where row 1 has 0",
            5,
            6,
        );
        assert_error(
            "[[[1, 2]], [[1, 2, 3]]]",
            "ragged array: the list at [1][0] has 3 items where the list at [0][0] has 2",
            12,
            13,
        );
        assert_error("[1, [2]]", "expected a number, found a list", 4, 5);
        assert_error("[[1], 2]", "expected a list, found a number", 6, 7);
        assert_error("[[1], -2]", "expected a list, found a number", 6, 8);
        assert_error("[x]", "expected a number, found 'x'", 1, 2);
        assert_error("[1, ,]", "expected a number, found ','", 4, 5);
        assert_error("[-]", "expected a number after '-'", 2, 3);
        assert_error("[1 + 2]", "expected ']' to close '['", 3, 4);
        let deep = format!("{}1{}", "[".repeat(65), "]".repeat(65));
        assert_error(&deep, "arrays nest at most 64 deep", 64, 65);
    }
}

#[cfg(test)]
mod special_tests {
    use crate::lang::ast::ExprKind;
    use crate::lang::parser::tests::expr;

    /// numpy prints `nan` and `inf` inside arrays; typed back, they are those numbers.
    #[test]
    fn nan_and_inf_are_array_items() {
        let ExprKind::Array { shape, values, .. } = expr("[nan, -inf, + inf, 1.0]").kind else {
            panic!("an array literal");
        };
        assert_eq!(shape, [4]);
        assert!(values[0].is_nan());
        assert_eq!(&values[1..], [f64::NEG_INFINITY, f64::INFINITY, 1.0]);
    }
}
