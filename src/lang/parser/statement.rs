//! Statements: a line of them separated by ';', each kind of statement, and the `for` and `if`
//! statements whose blocks span several lines, e.g.
//! `W = randn(2, 3); back loss ones; graph loss --dot out.dot; check loss` or
//! `for i in range(3):` followed by an indented block. Their expressions are `expr`'s.
//!
//! Blocks follow Python. A header ends in ':'; its block is either the rest of that line
//! (`for i in range(3): x = x + i`) or the lines after it that are indented more than the header,
//! all by the same amount. The block ends at the first line, not blank and not only a comment,
//! indented no more than the header, which must then be indented as some enclosing block is.
//! Indentation counts columns as Python does: a space is one, a tab reaches the next multiple of
//! 8 (`lexeme::columns`).

use super::lexeme::{
    augmented_op, ends_file_name, name, skip, starts_assignment, starts_expression, token_len,
};
use super::{Line, MAX_DEPTH, Nest, PResult, fail};
use crate::lang::ast::{BinOp, Dout, Ident, Span, Statement, StatementKind, is_reserved};
use crate::lang::error::Error;
use crate::msg;

/// The statement keywords; the other reserved words are functions, literals and
/// `BLOCK_KEYWORDS`.
pub(super) const KEYWORDS: [&str; 9] = [
    "back", "graph", "step", "check", "seed", "del", "load", "plot", "imshow",
];

/// `numpy.random` at the start of `input`: the dotted name and what follows it.
fn dotted_name(input: &str) -> (&str, &str) {
    let end = input
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(input.len());
    (&input[end..], &input[..end])
}

fn is_word_byte(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The words of the `for` and `if` statements.
pub(super) const BLOCK_KEYWORDS: [&str; 5] = ["for", "in", "if", "elif", "else"];

/// The keyword of the `for` or `if` statement that starts at `at`, if one does. `for = 1` is an
/// (invalid) assignment instead.
pub(super) fn compound_keyword(at: &str) -> Option<&'static str> {
    let (after, word) = name(at).ok()?;
    if starts_assignment(skip(after, false)) {
        return None;
    }
    match word {
        "for" => Some("for"),
        "if" => Some("if"),
        _ => None,
    }
}

