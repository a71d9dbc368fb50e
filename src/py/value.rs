//! Python's objects as the interpreter holds them. Everything that Python shares by reference
//! (lists, dicts, instances, arrays) sits behind an `Rc`, so `a = b` shares it and `is` compares
//! the pointers; ints, floats and strings are values, as their immutability allows.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};

use crate::msg;
use crate::py::ast::{FuncDef, Params, Pos};
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::fasthash::{FastBuild, NameMap};

/// `repr(u64)`: every payload starts at the second word, so moving a `Value` is two word-sized
/// copies (a one-byte payload beside the tag had made the compiler copy bytes 1 to 7 piecewise,
/// and the next word-sized read of them stalled).
#[derive(Clone)]
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    /// Python's int, kept in 64 bits: a result beyond that is an `OverflowError`.
    Int(i64),
    Float(f64),
    /// (A thin pointer, so that a `Value` is 16 bytes and comes back from a call in registers.)
    Str(Rc<String>),
    Tuple(Rc<Vec<Value>>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    /// `range(start, stop, step)`, walked lazily.
    Range(Rc<(i64, i64, i64)>),
    /// What `enumerate`, `zip`, `iter`, `reversed`, `dict.items()` and the like give: the items
    /// taken up front, handed out one at a time.
    Iter(Rc<RefCell<IterState>>),
    Slice(Rc<(Value, Value, Value)>),
    Func(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A method bound to its receiver: a Python function with `self`, or a native method of a
    /// built-in type (`list.append`, `ndarray.reshape`) looked up by name when called.
    Method(Rc<Method>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// A numpy array: a view (shape, strides, offset) of a buffer that views share.
    Array(Rc<ArrayObj>),
    /// numpy's scalars, distinct from Python's: `np.float64(3.0)`, `np.int64(1)`, `np.True_`.
    NpFloat(f64),
    NpInt(i64),
    NpBool(bool),
    /// `x.dtype`, `np.float64` used as a type, `dtype=int`.
    DType(DType),
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict, as Python's are.
    DictView(Rc<DictViewOf>),
    /// An exception object (what `except E as e` binds), and exception classes (`ValueError`).
    Exception(Rc<crate::py::error::PyErr>),
    ExcClass(crate::py::error::ExcKind),
}

/// A view of a dict: the dict it reads and which view it is.
pub struct DictViewOf {
    pub dict: Rc<RefCell<Dict>>,
    pub kind: ViewKind,
}

/// Which of a dict's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    /// The view's items, taken now.
    pub fn items(self, d: &Dict) -> Vec<Value> {
        d.entries
            .iter()
            .map(|(k, v)| match self {
                ViewKind::Keys => k.clone(),
                ViewKind::Values => v.clone(),
                ViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
            })
            .collect()
    }
}

/// numpy's element types that the program knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DType {
    Float64,
    Int64,
    Bool,
}

impl DType {
    pub fn name(self) -> &'static str {
        match self {
            DType::Float64 => "float64",
            DType::Int64 => "int64",
            DType::Bool => "bool",
        }
    }
}

/// A numpy array: a strided view of a shared buffer. Every dtype is stored as float64 (an int64
/// holds whole numbers, exact up to 2^53; a bool holds 0.0 or 1.0), so one buffer type serves
/// them all and the arithmetic reads them alike. `a[0]` and `a.T` are new `ArrayObj`s on the same
/// `buf`; writing through one is seen by the others, as numpy's views are.
#[derive(Debug)]
pub struct ArrayObj {
    pub buf: Rc<Buffer>,
    pub dtype: DType,
    pub shape: Vec<usize>,
    /// In elements, may be negative (`a[::-1]`).
    pub strides: Vec<isize>,
    pub offset: usize,
}

/// The elements an array and its views share, with a count of the writes to them (the version
/// PyTorch's autograd keeps on a tensor's storage): `back` compares an array's version with the
/// one it had when forward ran to see whether it was changed in place since. Every write goes
/// through [`Buffer::borrow_mut`], which counts it, so none can be missed.
///
/// `back` may also lend a gradient's buffer to a layer's backward instead of copying it: while
/// lent, the first write keeps a copy of the elements as they were ([`Buffer::lend`]).
#[derive(Debug, Default)]
pub struct Buffer {
    data: RefCell<Vec<f64>>,
    version: Cell<u64>,
    lent: Cell<bool>,
    /// The elements as they were before the first write while lent.
    kept: RefCell<Option<Vec<f64>>>,
}

impl Buffer {
    pub fn new(data: Vec<f64>) -> Buffer {
        Buffer {
            data: RefCell::new(data),
            ..Buffer::default()
        }
    }

