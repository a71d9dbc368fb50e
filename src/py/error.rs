//! Python's exceptions: a kind that Python names, a message in the catalogue, where it happened
//! and the calls it came through.

use crate::i18n::Message;
use crate::py::ast::Pos;

/// The exception classes a program can meet, named as Python names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcKind {
    Exception,
    TypeError,
    ValueError,
    IndexError,
    KeyError,
    AttributeError,
    ZeroDivisionError,
    NameError,
    UnboundLocalError,
    RecursionError,
    SyntaxError,
    IndentationError,
    OverflowError,
    ModuleNotFoundError,
    ImportError,
    AssertionError,
    NotImplementedError,
    RuntimeError,
    StopIteration,
    MemoryError,
    KeyboardInterrupt,
}

impl ExcKind {
    pub const ALL: [ExcKind; 21] = [
        ExcKind::Exception,
        ExcKind::TypeError,
        ExcKind::ValueError,
        ExcKind::IndexError,
        ExcKind::KeyError,
        ExcKind::AttributeError,
        ExcKind::ZeroDivisionError,
        ExcKind::NameError,
        ExcKind::UnboundLocalError,
        ExcKind::RecursionError,
        ExcKind::SyntaxError,
        ExcKind::IndentationError,
        ExcKind::OverflowError,
        ExcKind::ModuleNotFoundError,
        ExcKind::ImportError,
        ExcKind::AssertionError,
        ExcKind::NotImplementedError,
        ExcKind::RuntimeError,
        ExcKind::StopIteration,
        ExcKind::MemoryError,
        ExcKind::KeyboardInterrupt,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExcKind::Exception => "Exception",
            ExcKind::TypeError => "TypeError",
            ExcKind::ValueError => "ValueError",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::AttributeError => "AttributeError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::NameError => "NameError",
            ExcKind::UnboundLocalError => "UnboundLocalError",
            ExcKind::RecursionError => "RecursionError",
            ExcKind::SyntaxError => "SyntaxError",
            ExcKind::IndentationError => "IndentationError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::ModuleNotFoundError => "ModuleNotFoundError",
            ExcKind::ImportError => "ImportError",
            ExcKind::AssertionError => "AssertionError",
            ExcKind::NotImplementedError => "NotImplementedError",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::StopIteration => "StopIteration",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::KeyboardInterrupt => "KeyboardInterrupt",
        }
    }

    /// Whether `except self` catches an exception of kind `other` (Python's class tree, cut to
    /// the kinds above).
    pub fn catches(self, other: ExcKind) -> bool {
        match self {
            ExcKind::Exception => !matches!(other, ExcKind::KeyboardInterrupt),
            ExcKind::NameError => matches!(other, ExcKind::NameError | ExcKind::UnboundLocalError),
            ExcKind::SyntaxError => {
                matches!(other, ExcKind::SyntaxError | ExcKind::IndentationError)
            }
            ExcKind::ImportError => {
                matches!(other, ExcKind::ImportError | ExcKind::ModuleNotFoundError)
            }
            ExcKind::RuntimeError => {
                matches!(
                    other,
                    ExcKind::RuntimeError | ExcKind::RecursionError | ExcKind::NotImplementedError
                )
            }
            k => k == other,
        }
    }
}

/// One call the exception came through: the function's name and where the call was.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub function: String,
    pub pos: Pos,
}

/// A Python exception. Its fields live behind one box, so that a `PyResult` is little more
/// than its value: every expression the interpreter evaluates returns one.
#[derive(Debug, Clone, PartialEq)]
pub struct PyErr(Box<Exception>);

impl std::ops::Deref for PyErr {
    type Target = Exception;
    fn deref(&self) -> &Exception {
        &self.0
    }
}

impl std::ops::DerefMut for PyErr {
    fn deref_mut(&mut self) -> &mut Exception {
        &mut self.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    pub kind: ExcKind,
    pub message: Message,
    /// Where the failing expression or statement is, once known.
    pub pos: Option<Pos>,
    /// The calls it came through, outermost first (as Python's traceback lists them).
    pub trace: Vec<Frame>,
    /// A close name, for a `NameError`: shown after the message as CPython 3.11's traceback
    /// shows it ("Did you mean: 'relu'?"), never part of `str(e)`.
    pub suggestion: Option<String>,
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: ExcKind, message: Message) -> PyErr {
        PyErr(Box::new(Exception {
            kind,
            message,
            pos: None,
            trace: Vec::new(),
            suggestion: None,
        }))
    }

    /// Sets the position if none is set yet (the innermost place wins).
    pub fn at(mut self, pos: Pos) -> PyErr {
        self.place(pos);
        self
    }

    /// [`PyErr::at`] in place.
    pub fn place(&mut self, pos: Pos) {
        if self.pos.is_none() {
            self.pos = Some(pos);
        }
    }
}