impl<'a> Line<'a> {
    /// `line := compound | [statement (';' statement)* [';']]`: one logical line, either
    /// statements separated by ';', e.g. `a = [1, 2]; back a   # comment`, or one `for` or `if`
    /// statement with its blocks. `input` starts where the line does, so its blanks are the
    /// header's indentation.
    pub(super) fn line(&self, input: &'a str) -> PResult<'a, Vec<Statement>> {
        let first = skip(input, false);
        let Some(keyword) = compound_keyword(first) else {
            return self.statements(input, false);
        };
        let indent = self.indentation(input, first)?;
        let (rest, statement) = self.compound(first, keyword, indent, 0)?;
        if let Some((line_indent, at)) = self.next_line(rest)? {
            let message = match name(at) {
                Ok((_, word @ ("else" | "elif"))) => {
                    msg!("parse-else-without-if", keyword = word)
                }
                _ if line_indent > indent => msg!("parse-unexpected-indent"),
                _ => msg!("parse-statement-after-block"),
            };
            return Err(fail(Error::new(message, self.span_len(at, token_len(at)))));
        }
        Ok((&rest[rest.len()..], vec![statement]))
    }

    /// `statements := [statement (';' statement)* [';']]` up to the end of the text, or in a
    /// block (`in_block`) up to the end of the physical line too, e.g. `x = 1; y = 2;`.
    fn statements(&self, input: &'a str, in_block: bool) -> PResult<'a, Vec<Statement>> {
        let ends = |rest: &str| rest.is_empty() || (in_block && rest.starts_with('\n'));
        let mut statements = Vec::new();
        let mut rest = skip(input, false);
        while !ends(rest) {
            // The operator limit bounds the depth of one statement's tree, so it starts afresh.
            self.operators.set(0);
            let (after, mut statement) = self.statement(rest)?;
            rest = skip(after, false);
            if let Some(after_semicolon) = rest.strip_prefix(';') {
                statement.silent = true;
                rest = skip(after_semicolon, false);
            } else if !ends(rest) {
                return Err(fail(self.trailing(rest, &statement)));
            }
            statements.push(statement);
        }
        Ok((rest, statements))
    }

    /// `statement := assignment | augmented | index_assignment | back | graph | step | check
    /// | seed | del | load | expression`, e.g. `back y ones`. A `for` or `if` must start its
    /// line (`line` and `block` take those), so here it is an error, as `else` is.
    fn statement(&self, input: &'a str) -> PResult<'a, Statement> {
        if let Ok((after, word)) = name(input) {
            let next = skip(after, false);
            // `back = 1` is an (invalid) assignment, not a `back` statement, so this comes first.
            if starts_assignment(next) {
                return self.assignment(input);
            }
            if let Ok((after_op, op)) = augmented_op(next) {
                return self.augmented_assignment(input, op, after_op);
            }
            if next.starts_with('[')
                && !is_reserved(word)
                && let Some(assignment) = self.index_assignment(input, next)?
            {
                return Ok(assignment);
            }
            match word {
                "back" => return self.back(input),
                "step" => return self.step(input),
                "check" => return self.check(input),
                "graph" => return self.graph(input),
                "seed" => return self.seed(input, input),
                // numpy's own spelling, as pasted code writes it: np.random.seed(0).
                "np" | "numpy"
                    if after
                        .strip_prefix(".random.seed")
                        .is_some_and(|rest| skip(rest, false).starts_with('(')) =>
                {
                    return self.seed(input, &after[".random.".len()..]);
                }
                "del" => return self.del(input),
                "load" => return self.load(input),
                "plot" => return self.plot(input),
                "imshow" => return self.imshow(input),
                "import" | "from" => return self.import(input, word, after),
                "for" | "if" => {
                    let message = msg!("parse-block-not-first", keyword = word);
                    return Err(fail(Error::new(message, self.span(input, after))));
                }
                "else" | "elif" => {
                    let message = msg!("parse-else-without-if", keyword = word);
                    return Err(fail(Error::new(message, self.span(input, after))));
                }
                _ => {}
            }
        }
        if !starts_expression(input) {
            return Err(fail(self.not_a_statement(input)));
        }
        let (rest, expr) = self.expression(input, Nest::default(), "")?;
        let statement = Statement {
            span: expr.span,
            kind: StatementKind::Expr(expr),
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `assignment := NAME '=' expression`, e.g. `W = randn(2, 3)`.
    fn assignment(&self, input: &'a str) -> PResult<'a, Statement> {
        let (name, equals) = self.assigned_name(input)?;
        let value_start = equals.strip_prefix('=').map(|r| skip(r, false));
        let value_start = value_start
            .ok_or_else(|| fail(self.expected(msg!("parse-expected-equals"), equals)))?;
        let (rest, value) = self.expression(value_start, Nest::default(), "=")?;
        let statement = Statement {
            span: self.span(input, rest),
            kind: StatementKind::Assign { name, value },
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `augmented := NAME ('+=' | '-=' | '*=' | '/=' | '//=' | '%=') expression`, e.g.
    /// `W1 -= 0.1 * dW1`.
    /// `after_op` is the text after the operator.
    fn augmented_assignment(
        &self,
        input: &'a str,
        op: BinOp,
        after_op: &'a str,
    ) -> PResult<'a, Statement> {
        let (name, _) = self.assigned_name(input)?;
        let symbol = format!("{}=", op.symbol());
        let (rest, value) = self.expression(skip(after_op, false), Nest::default(), &symbol)?;
        let statement = Statement {
            span: self.span(input, rest),
            kind: StatementKind::AugAssign { name, op, value },
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `index_assignment := NAME '[' index (',' index)* ']' ('=' | '+=' | '-=' | '*=' | '/=')
    /// expression`, e.g. `losses[i] = loss`; `open` is at the '['. `None` when no assignment
    /// follows the brackets, so the statement is an expression such as `x[0] + 1`.
    fn index_assignment(
        &self,
        input: &'a str,
        open: &'a str,
    ) -> Result<Option<(&'a str, Statement)>, nom::Err<Error>> {
        let (name, _) = self.assigned_name(input)?;
        let (after_close, indices) = self.indices(open, Nest::default())?;
        let at_op = skip(after_close, false);
        let (after_op, op) = if starts_assignment(at_op) {
            (&at_op[1..], None)
        } else if let Ok((after_op, op)) = augmented_op(at_op) {
            (after_op, Some(op))
        } else {
            // The expression is parsed again from its start, and counts its operators afresh.
            self.operators.set(0);
            return Ok(None);
        };
        let symbol = format!("{}=", op.map_or("", BinOp::symbol));
        let (rest, value) = self.expression(skip(after_op, false), Nest::default(), &symbol)?;
        let statement = Statement {
            span: self.span(input, rest),
            kind: StatementKind::IndexAssign {
                name,
                indices,
                op,
                value,
            },
            silent: false,
        };
        Ok(Some((rest, statement)))
    }

    /// The NAME at the start of an assignment, which must not be a built-in name, and the text
    /// after it and its blanks.
    fn assigned_name(&self, input: &'a str) -> Result<(Ident, &'a str), nom::Err<Error>> {
        let (after, word) =
            name(input).map_err(|_| fail(self.expected(msg!("parse-expected-name"), input)))?;
        let name_span = self.span(input, after);
        if is_reserved(word) {
            let message = msg!("parse-assign-built-in", name = word);
            return Err(fail(Error::new(message, name_span)));
        }
        let name = Ident {
            name: word.into(),
            span: name_span,
        };
        Ok((name, skip(after, false)))
    }

    /// `compound := for | if` at `input`, its keyword, on a line indented `indent` columns;
    /// `depth` blocks enclose it (an `elif` counts as one more), at most `MAX_DEPTH`.
    fn compound(
        &self,
        input: &'a str,
        keyword: &str,
        indent: usize,
        depth: usize,
    ) -> PResult<'a, Statement> {
        if depth >= MAX_DEPTH {
            let message = msg!("parse-blocks-too-deep", max = MAX_DEPTH);
            return Err(fail(Error::new(
                message,
                self.span_len(input, keyword.len()),
            )));
        }
        self.operators.set(0);
        if keyword == "for" {
            self.for_loop(input, indent, depth)
        } else {
            self.if_statement(input, keyword, indent, depth)
        }
    }

    /// `for := 'for' NAME 'in' expression ':' suite`, e.g. `for i in range(1000):`.
    fn for_loop(&self, input: &'a str, indent: usize, depth: usize) -> PResult<'a, Statement> {
        let keyword_span = self.span_len(input, "for".len());
        let (after_var, var) = self.target(skip(&input["for".len()..], false), "for")?;
        let at_in = skip(after_var, false);
        let after_in = match name(at_in) {
            Ok((after_in, "in")) => after_in,
            _ => return Err(fail(self.found(msg!("parse-expected-in"), at_in))),
        };
        let (after_iter, iter) = self.expression(skip(after_in, false), Nest::default(), "in")?;
        let header_end = iter.span.end;
        let (rest, body) = self.suite(after_iter, "for", keyword_span, indent, depth)?;
        let end = body.last().map_or(header_end, |s| s.span.end);
        let statement = Statement {
            span: Span::new(keyword_span.start, end),
            kind: StatementKind::For { var, iter, body },
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `if := ('if' | 'elif') expression ':' suite [elif | 'else' ':' suite]`, e.g. `if x > 0:`;
    /// an `elif` or `else` lines up with its `if`. `keyword` is `if` or `elif`.
    fn if_statement(
        &self,
        input: &'a str,
        keyword: &str,
        indent: usize,
        depth: usize,
    ) -> PResult<'a, Statement> {
        let keyword_span = self.span_len(input, keyword.len());
        let cond_start = skip(&input[keyword.len()..], false);
        let (after_cond, cond) = self.expression(cond_start, Nest::default(), keyword)?;
        let (mut rest, then_body) = self.suite(after_cond, keyword, keyword_span, indent, depth)?;
        let mut else_body = Vec::new();
        if let Some((line_indent, at)) = self.next_line(rest)?
            && line_indent == indent
        {
            match name(at) {
                Ok((_, "elif")) => {
                    let (after, elif) = self.compound(at, "elif", indent, depth + 1)?;
                    else_body.push(elif);
                    rest = after;
                }
                Ok((after_else, "else")) => {
                    let else_span = self.span(at, after_else);
                    let (after, body) = self.suite(after_else, "else", else_span, indent, depth)?;
                    else_body = body;
                    rest = after;
                }
                _ => {}
            }
        }
        let end = else_body
            .last()
            .or(then_body.last())
            .map_or(cond.span.end, |s| s.span.end);
        let statement = Statement {
            span: Span::new(keyword_span.start, end),
            kind: StatementKind::If {
                cond,
                then_body,
                else_body,
            },
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `suite := ':' (statements | NEWLINE block)`: the ':' that ends a header (at `input`, after
    /// blanks) and the block after it, either the rest of the line or the lines indented more
    /// than the header's `indent`. `keyword` and its span name the header in errors.
    fn suite(
        &self,
        input: &'a str,
        keyword: &str,
        keyword_span: Span,
        indent: usize,
        depth: usize,
    ) -> PResult<'a, Vec<Statement>> {
        let at_colon = skip(input, false);
        let Some(after_colon) = at_colon.strip_prefix(':') else {
            let message = msg!("parse-expected-colon", keyword = keyword);
            return Err(fail(self.found(message, at_colon)));
        };
        let rest = skip(after_colon, false);
        if !rest.is_empty() && !rest.starts_with('\n') {
            // The block on the header's own line, e.g. `for i in range(3): x = x + i`.
            return self.statements(rest, true);
        }
        let next = self.next_line(rest)?;
        let Some((block_indent, mut at)) = next.filter(|(line_indent, _)| *line_indent > indent)
        else {
            // Where the block should have been: the line that is not indented, or the end.
            let at = next.map_or(&rest[rest.len()..], |(_, at)| at);
            let message = msg!("parse-expected-block", keyword = keyword);
            let span = self.span_len(at, token_len(at));
            return Err(fail(Error::new(message, span).with_related(keyword_span)));
        };
        let mut body = Vec::new();
        loop {
            let (rest, statements) = match compound_keyword(at) {
                Some(keyword) => {
                    let (rest, statement) = self.compound(at, keyword, block_indent, depth + 1)?;
                    (rest, vec![statement])
                }
                None => self.statements(at, true)?,
            };
            body.extend(statements);
            match self.next_line(rest)? {
                Some((line_indent, next)) if line_indent == block_indent => at = next,
                Some((line_indent, next)) if line_indent > indent => {
                    let message = if line_indent > block_indent {
                        msg!("parse-unexpected-indent")
                    } else {
                        msg!("parse-bad-dedent")
                    };
                    return Err(fail(Error::new(
                        message,
                        self.span_len(next, token_len(next)),
                    )));
                }
                _ => return Ok((rest, body)),
            }
        }
    }

    /// The next line after `rest` (at a line break or the end of the text) that is not blank
    /// or only a comment: how many columns it is indented, and where its statement starts.
    /// `None` at the end of the text.
    fn next_line(&self, rest: &'a str) -> Result<Option<(usize, &'a str)>, nom::Err<Error>> {
        let mut rest = rest;
        while let Some(line) = rest.strip_prefix('\n') {
            let at = skip(line, false);
            if at.is_empty() || at.starts_with('\n') {
                rest = at;
                continue;
            }
            return Ok(Some((self.indentation(line, at)?, at)));
        }
        Ok(None)
    }

    /// How many columns the line starting at `line` is indented, its statement starting at
    /// `at` (see the top of this file).
    fn indentation(&self, line: &'a str, at: &'a str) -> Result<usize, nom::Err<Error>> {
        Ok(super::lexeme::columns(&line[..line.len() - at.len()]))
    }

    /// `back := 'back' NAME ['ones' | expression]`, e.g. `back loss` or `back y [[1, 0], [0, 1]]`.
    fn back(&self, input: &'a str) -> PResult<'a, Statement> {
        self.keyword_target_dout(input, "back", |target, dout| StatementKind::Back {
            target,
            dout,
        })
    }

    /// `step := 'step' NAME ['ones' | expression]`, e.g. `step y ones`.
    fn step(&self, input: &'a str) -> PResult<'a, Statement> {
        self.keyword_target_dout(input, "step", |target, dout| StatementKind::Step {
            target,
            dout,
        })
    }

    /// The statement `back` and `step` share, built into its kind by `make`.
    fn keyword_target_dout(
        &self,
        input: &'a str,
        keyword: &'static str,
        make: fn(Ident, Dout) -> StatementKind,
    ) -> PResult<'a, Statement> {
        let (rest, (target, dout)) = self.target_and_dout(input, keyword)?;
        let statement = Statement {
            span: self.span(input, rest),
            kind: make(target, dout),
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `check := 'check' NAME ['ones' | expression] ['sample' INTEGER]`, e.g. `check loss`,
    /// `check y [[1, 0], [0, 2]]` or `check loss sample 10`. The word `sample` followed by a
    /// number is the sample clause, so a variable named `sample` can still be a dout.
    fn check(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = self.keyword(input, "check")?;
        let (after_target, target) = self.target(after_keyword, "check")?;
        let (mut rest, dout) = if sample_clause(skip(after_target, false)).is_some() {
            (after_target, Dout::Ones)
        } else {
            let (rest, (_, dout)) = self.target_and_dout(input, "check")?;
            (rest, dout)
        };
        let mut sample = None;
        if let Some(count_text) = sample_clause(skip(rest, false)) {
            let count = whole_number(count_text)
                .ok()
                .and_then(|(digits, after_digits)| {
                    let count = digits.parse::<usize>().ok().filter(|n| *n > 0)?;
                    Some((count, after_digits))
                });
            let Some((count, after_digits)) = count else {
                let span = self.span_len(count_text, word_end(count_text).max(1));
                return Err(fail(Error::new(msg!("parse-sample-count"), span)));
            };
            sample = Some(count);
            rest = after_digits;
        }
        let kind = StatementKind::Check {
            target,
            dout,
            sample,
        };
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind,
                silent: false,
            },
        ))
    }

    /// `load := 'load' NAME`, e.g. `load digits`. Which data sets exist is the session's
    /// business; the parser only takes the word.
    fn load(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = self.keyword(input, "load")?;
        let (rest, dataset) = self.target(after_keyword, "load")?;
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind: StatementKind::Load { dataset },
                silent: false,
            },
        ))
    }

    /// `import := 'import' 'numpy' ['as' 'np'] | 'from' ('numpy' | 'numpy.random') 'import'
    /// ('*' | NAME (',' NAME)*)`. numpy's names are there from the start, so an import only
    /// checks that what it names exists; anything else is an error that lists what does.
    fn import(&self, input: &'a str, word: &str, after: &'a str) -> PResult<'a, Statement> {
        let statement = |rest: &'a str| {
            Ok((
                rest,
                Statement {
                    span: self.span(input, rest),
                    kind: StatementKind::Import,
                    silent: false,
                },
            ))
        };
        let module_at = skip(after, false);
        let (after_module, module) = dotted_name(module_at);
        let module_span = self.span(module_at, after_module);
        let unknown = |module: &str| {
            let message = msg!("parse-import-unknown", module = module);
            fail(Error::new(message, module_span))
        };
        if word == "import" {
            if module != "numpy" {
                return Err(unknown(module));
            }
            let rest = skip(after_module, false);
            let Some(after_as) = rest
                .strip_prefix("as")
                .filter(|r| !r.starts_with(is_word_byte))
            else {
                return statement(after_module);
            };
            let alias_at = skip(after_as, false);
            let (after_alias, alias) = name(alias_at).unwrap_or((alias_at, ""));
            if alias != "np" {
                let message = msg!("parse-import-alias", alias = alias);
                let span = self.span(alias_at, after_alias);
                return Err(fail(Error::new(message, span)));
            }
            return statement(after_alias);
        }
        let names: &[&str] = match module {
            "numpy" => &crate::lang::ast::NUMPY,
            "numpy.random" => &crate::lang::ast::NUMPY_RANDOM,
            _ => return Err(unknown(module)),
        };
        let rest = skip(after_module, false);
        let Some(after_import) = rest
            .strip_prefix("import")
            .filter(|r| !r.starts_with(is_word_byte))
        else {
            let message = msg!("parse-expected-import");
            return Err(fail(Error::new(message, self.span_len(rest, 1))));
        };
        let mut rest = skip(after_import, false);
        if let Some(after_star) = rest.strip_prefix('*') {
            return statement(after_star);
        }
        loop {
            let (after_name, imported) =
                name(rest).map_err(|_| fail(self.expected(msg!("parse-expected-name"), rest)))?;
            // `seed` is the statement `seed N` here.
            let seed = module == "numpy.random" && imported == "seed";
            if !(names.contains(&imported) || seed) {
                let message = msg!(
                    "parse-import-name",
                    name = imported,
                    module = module,
                    names = names.join(", ")
                );
                return Err(fail(Error::new(message, self.span(rest, after_name))));
            }
            let after_blanks = skip(after_name, false);
            match after_blanks.strip_prefix(',') {
                Some(after_comma) => rest = skip(after_comma, false),
                None => return statement(after_name),
            }
        }
    }

    /// `del := 'del' NAME [',' NAME …]`, e.g. `del W1, b1`.
    /// `plot := 'plot' expression (',' expression)*`, e.g. `plot xs, relu(xs)`; the list may be
    /// in parentheses, as matplotlib's `plt.plot(xs, ys)` is written.
    fn plot(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = skip(&input["plot".len()..], false);
        let (inner, parenthesized) = match after_keyword.strip_prefix('(') {
            Some(inner) => (skip(inner, false), true),
            None => (after_keyword, false),
        };
        if !starts_expression(inner) {
            let message = msg!("parse-plot-needs-array");
            return Err(fail(Error::new(message, self.span_len(inner, 1))));
        }
        let (mut rest, first) = self.expression(inner, Nest::default(), "")?;
        let mut series = vec![first];
        let mut height = None;
        loop {
            let after_blanks = skip(rest, false);
            let Some(after_comma) = after_blanks.strip_prefix(',') else {
                rest = after_blanks;
                break;
            };
            let item = skip(after_comma, false);
            // `height=N` sets the chart's rows; it comes last.
            if let Some(after_word) = item.strip_prefix("height")
                && let Some(value) = skip(after_word, false).strip_prefix('=')
                && !value.starts_with('=')
            {
                let (after, expr) = self.expression(skip(value, false), Nest::default(), "")?;
                height = Some(expr);
                rest = skip(after, false);
                break;
            }
            let (after, expr) = self.expression(item, Nest::default(), "")?;
            series.push(expr);
            rest = after;
        }
        if parenthesized {
            match rest.strip_prefix(')') {
                Some(after) => rest = after,
                None => {
                    let message = msg!("parse-plot-close");
                    return Err(fail(Error::new(message, self.span_len(rest, 1))));
                }
            }
        }
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind: StatementKind::Plot { series, height },
                silent: false,
            },
        ))
    }

    /// `imshow := 'imshow' expression`, e.g. `imshow(x_test[0])`.
    fn imshow(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = skip(&input["imshow".len()..], false);
        if !starts_expression(after_keyword) {
            let message = msg!("parse-plot-needs-array");
            return Err(fail(Error::new(message, self.span_len(after_keyword, 1))));
        }
        let (rest, image) = self.expression(after_keyword, Nest::default(), "")?;
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind: StatementKind::Imshow { image },
                silent: false,
            },
        ))
    }

    fn del(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = self.keyword(input, "del")?;
        let (mut rest, first) = self.target(after_keyword, "del")?;
        let mut names = vec![first];
        loop {
            let after_blanks = skip(rest, false);
            let Some(after_comma) = after_blanks.strip_prefix(',') else {
                break;
            };
            let (after_name, name) = self.target(skip(after_comma, false), "del")?;
            names.push(name);
            rest = after_name;
        }
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind: StatementKind::Del { names },
                silent: false,
            },
        ))
    }

    /// `seed := 'seed' INTEGER | ['np.random.'] 'seed' '(' INTEGER ')'`, e.g. `seed 0` or
    /// `np.random.seed(0)`: numpy's seed, a whole number from 0 to 2**32 - 1. `at` is where the
    /// word `seed` starts in the statement at `input`.
    fn seed(&self, input: &'a str, at: &'a str) -> PResult<'a, Statement> {
        let after_word = skip(&at["seed".len()..], false);
        let (after_keyword, open) = match after_word.strip_prefix('(') {
            Some(inside) => (skip(inside, false), Some(self.span_len(after_word, 1))),
            None => (self.keyword(at, "seed")?, None),
        };
        let (digits, rest) = whole_number(after_keyword).map_err(|end| {
            let span = self.span(after_keyword, &after_keyword[end..]);
            fail(Error::new(msg!("parse-seed-number"), span))
        })?;
        let at = self.span(after_keyword, rest);
        let seed = digits
            .parse::<u64>()
            .ok()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| fail(Error::new(msg!("parse-seed-range", seed = digits), at)))?;
        let rest = match open {
            Some(open) => {
                let at_close = skip(rest, false);
                at_close
                    .strip_prefix(')')
                    .ok_or_else(|| fail(self.unclosed(at_close, ')', open)))?
            }
            None => rest,
        };
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind: StatementKind::Seed { seed },
                silent: false,
            },
        ))
    }

    /// `graph := 'graph' NAME ['--dot' [FILE]]`, e.g. `graph loss --dot "out/loss graph.dot"`.
    /// FILE is a run of characters up to a blank, ';' or '#', or anything but '"' inside quotes.
    fn graph(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = self.keyword(input, "graph")?;
        let (mut rest, target) = self.target(after_keyword, "graph")?;
        let mut dot = None;
        let option = skip(rest, false);
        if option.starts_with("--") {
            let option_len = option.find(ends_file_name).unwrap_or(option.len());
            let (word, after_option) = option.split_at(option_len);
            if word != "--dot" {
                let message = msg!("parse-graph-unknown-option", option = word);
                return Err(fail(Error::new(message, self.span(option, after_option))));
            }
            rest = after_option;
            let file = skip(after_option, false);
            if let Some(inside) = file.strip_prefix('"') {
                let open = self.span_len(file, 1);
                let close = inside
                    .find(['"', '\n'])
                    .filter(|&i| inside[i..].starts_with('"'));
                let Some(close) = close else {
                    let end = &inside[inside.find('\n').unwrap_or(inside.len())..];
                    let error = Error::new(msg!("parse-unclosed-quote"), self.span_len(end, 0));
                    return Err(fail(error.with_related(open)));
                };
                rest = &inside[close + 1..];
                if close == 0 {
                    let error = Error::new(msg!("parse-expected-file-name"), self.span(file, rest));
                    return Err(fail(error));
                }
                dot = Some(Some(inside[..close].to_string()));
            } else {
                // An empty run (end of line, ';' or a line break) is `--dot` without a file.
                let file_len = file.find(ends_file_name).unwrap_or(file.len());
                if file_len == 0 {
                    dot = Some(None);
                } else {
                    rest = &file[file_len..];
                    dot = Some(Some(file[..file_len].to_string()));
                }
            }
        }
        let kind = StatementKind::Graph { target, dot };
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind,
                silent: false,
            },
        ))
    }

    /// The statement keyword at the start of `input` and the blanks after it, e.g. `back ` in
    /// `back y`; writing it like a function call is an error.
    fn keyword(&self, input: &'a str, keyword: &str) -> Result<&'a str, nom::Err<Error>> {
        let rest = skip(input.get(keyword.len()..).unwrap_or(""), false);
        if rest.starts_with('(') {
            let message = msg!("parse-keyword-not-function", keyword = keyword);
            return Err(fail(Error::new(message, self.span_len(rest, 1))));
        }
        Ok(rest)
    }

    /// The NAME a statement keyword acts on, e.g. `y` in `back y`.
    fn target(&self, input: &'a str, keyword: &str) -> PResult<'a, Ident> {
        match name(input) {
            Ok((after, word)) if is_reserved(word) => {
                let message = msg!("parse-target-built-in", keyword = keyword, name = word);
                Err(fail(Error::new(message, self.span(input, after))))
            }
            Ok((after, word)) => Ok((
                after,
                Ident {
                    name: word.into(),
                    span: self.span(input, after),
                },
            )),
            Err(_) => {
                let message = msg!("parse-expected-name-after", keyword = keyword);
                Err(fail(self.expected(message, input)))
            }
        }
    }

    /// What `back` and `step` share: `NAME ['ones' | expression]` after the keyword, e.g.
    /// `y ones` in `back y ones`.
    fn target_and_dout(&self, input: &'a str, keyword: &str) -> PResult<'a, (Ident, Dout)> {
        let after_keyword = self.keyword(input, keyword)?;
        let (after_target, target) = self.target(after_keyword, keyword)?;
        let dout = skip(after_target, false);
        // `ones` alone means the default dout; `ones(2, 3)` is an expression like any other.
        if let Ok((after_ones, "ones")) = name(dout)
            && !skip(after_ones, false).starts_with('(')
        {
            return Ok((after_ones, (target, Dout::Ones)));
        }
        if starts_expression(dout) {
            let (rest, expr) = self.expression(dout, Nest::default(), keyword)?;
            return Ok((rest, (target, Dout::Expr(expr))));
        }
        Ok((after_target, (target, Dout::Ones)))
    }
}

/// After the word `sample` of `check y sample 10`, where its count starts: `Some` when `input`
/// starts with the word `sample` and what follows is no operator, bracket or `=` (which
/// would make `sample` the start of a dout expression such as `sample * 2`).
fn sample_clause(input: &str) -> Option<&str> {
    let after_word = input.strip_prefix("sample")?;
    if after_word.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let count_text = skip(after_word, false);
    let is_expression_tail = count_text.starts_with(|c: char| {
        matches!(
            c,
            '*' | '/' | '+' | '-' | '@' | '[' | '(' | '.' | '<' | '>' | '=' | '!'
        )
    });
    (!is_expression_tail).then_some(count_text)
}

/// The whole number a statement takes, such as the `10` of `check y sample 10` or the `0` of
/// `seed 0`: `Ok((digits, rest))` when `input` starts with digits that end the word, else
/// `Err(end)`, the end of the word that is not one (`1.5`, `x`), for the caret.
fn whole_number(input: &str) -> Result<(&str, &str), usize> {
    let end = input
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(input.len());
    let (digits, rest) = input.split_at(end);
    let followed_by_word = rest.starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == '_');
    if digits.is_empty() || followed_by_word {
        return Err(word_end(input));
    }
    Ok((digits, rest))
}

/// Where the word at the start of `input` ends: at a blank, `;` or `#`.
fn word_end(input: &str) -> usize {
    input
        .find(|c: char| c.is_whitespace() || c == ';' || c == '#')
        .unwrap_or(input.len())
}

#[cfg(test)]
mod tests {
    use crate::lang::ast::{Dout, Span, StatementKind};
    use crate::lang::parser::parse_line;
    use crate::lang::parser::tests::{assert_error, error, expr, ident, one, say, show};

    #[test]
    fn line_empty_blank_and_comment_only_give_no_statements() {
        for text in [
            "",
            "   ",
            "\t \r",
            "# just a comment",
            "  # 주석 한국어 ([",
            "\n",
        ] {
            assert_eq!(parse_line(text, 0), Ok(vec![]), "{text:?}");
        }
    }

    #[test]
    fn line_splits_statements_and_marks_silent_ones() {
        let statements = parse_line("a = 1; b = 2", 0).unwrap();
        assert_eq!(statements.len(), 2);
        assert!(statements[0].silent);
        assert_eq!(statements[0].span, Span::new(0, 5));
        assert!(!statements[1].silent);
        assert_eq!(statements[1].span, Span::new(7, 12));
        let statements = parse_line("x;  # quiet", 0).unwrap();
        assert_eq!(statements.len(), 1);
        assert!(statements[0].silent);
        assert_eq!(statements[0].span, Span::new(0, 1));
    }

    #[test]
    fn line_rejects_empty_statements() {
        assert_error(";", "expected a statement before ';'", 0, 1);
        assert_error("a = 1;; b", "expected a statement before ';'", 6, 7);
    }

    #[test]
    fn spans_are_offset_by_base() {
        let statements = parse_line("y = x * 2", 100).unwrap();
        let StatementKind::Assign { name, value } = &statements[0].kind else {
            panic!()
        };
        assert_eq!(name.span, Span::new(100, 101));
        assert_eq!(value.span, Span::new(104, 109));
        assert_eq!(statements[0].span, Span::new(100, 109));
        let e = parse_line("y = (1", 100).unwrap_err();
        assert_eq!(e.span, Span::new(106, 106));
        assert_eq!(e.related, Some(Span::new(104, 105)));
    }

    #[test]
    fn a_trailing_newline_is_not_an_error() {
        assert_eq!(parse_line("x\n", 0).unwrap().len(), 1);
        assert_eq!(parse_line("x\r\n", 0).unwrap().len(), 1);
    }

    #[test]
    fn assignment_binds_a_name_to_an_expression() {
        let s = one("W1 = randn(2, 3)");
        let StatementKind::Assign { name, value } = s.kind else {
            panic!()
        };
        assert_eq!(name, ident("W1", 0, 2));
        assert_eq!(show(&value), "randn(2, 3)");
        assert_eq!(value.span, Span::new(5, 16));
        assert_eq!(s.span, Span::new(0, 16));
        // `==` is a comparison, not an assignment.
        assert_eq!(show(&expr("a == b")), "(a == b)");
    }

    #[test]
    fn assignment_errors() {
        assert_error(
            "relu = 1",
            "cannot assign to 'relu': it is a built-in name; choose another name",
            0,
            4,
        );
        assert_error(
            "back = 1",
            "cannot assign to 'back': it is a built-in name; choose another name",
            0,
            4,
        );
        assert_error("a = ", "expected an expression after '='", 4, 4);
        assert_error("a = )", "expected an expression after '='", 4, 5);
        assert_error(
            "a + b = 1",
            "cannot assign to an expression; the left side of '=' must be a name or an indexed name, e.g. x or x[i]",
            0,
            5,
        );
        assert_error("= 1", "expected a name before '='", 0, 1);
    }

    #[test]
    fn back_takes_a_target_and_an_optional_dout() {
        let s = one("back y");
        assert_eq!(
            s.kind,
            StatementKind::Back {
                target: ident("y", 5, 6),
                dout: Dout::Ones
            }
        );
        assert_eq!(s.span, Span::new(0, 6));
        let s = one("back y ones  # default");
        assert_eq!(
            s.kind,
            StatementKind::Back {
                target: ident("y", 5, 6),
                dout: Dout::Ones
            }
        );
        assert_eq!(s.span, Span::new(0, 11));
        let StatementKind::Back {
            dout: Dout::Expr(e),
            ..
        } = one("back y ones(2, 3)").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "ones(2, 3)");
        let StatementKind::Back {
            dout: Dout::Expr(e),
            ..
        } = one("back y [[1, -2]]").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "array[1, 2][1.0, -2.0]");
        assert_eq!(e.span, Span::new(7, 16));
        let StatementKind::Back {
            dout: Dout::Expr(e),
            ..
        } = one("back y -1").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "(-1)");
    }

    #[test]
    fn step_is_like_back() {
        let s = one("step loss;");
        assert!(s.silent);
        assert_eq!(
            s.kind,
            StatementKind::Step {
                target: ident("loss", 5, 9),
                dout: Dout::Ones
            }
        );
        let StatementKind::Step {
            dout: Dout::Expr(e),
            ..
        } = one("step y 2 * x").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "(2 * x)");
    }

    #[test]
    fn check_takes_a_name() {
        let s = one("check loss");
        assert_eq!(
            s.kind,
            StatementKind::Check {
                target: ident("loss", 6, 10),
                dout: Dout::Ones,
                sample: None
            }
        );
        let s = one("check loss sample 10");
        assert_eq!(
            s.kind,
            StatementKind::Check {
                target: ident("loss", 6, 10),
                dout: Dout::Ones,
                sample: Some(10)
            }
        );
        // A dout, as `back` takes one, then the sample clause; `sample` as a name is a dout.
        let StatementKind::Check {
            dout: Dout::Expr(e),
            sample: Some(3),
            ..
        } = one("check y [[1, 0], [0, 2]] sample 3").kind
        else {
            panic!("check with a dout and a sample")
        };
        assert_eq!(show(&e), "array[2, 2][1.0, 0.0, 0.0, 2.0]");
        let StatementKind::Check {
            dout: Dout::Expr(e),
            sample: None,
            ..
        } = one("check y sample * 2").kind
        else {
            panic!("a variable named sample")
        };
        assert_eq!(show(&e), "(sample * 2)");
        let StatementKind::Check {
            dout: Dout::Ones,
            sample: Some(4),
            ..
        } = one("check y ones sample 4").kind
        else {
            panic!("ones, then a sample")
        };
        assert_error(
            "check loss sample x",
            "sample takes how many elements of each variable to check, a whole number from 1, e.g. check y sample 10",
            18,
            19,
        );
        assert_error(
            "check loss 1 2",
            "expected ';' or end of line, found '2'",
            13,
            14,
        );
    }

    #[test]
    fn keyword_errors() {
        assert_error("back", "expected a name after 'back'", 4, 4);
        assert_error("back 2", "expected a name after 'back'", 5, 6);
        assert_error("step ;", "expected a name after 'step'", 5, 6);
        assert_error("check", "expected a name after 'check'", 5, 5);
        assert_error("graph", "expected a name after 'graph'", 5, 5);
        assert_error(
            "back relu",
            "expected a name after 'back', but 'relu' is a built-in name",
            5,
            9,
        );
        assert_error(
            "back(y)",
            "'back' is a statement, not a function; write it without parentheses, e.g. back y",
            4,
            5,
        );
        assert_error(
            "a = back + 1",
            "'back' is a statement keyword, not a value; use it at the start of a statement, e.g. back y",
            4,
            8,
        );
        assert_error(
            "x = relu + 1",
            "'relu' is a function; call it like relu(x)",
            4,
            8,
        );
        assert_error(
            "ones",
            "'ones' is a function; call it like ones(2, 3)",
            0,
            4,
        );
    }

    #[test]
    fn graph_with_and_without_dot() {
        let s = one("graph loss");
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("loss", 6, 10),
                dot: None
            }
        );
        let s = one("graph loss --dot");
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("loss", 6, 10),
                dot: Some(None)
            }
        );
        assert_eq!(s.span, Span::new(0, 16));
        let s = one("graph loss --dot out/g(1).dot  # file");
        let dot = Some(Some("out/g(1).dot".to_string()));
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("loss", 6, 10),
                dot
            }
        );
        assert_eq!(s.span, Span::new(0, 29));
        let s = one("graph y --dot \"my graph; #1.dot\"");
        let dot = Some(Some("my graph; #1.dot".to_string()));
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("y", 6, 7),
                dot
            }
        );
        assert_eq!(s.span, Span::new(0, 32));
        let statements = parse_line("graph y --dot a.dot; graph z --dot;", 0).unwrap();
        assert_eq!(statements.len(), 2);
        assert!(statements[0].silent && statements[1].silent);
    }

    #[test]
    fn graph_errors() {
        assert_error(
            "graph y --dto",
            "unknown option '--dto' for graph; the only option is '--dot'",
            8,
            13,
        );
        let e = error("graph y --dot \"open");
        assert_eq!(say(&e), "expected '\"' to close '\"'");
        assert_eq!(
            (e.span, e.related),
            (Span::new(19, 19), Some(Span::new(14, 15)))
        );
        assert_error(
            "graph y --dot \"\"",
            "expected a file name inside the quotes",
            14,
            16,
        );
        assert_error("graph y x", "expected ';' or end of line, found 'x'", 8, 9);
        let e = error("graph y --dot\nx");
        assert_eq!(say(&e), "expected ';' or end of line, found a line break");
    }
}