    /// The elements, to read.
    pub fn borrow(&self) -> Ref<'_, Vec<f64>> {
        self.data.borrow()
    }

    /// The elements, to write: counts a write whether or not any value changes (and, while the
    /// buffer is lent, keeps the elements as they were at the first).
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<f64>> {
        self.version.set(self.version.get().wrapping_add(1));
        if self.lent.replace(false) {
            let before = self.data.borrow().clone();
            *self.kept.borrow_mut() = Some(before);
        }
        self.data.borrow_mut()
    }

    /// Lends the elements: the next write keeps a copy of them as they are now, for
    /// [`Buffer::take_back`].
    pub fn lend(&self) {
        self.lent.set(true);
        self.kept.borrow_mut().take();
    }

    /// Ends a loan: the elements as they were when lent, if anything wrote to them since.
    pub fn take_back(&self) -> Option<Vec<f64>> {
        self.lent.set(false);
        self.kept.borrow_mut().take()
    }

    /// How many times the elements were borrowed to write.
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Sets the version back to one it had, for a check that wrote to the elements and then put
    /// every one back as it was then (bit for bit): what `back` compares sees no write.
    pub fn restore_version(&self, version: u64) {
        self.version.set(version);
    }
}

/// Positional and keyword arguments of a call, evaluated.
#[derive(Clone, Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(String, Value)>,
}

/// The signature of a native function: the interpreter (for output, the random stream, calling
/// back into Python) and the arguments.
pub type NativeFn = fn(&mut Interp, Args) -> PyResult<Value>;

pub struct Builtin {
    /// The name Python shows: `print`, `np.zeros` shows as `zeros`.
    pub name: &'static str,
    pub func: NativeFn,
}

pub struct Function {
    pub def: Rc<FuncDef>,
    pub params: Rc<Params>,
    /// The default values, evaluated once when `def` ran, by parameter name.
    pub defaults: Vec<(String, Value)>,
    /// The scope the function was defined in, for closures (`None` at module level).
    pub closure: Option<Rc<RefCell<Scope>>>,
    /// The module's globals.
    pub globals: Rc<RefCell<Scope>>,
    /// The class it was defined in, for its qualified name (`Layer.forward`).
    pub qualname: String,
    /// A lambda shows as `<lambda>`.
    pub is_lambda: bool,
    /// The names the body binds (its locals), and those it declares `global` or `nonlocal`.
    pub names: Rc<LocalNames>,
    /// The name tracebacks show for a call (`<lambda>` for a lambda).
    pub frame_name: Rc<str>,
}

/// What a function body binds, found once when `def` runs: Python decides at compile time that
/// a name assigned anywhere in a function is local to it. Each local gets a slot, a place in
/// the call's `Scope::slots` (the parameters first, in order), so that reading or binding a
/// local is an index, not a look-up by name.
#[derive(Default, Debug)]
pub struct LocalNames {
    pub slots: NameMap<u32>,
    pub globals: std::collections::HashSet<String, FastBuild>,
    pub nonlocals: std::collections::HashSet<String, FastBuild>,
}

impl LocalNames {
    /// The slot of a local, `None` for any other name.
    #[inline]
    pub fn slot(&self, name: &str) -> Option<usize> {
        self.slots.get(name).map(|&i| i as usize)
    }

    /// Gives `name` the next slot, unless it has one.
    pub fn add(&mut self, name: &str) {
        if !self.slots.contains_key(name) {
            let next = self.slots.len() as u32;
            self.slots.insert(name.to_string(), next);
        }
    }
}

thread_local! {
    /// Counts the changes to classes: a class made, an attribute of a class set. A call site's
    /// remembered method is good while the count is what it was.
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(std::cell::Cell::get)
}

/// Says that some class changed: every remembered method is looked up anew.
pub fn classes_changed() {
    CLASS_EPOCH.with(|c| c.set(c.get().wrapping_add(1)));
}

/// A namespace: local variables of a call, a module's globals, a class body. A call's locals
/// are in `slots`, by the slot its function's `names` gave them (`None` while unbound); every
/// other name, and every name of a scope without `names`, is in `vars`.
#[derive(Default)]
pub struct Scope {
    pub vars: crate::py::vars::Vars<Value>,
    pub parent: Option<Rc<RefCell<Scope>>>,
    pub slots: Vec<Option<Value>>,
    pub names: Option<Rc<LocalNames>>,
}

impl Scope {
    /// A plain scope of named variables under `parent`.
    pub fn plain(parent: Option<Rc<RefCell<Scope>>>) -> Scope {
        Scope {
            parent,
            ..Scope::default()
        }
    }

    fn slot(&self, name: &str) -> Option<usize> {
        self.names.as_ref().and_then(|n| n.slot(name))
    }

    /// The value bound to `name` here, if any.
    pub fn get(&self, name: &str) -> Option<Value> {
        match self.slot(name) {
            Some(i) => self.slots.get(i).cloned().flatten(),
            None => self.vars.get(name).cloned(),
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        match self.slot(name) {
            Some(i) => self.slots.get(i).is_some_and(Option::is_some),
            None => self.vars.contains_key(name),
        }
    }

    /// Binds `name` here.
    pub fn set(&mut self, name: &str, v: Value) {
        match self.slot(name) {
            Some(i) if i < self.slots.len() => self.slots[i] = Some(v),
            _ => self.vars.set(name, v),
        }
    }

    /// Unbinds `name` here, giving back what it held.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        match self.slot(name) {
            Some(i) => self.slots.get_mut(i).and_then(Option::take),
            None => self.vars.remove(name),
        }
    }
}

pub enum MethodKind {
    /// A Python function called with the receiver as its first argument.
    Func(Rc<Function>),
    /// A native method of a built-in type, dispatched by name at the call.
    Native(Rc<str>),
}

pub struct Method {
    pub receiver: Value,
    pub kind: MethodKind,
}

pub struct Class {
    pub name: String,
    pub attrs: RefCell<NameMap<Value>>,
    /// Base classes, searched in order after the class itself.
    pub bases: Vec<Rc<Class>>,
}

pub struct Instance {
    pub class: Rc<Class>,
    /// Attributes in the order they were first set (as `vars(obj)` shows them).
    pub attrs: RefCell<Vec<(String, Value)>>,
}

pub struct Module {
    pub name: String,
    pub attrs: RefCell<NameMap<Value>>,
}

/// The state of an iterator: its items and how far it has gone.
pub struct IterState {
    pub items: Vec<Value>,
    pub next: usize,
}

/// A dict: entries in insertion order, with a hash index on the keys.
#[derive(Default, Clone)]
pub struct Dict {
    pub entries: Vec<(Value, Value)>,
    pub index: HashMap<HashKey, usize, FastBuild>,
}

/// A hashable key, normalised as Python compares keys: `1`, `1.0` and `True` are one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HashKey {
    None,
    Int(i64),
    /// A float that is not a whole number, by its bits.
    Float(u64),
    Str(Rc<String>),
    Tuple(Vec<HashKey>),
    /// Functions, classes, instances, modules: by identity.
    Ptr(usize),
}

impl Dict {
    /// Takes `key` out, keeping the others in their order (`del d[k]`, `d.pop(k)`).
    pub fn remove(&mut self, key: &HashKey) -> Option<Value> {
        let at = self.index.remove(key)?;
        let (_, v) = self.entries.remove(at);
        for slot in self.index.values_mut() {
            if *slot > at {
                *slot -= 1;
            }
        }
        Some(v)
    }
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// The keyword argument `name`, taken out of `kw`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let at = self.kw.iter().position(|(k, _)| k == name)?;
        Some(self.kw.remove(at).1)
    }
}

impl Value {
    pub fn str(text: &str) -> Value {
        Value::Str(Rc::new(text.to_string()))
    }

    /// A string value that takes `text` as it is, without copying it.
    pub fn string(text: String) -> Value {
        Value::Str(Rc::new(text))
    }

    pub fn list(items: Vec<Value>) -> Value {
        let rc = Rc::new(RefCell::new(items));
        track(Tracked::List(Rc::downgrade(&rc)));
        Value::List(rc)
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }

    pub fn array(obj: ArrayObj) -> Value {
        Value::Array(Rc::new(obj))
    }

    pub fn builtin(name: &'static str, func: NativeFn) -> Value {
        Value::Builtin(Rc::new(Builtin { name, func }))
    }

    /// Whether numpy decides what an operator does with this value: an array or a numpy
    /// scalar.
    pub fn is_numpy(&self) -> bool {
        matches!(
            self,
            Value::Array(_) | Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_)
        )
    }

    /// The name of the value's type as Python's messages give it: `int`, `list`,
    /// `numpy.ndarray`, `numpy.float64`, the class name of an instance.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::List(_) => "list".into(),
            Value::Dict(_) => "dict".into(),
            Value::Range(..) => "range".into(),
            Value::Iter(_) => "iterator".into(),
            Value::Slice(_) => "slice".into(),
            Value::Func(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::Method(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.clone(),
            Value::Module(_) => "module".into(),
            Value::Array(_) => "numpy.ndarray".into(),
            Value::NpFloat(_) => "numpy.float64".into(),
            Value::NpInt(_) => "numpy.int64".into(),
            Value::NpBool(_) => "numpy.bool".into(),
            Value::DType(_) => "numpy.dtype".into(),
            Value::DictView(v) => v.kind.name().into(),
            Value::Exception(e) => e.kind.name().into(),
            Value::ExcClass(_) => "type".into(),
        }
    }
}

impl ArrayObj {
    /// A new contiguous (C-order) array owning `data`.
    pub fn from_vec(data: Vec<f64>, shape: Vec<usize>, dtype: DType) -> ArrayObj {
        let strides = contiguous_strides(&shape);
        ArrayObj {
            buf: Rc::new(Buffer::new(data)),
            dtype,
            shape,
            strides,
            offset: 0,
        }
    }

    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// The elements in C order, copied out of the buffer.
    pub fn to_vec(&self) -> Vec<f64> {
        let buf = self.buf.borrow();
        if let Some(range) = self.contiguous_range(buf.len()) {
            return buf[range].to_vec();
        }
        let mut out = Vec::with_capacity(self.size());
        for_each_offset(&self.shape, &self.strides, self.offset, |at| {
            out.push(buf[at])
        });
        out
    }

    /// `f` of every element, in C order.
    pub fn map_elements(&self, f: impl Fn(f64) -> f64) -> Vec<f64> {
        let buf = self.buf.borrow();
        if let Some(range) = self.contiguous_range(buf.len()) {
            return buf[range].iter().map(|&x| f(x)).collect();
        }
        let mut out = Vec::with_capacity(self.size());
        for_each_offset(&self.shape, &self.strides, self.offset, |at| {
            out.push(f(buf[at]))
        });
        out
    }

    /// Writes `data` (in C order) into the view's elements in the buffer; a later element
    /// written to the same place wins.
    pub fn write_elements(&self, data: &[f64]) {
        let mut buf = self.buf.borrow_mut();
        if let Some(range) = self.contiguous_range(buf.len()) {
            for (slot, &v) in buf[range].iter_mut().zip(data) {
                *slot = v;
            }
            return;
        }
        let mut values = data.iter();
        for_each_offset(&self.shape, &self.strides, self.offset, |at| {
            if let (Some(slot), Some(&v)) = (buf.get_mut(at), values.next()) {
                *slot = v;
            }
        });
    }

    /// Whether the view reads its elements in C order one after the other (an axis of length 1
    /// may have any stride).
    pub fn is_contiguous(&self) -> bool {
        is_c_order(&self.shape, &self.strides)
    }

    /// The buffer range holding the view's elements in C order, when the view is contiguous
    /// and lies within a buffer of `buf_len` elements.
    pub fn contiguous_range(&self, buf_len: usize) -> Option<std::ops::Range<usize>> {
        if !self.is_contiguous() {
            return None;
        }
        let end = self.offset.checked_add(self.size())?;
        (end <= buf_len).then_some(self.offset..end)
    }

    /// The lowest and one past the highest buffer offset the view reads (`None` for an empty
    /// view or one that reaches below the buffer's start).
    pub fn offset_bounds(&self) -> Option<(usize, usize)> {
        offset_bounds(&self.shape, &self.strides, self.offset)
    }
}

/// The lowest and one past the highest buffer offset a strided view reads (`None` when it is
/// empty or reaches below zero).
pub fn offset_bounds(shape: &[usize], strides: &[isize], offset: usize) -> Option<(usize, usize)> {
    if shape.contains(&0) {
        return None;
    }
    let (mut lo, mut hi) = (offset as isize, offset as isize);
    for (&n, &s) in shape.iter().zip(strides) {
        let span = s * (n as isize - 1);
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
    }
    (lo >= 0).then_some((lo as usize, hi as usize + 1))
}

/// Whether `strides` walk `shape` in C order one element after the other (an axis of length 1
/// may have any stride).
pub fn is_c_order(shape: &[usize], strides: &[isize]) -> bool {
    let mut step = 1isize;
    for (&n, &s) in shape.iter().zip(strides).rev() {
        if n != 1 && s != step {
            return false;
        }
        // (Wrapping: an empty array's other axes may multiply past the range.)
        step = step.wrapping_mul(n as isize);
    }
    true
}

/// The strides of a C-order array of this shape, in elements.
pub fn contiguous_strides(shape: &[usize]) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut step = 1isize;
    for (s, &n) in strides.iter_mut().zip(shape).rev() {
        *s = step;
        step *= n.max(1) as isize;
    }
    strides
}

/// Calls `f` with the buffer offset of every element of a strided view, in C order. The last
/// axis is walked in a tight loop; the others advance like an odometer.
pub fn for_each_offset(
    shape: &[usize],
    strides: &[isize],
    offset: usize,
    mut f: impl FnMut(usize),
) {
    if shape.contains(&0) {
        return;
    }
    let Some((&inner_n, outer_shape)) = shape.split_last() else {
        f(offset);
        return;
    };
    let (&inner_s, outer_strides) = strides.split_last().unwrap_or((&0, &[]));
    let mut index = vec![0usize; outer_shape.len()];
    let mut at = offset as isize;
    loop {
        let mut p = at;
        for _ in 0..inner_n {
            f(p as usize);
            p += inner_s;
        }
        let mut axis = outer_shape.len();
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            at += outer_strides[axis];
            if index[axis] < outer_shape[axis] {
                break;
            }
            at -= outer_strides[axis] * outer_shape[axis] as isize;
            index[axis] = 0;
        }
    }
}

impl ArrayObj {
    /// A copy of the view as an ndarray, in C order.
    pub fn to_ndarray(&self) -> ndarray::ArrayD<f64> {
        ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(&self.shape), self.to_vec())
            .unwrap_or_else(|_| ndarray::ArrayD::zeros(ndarray::IxDyn(&[0])))
    }

    /// A new contiguous array holding `a` (any memory order), with this dtype.
    pub fn from_ndarray(a: ndarray::ArrayD<f64>, dtype: DType) -> ArrayObj {
        let shape = a.shape().to_vec();
        let data: Vec<f64> = if a.is_standard_layout() {
            a.into_raw_vec_and_offset().0
        } else {
            a.iter().copied().collect()
        };
        ArrayObj::from_vec(data, shape, dtype)
    }

    /// The view as the engine's value, for numpy's printing (`show::print`).
    pub fn to_engine(&self) -> crate::engine::value::Value {
        use crate::engine::value::Value as E;
        let a = self.to_ndarray();
        match self.dtype {
            DType::Float64 => E::float(a),
            DType::Int64 => E::Int(Box::new(a.into_shared())),
            DType::Bool => E::bools(a.mapv(|v| v != 0.0)),
        }
    }
}

/// The dtype numpy gives a mix: bool < int64 < float64.
pub fn promote(a: DType, b: DType) -> DType {
    use DType::*;
    match (a, b) {
        (Float64, _) | (_, Float64) => Float64,
        (Int64, _) | (_, Int64) => Int64,
        _ => Bool,
    }
}

/// `np.array(v)`'s reading of a value: numbers, numpy scalars, arrays (the same object), and
/// nested lists and tuples of them, with the dtype numpy infers. A ragged nesting is a
/// `ValueError`, anything else a `TypeError`.
pub fn to_array(v: &Value) -> PyResult<Rc<ArrayObj>> {
    if let Value::Array(a) = v {
        return Ok(a.clone());
    }
    let mut data = Vec::new();
    let mut shape: Option<Vec<usize>> = None;
    let mut dtype = None;
    collect(v, 0, &mut Vec::new(), &mut shape, &mut data, &mut dtype)?;
    let shape = shape.unwrap_or_default();
    Ok(Rc::new(ArrayObj::from_vec(
        data,
        shape,
        dtype.unwrap_or(DType::Float64),
    )))
}

fn collect(
    v: &Value,
    depth: usize,
    path: &mut Vec<usize>,
    shape: &mut Option<Vec<usize>>,
    data: &mut Vec<f64>,
    dtype: &mut Option<DType>,
) -> PyResult<()> {
    use crate::msg;
    use crate::py::error::{ExcKind, PyErr};
    let ragged = || PyErr::new(ExcKind::ValueError, msg!("py-array-ragged", depth = depth));
    let mut leaf = |x: f64, d: DType, shape: &mut Option<Vec<usize>>| -> PyResult<()> {
        match shape {
            None => *shape = Some(path.clone()),
            Some(s) if s.as_slice() != path.as_slice() => return Err(ragged()),
            _ => {}
        }
        *dtype = Some(match *dtype {
            None => d,
            Some(old) => promote(old, d),
        });
        data.push(x);
        Ok(())
    };
    match v {
        Value::Bool(b) | Value::NpBool(b) => leaf(f64::from(u8::from(*b)), DType::Bool, shape),
        Value::Int(i) | Value::NpInt(i) => leaf(*i as f64, DType::Int64, shape),
        Value::Float(x) | Value::NpFloat(x) => leaf(*x, DType::Float64, shape),
        Value::Array(a) => {
            let items = a.to_vec();
            let mut full = path.clone();
            full.extend_from_slice(&a.shape);
            match shape {
                None => *shape = Some(full),
                Some(s) if *s != full => return Err(ragged()),
                _ => {}
            }
            *dtype = Some(match *dtype {
                None => a.dtype,
                Some(old) => promote(old, a.dtype),
            });
            data.extend(items);
            Ok(())
        }
        Value::List(_) | Value::Tuple(_) => {
            let items: Vec<Value> = match v {
                Value::List(l) => l.borrow().clone(),
                Value::Tuple(t) => t.as_ref().clone(),
                _ => unreachable!(),
            };
            if let Some(s) = shape.as_ref()
                && (s.len() <= depth || s[depth] != items.len())
            {
                return Err(ragged());
            }
            if items.is_empty() {
                let mut full = path.clone();
                full.push(0);
                match shape {
                    None => *shape = Some(full),
                    Some(s) if *s != full => return Err(ragged()),
                    _ => {}
                }
                return Ok(());
            }
            path.push(items.len());
            for item in &items {
                collect(item, depth + 1, path, shape, data, dtype)?;
            }
            path.pop();
            Ok(())
        }
        other => Err(PyErr::new(
            ExcKind::TypeError,
            msg!("py-array-element", kind = other.type_name()),
        )),
    }
}

/// A shape as Python prints a tuple of ints: `()`, `(3,)`, `(2, 3)`.
pub fn shape_text(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The shape two shapes broadcast to, numpy's rule, or `None` when they do not.
pub fn broadcast_shape(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for (i, slot) in out.iter_mut().enumerate() {
        let x = if i + a.len() >= n {
            a[i + a.len() - n]
        } else {
            1
        };
        let y = if i + b.len() >= n {
            b[i + b.len() - n]
        } else {
            1
        };
        *slot = match (x, y) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

/// numpy's error for two shapes that do not broadcast.
pub fn broadcast_error(a: &[usize], b: &[usize]) -> crate::py::error::PyErr {
    use crate::msg;
    use crate::py::error::{ExcKind, PyErr};
    PyErr::new(
        ExcKind::ValueError,
        msg!("py-broadcast", a = shape_text(a), b = shape_text(b)),
    )
}

/// `f` applied to the elements of `a` and `b` broadcast together, as a new C-order ndarray;
/// numpy's `ValueError` when the shapes do not broadcast.
pub fn zip_with(
    a: &ArrayObj,
    b: &ArrayObj,
    f: impl Fn(f64, f64) -> f64,
) -> PyResult<ndarray::ArrayD<f64>> {
    let shape =
        broadcast_shape(&a.shape, &b.shape).ok_or_else(|| broadcast_error(&a.shape, &b.shape))?;
    let x = a.to_ndarray();
    let y = b.to_ndarray();
    let dim = ndarray::IxDyn(&shape);
    match (x.broadcast(dim.clone()), y.broadcast(dim)) {
        (Some(xv), Some(yv)) => Ok(ndarray::Zip::from(&xv)
            .and(&yv)
            .map_collect(|&p, &q| f(p, q))),
        _ => Err(broadcast_error(&a.shape, &b.shape)),
    }
}

/// A slice's start, step and length over a sequence of `len` items, as Python's
/// `slice.indices` and `PySlice_AdjustIndices` give them. `lo`, `hi` and `step` are `None` or
/// ints (bools and numpy ints count); a zero step is a `ValueError`, anything else a `TypeError`.
pub fn slice_span(lo: &Value, hi: &Value, step: &Value, len: usize) -> PyResult<(i64, i64, usize)> {
    use crate::msg;
    use crate::py::error::{ExcKind, PyErr};
    let int = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) | Value::NpInt(i) => Ok(Some(*i)),
            Value::Bool(b) | Value::NpBool(b) => Ok(Some(i64::from(*b))),
            other => Err(PyErr::new(
                ExcKind::TypeError,
                msg!("py-slice-index", kind = other.type_name()),
            )),
        }
    };
    let step = int(step)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::new(ExcKind::ValueError, msg!("py-slice-step-zero")));
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => {
                let v = v + len;
                if v < 0 {
                    if step < 0 { -1 } else { 0 }
                } else {
                    v
                }
            }
            Some(v) if v >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(v) => v,
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(int(lo)?, 0), adjust(int(hi)?, len))
    } else {
        (adjust(int(lo)?, len - 1), adjust(int(hi)?, -1))
    };
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, step, count as usize))
}

/// One running program: its output, its random stream, its globals.
pub struct Interp {
    pub out: Box<dyn std::io::Write + Send>,
    /// numpy's global random stream (`np.random.seed`, `randn`, `rand`, `choice`).
    pub rng: crate::engine::random::Rng,
    pub globals: Rc<RefCell<Scope>>,
    pub builtins: NameMap<Value>,
    /// The current depth of Python calls.
    pub(super) depth: usize,
    /// Scopes of finished calls that nothing kept, ready for the next call (a few dozen at
    /// most): a call then allocates nothing for its locals.
    pub(super) spare_scopes: Vec<Rc<RefCell<Scope>>>,
    /// The value of the `return` being carried out, from the statement to the call it ends.
    pub(super) returned: Value,
    /// Objects whose repr is being built, to print a list holding itself as `[...]`.
    pub(super) repr_stack: Vec<usize>,
    /// Modules made on first import.
    pub(super) modules: HashMap<String, Value>,
    /// Loop turns and calls so far, and how many are allowed (the fuzzer sets a limit, so that
    /// `while True: pass` ends).
    pub(super) steps: u64,
    /// How deep Python calls may nest: 1,000 as CPython's default, less on a small stack.
    pub recursion_limit: usize,
    pub step_limit: Option<u64>,
    /// The last `back`'s gradients by name (`dx`), found when no variable has that name.
    pub after_back: NameMap<Value>,
    /// The last `back`'s gradients of arrays, found by identity (`grad(W1)`).
    pub grads_by_object: Vec<(Rc<ArrayObj>, Value)>,
    /// Whether the last `back` walked the learner's layers (its gradients are Python's alone).
    pub grads_from_layers: bool,
    /// The learner's layers called so far, as nodes of a graph.
    pub tape: Tape,
    /// The globals of our Python modules (`common.layers`): each holds functions that hold it,
    /// so an interpreter that is done frees them with `free_modules`.
    pub module_scopes: Vec<Rc<RefCell<Scope>>>,
    /// How graph statements inside Python blocks print (a workspace sets it; a `.py` file,
    /// which runs Python only, leaves it unset).
    pub view: Option<crate::show::View>,
}

/// An int-like value: Python ints, bools and numpy ints.
pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) | Value::NpInt(i) => Some(*i),
        Value::Bool(b) | Value::NpBool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// The length of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (lo, hi, s) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if hi <= lo {
        0
    } else {
        (((hi - lo - 1) / s) + 1).min(usize::MAX as i128) as usize
    }
}

/// A dict key, normalised as Python hashes: `1`, `1.0` and `True` are one key.
pub fn hash_key(v: &Value) -> PyResult<HashKey> {
    Ok(match v {
        Value::None => HashKey::None,
        Value::Bool(b) | Value::NpBool(b) => HashKey::Int(i64::from(*b)),
        Value::Int(i) | Value::NpInt(i) => HashKey::Int(*i),
        Value::Float(x) | Value::NpFloat(x) => {
            if x.fract() == 0.0 && x.abs() < 9.2e18 {
                HashKey::Int(*x as i64)
            } else {
                HashKey::Float(x.to_bits())
            }
        }
        Value::Str(s) => HashKey::Str(s.clone()),
        Value::Tuple(t) => HashKey::Tuple(t.iter().map(hash_key).collect::<PyResult<_>>()?),
        Value::Func(f) => HashKey::Ptr(Rc::as_ptr(f) as usize),
        Value::Class(c) => HashKey::Ptr(Rc::as_ptr(c) as usize),
        Value::Instance(i) => HashKey::Ptr(Rc::as_ptr(i) as usize),
        Value::Module(m) => HashKey::Ptr(Rc::as_ptr(m) as usize),
        Value::DType(d) => HashKey::Str(Rc::new(d.name().to_string())),
        other => {
            return Err(PyErr::new(
                ExcKind::TypeError,
                msg!("py-unhashable", kind = other.type_name()),
            ));
        }
    })
}

/// `d[k] = v`: a new key goes last, an existing one keeps its place.
pub fn dict_set(d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
    let key = hash_key(&k)?;
    let next = d.entries.len();
    match d.index.entry(key) {
        std::collections::hash_map::Entry::Occupied(at) => d.entries[*at.get()].1 = v,
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(next);
            d.entries.push((k, v));
        }
    }
    Ok(())
}

/// Room for one more item, or a `MemoryError` when the system refuses it (a `Vec` that grows
/// past what it can get would otherwise abort the program).
pub fn grow(items: &mut Vec<Value>) -> PyResult<()> {
    if items.len() == items.capacity() {
        let more = items.len().max(4);
        if items.len() + more > 1 << 28 || items.try_reserve(more).is_err() {
            return Err(PyErr::new(
                ExcKind::MemoryError,
                msg!("py-too-long", count = items.len() + more),
            ));
        }
    }
    Ok(())
}

/// A container the running program made, held weakly: what `Interp::teardown` empties at the
/// end, so that objects holding each other (a closure and the scope it was made in, an object
/// that refers to itself) are freed even when nothing named reaches them any more.
pub enum Tracked {
    List(std::rc::Weak<RefCell<Vec<Value>>>),
    Dict(std::rc::Weak<RefCell<Dict>>),
    Instance(std::rc::Weak<Instance>),
    Scope(std::rc::Weak<RefCell<Scope>>),
}

impl Tracked {
    fn alive(&self) -> bool {
        match self {
            Tracked::List(w) => w.strong_count() > 0,
            Tracked::Dict(w) => w.strong_count() > 0,
            Tracked::Instance(w) => w.strong_count() > 0,
            Tracked::Scope(w) => w.strong_count() > 0,
        }
    }
}

thread_local! {
    /// Each program runs on a thread of its own, so this is the running program's list.
    static TRACKED: RefCell<(Vec<Tracked>, usize)> = const { RefCell::new((Vec::new(), 1024)) };
}

/// Adds a container to the running program's weak list. The list is pruned of freed entries
/// each time it doubles, so it stays proportional to what is alive.
pub fn track(t: Tracked) {
    TRACKED.with(|cell| {
        let Ok(mut cell) = cell.try_borrow_mut() else {
            return;
        };
        let (list, prune_at) = &mut *cell;
        if list.len() >= *prune_at {
            list.retain(Tracked::alive);
            *prune_at = (list.len() * 2).max(1024);
        }
        if list.try_reserve(1).is_ok() {
            list.push(t);
        }
    });
}

/// Runs `f` with a weak list of its own: a second interpreter (an exercise's grader, run from
/// the REPL) tears down what it made and nothing of the REPL's. The REPL's list is put back
/// afterwards, with whatever `f` left tracked.
pub fn with_own_tracking<R>(f: impl FnOnce() -> R) -> R {
    let outer = take_tracked();
    let result = f();
    let inner = take_tracked();
    TRACKED.with(|cell| {
        if let Ok(mut cell) = cell.try_borrow_mut() {
            cell.0 = outer;
            cell.0.extend(inner.into_iter().filter(Tracked::alive));
        }
    });
    result
}

/// Takes the running program's weak list (what is still alive of it).
pub fn take_tracked() -> Vec<Tracked> {
    TRACKED.with(|cell| {
        cell.try_borrow_mut()
            .map(|mut c| std::mem::take(&mut c.0))
            .unwrap_or_default()
    })
}

impl Value {
    /// A new dict value, tracked.
    pub fn dict(d: Dict) -> Value {
        let rc = Rc::new(RefCell::new(d));
        track(Tracked::Dict(Rc::downgrade(&rc)));
        Value::Dict(rc)
    }
}

// ---- the learner's layers as nodes (recorded and walked by `tape` and `learner`) ----

/// Where an input sits in the call's arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    Pos(usize),
    Kw(String),
}

#[derive(Clone)]
pub struct Input {
    /// The name `forward` gives it (`x`, `y` of `forward(self, x, y)`).
    pub param: String,
    pub slot: Slot,
    pub value: Value,
    /// The node that made it, if a layer did.
    pub from: Option<u64>,
    /// The variable the call site named, if it named one (`apple` in `forward(apple, n)`).
    pub name: Option<String>,
}

pub enum Output {
    Array(Weak<ArrayObj>, Vec<usize>),
    Number(Value),
}

pub struct Node {
    pub serial: u64,
    pub object: Rc<Instance>,
    pub forward: Rc<Function>,
    pub args: Args,
    pub inputs: Vec<Input>,
    pub output: Output,
    /// The names the output was bound to, with the scope they were bound in.
    pub names: Vec<(usize, String)>,
    /// How many of `names` still hold this output (a later node's output was not bound to
    /// them since): a number output lives while one does.
    pub held: usize,
    pub pos: Pos,
    /// The object's array attributes when forward returned: name, object and its buffer's
    /// version.
    pub cached: Vec<(String, Weak<ArrayObj>, u64)>,
}

impl Node {
    pub fn class(&self) -> &str {
        &self.object.class.name
    }

    /// The output, if it is still there.
    pub fn output_value(&self) -> Option<Value> {
        match &self.output {
            Output::Array(w, _) => w.upgrade().map(Value::Array),
            Output::Number(v) => Some(v.clone()),
        }
    }

    /// The first name the output was bound to.
    pub fn out_name(&self) -> Option<&str> {
        self.names.first().map(|(_, n)| n.as_str())
    }
}

#[derive(Default)]
pub struct Tape {
    pub nodes: Vec<Node>,
    pub(super) next: u64,
    /// How deep the running code is inside a layer's own methods (nothing records there).
    pub layer_depth: usize,
    /// Off while `check` re-runs forward.
    pub paused: bool,
    /// For each layer object, its last recorded forward: the node's serial.
    pub last_forward: HashMap<usize, (Weak<Instance>, u64)>,
    /// Classes already warned that their backward changed the `dout` it was given.
    pub warned_dout: HashSet<String>,
    /// The node count after the last pruning.
    pub(super) kept: usize,
    /// For each name a node's output was bound to (its scope and the name), the serial of the
    /// newest such node: the one the name holds.
    pub(super) holders: HashMap<(usize, String), u64>,
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// The interpreter hands a `PyResult<Value>` back from every expression: at 16 bytes it is
    /// two words to copy.
    #[test]
    fn a_value_and_its_result_are_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<PyResult<Value>>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
