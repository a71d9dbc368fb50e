#!/usr/bin/env python3
"""Expected values for the layers' unit tests, computed by numpy.

Each layer is written here as a numpy class of our own that computes what the book's does
(forward and backward), run on fixed small inputs, and its outputs and gradients are written
as Rust literals between
the `// BEGIN CASES` and `// END CASES` markers of the layer's file, followed by rustfmt.
The Rust tests compare their own results with these; nothing here reads the Rust output.
Refusals are numpy's own exceptions, their text kept for the tests to compare.

Run from the repository root (numpy needed):

    python3 tests/data/gen/layer_cases.py

It rewrites the case blocks in src/engine/layers/*.rs, then runs rustfmt on those files only.
"""

import pathlib
import re
import subprocess

import numpy as np

# This file is tests/data/gen/layer_cases.py; the repository root is three folders up.
ROOT = pathlib.Path(__file__).resolve().parents[3]
LAYERS = ROOT / "src" / "engine" / "layers"
rng = np.random.default_rng(20240605)


def data(shape, low=-2.0, high=2.0):
    """Fixed inputs with two decimals, so the literals are short and exact in both languages."""
    return np.round(rng.uniform(low, high, size=shape), 2)


# ----------------------------------------------------------------------------- Rust literals


def f(v):
    v = float(v)
    if np.isnan(v):
        return "f64::NAN"
    if np.isinf(v):
        return "f64::INFINITY" if v > 0 else "f64::NEG_INFINITY"
    text = repr(v)
    return text if any(c in text for c in ".eE") else text + ".0"


def shape(a):
    return "&[" + ", ".join(str(d) for d in np.shape(a)) + "]"


def values(a):
    return "&[" + ", ".join(f(v) for v in np.asarray(a, dtype=float).ravel()) + "]"


def arr(a):
    return f"({shape(a)}, {values(a)})"


def string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def axis(a):
    return "None" if a is None else f"Some({a})"


def struct(type_name, **fields):
    return type_name + " { " + ", ".join(f"{k}: {v}" for k, v in fields.items()) + " }"


def const(name, ty, items):
    return f"const {name}: &[{ty}] = &[\n" + "".join(f"    {i},\n" for i in items) + "];\n"


def refusal(fn):
    try:
        fn()
    except Exception as e:  # numpy's own message is the point
        return str(e)
    raise AssertionError("numpy accepted it")


def write(file, block):
    path = LAYERS / file
    text = path.read_text()
    begin = "    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)\n"
    end = "    // END CASES\n"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    indented = "".join("    " + line if line.strip() else line for line in block.splitlines(True))
    new, n = pattern.subn(lambda _: begin + indented + end, text)
    assert n == 1, file
    path.write_text(new)


# ------------------------------------------------- the layers, computing what the book's do


class MatMul:
    def forward(self, a, b):
        self.a, self.b = a, b
        return np.dot(a, b)

    def backward(self, dout):
        a, b = self.a, self.b
        if a.ndim == 1 and b.ndim == 1:
            return dout * b, dout * a
        if a.ndim == 2 and b.ndim == 1:
            return np.outer(dout, b), np.dot(a.T, dout)
        if a.ndim == 1 and b.ndim == 2:
            return np.dot(b, dout), np.outer(a, dout)
        return np.dot(dout, b.T), np.dot(a.T, dout)


class Affine:
    def forward(self, x, W, b):
        self.x, self.W = x, W
        return np.dot(x, W) + b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        if self.x.ndim == 1:
            return dx, np.outer(self.x, dout), dout.copy()
        return dx, np.dot(self.x.T, dout), np.sum(dout, axis=0)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


class Softmax:
    def forward(self, x):
        self.out = softmax(x)
        return self.out

    def backward(self, dout):
        y = self.out
        return y * (dout - np.sum(dout * y, axis=-1, keepdims=True))


def one_hot(y, t):
    if t.shape == y.shape:
        return t
    rows = np.zeros(y.reshape(-1, y.shape[-1]).shape)
    rows[np.arange(rows.shape[0]), t.reshape(-1).astype(int)] = 1
    return rows.reshape(y.shape)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    if t.size == y.size:
        return -np.sum(t * np.log(y + 1e-7)) / batch_size
    return -np.sum(np.log(y[np.arange(batch_size), t.astype(int)] + 1e-7)) / batch_size


class CrossEntropy:
    def forward(self, y, t):
        self.y, self.t = y, one_hot(y, t)
        return cross_entropy_error(y, t)

    def backward(self, dout):
        batch = 1 if self.y.ndim == 1 else self.y.shape[0]
        return -self.t / (self.y + 1e-7) / batch * dout


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.y = softmax(x)
        self.t = one_hot(x, t)
        return cross_entropy_error(self.y, t)

    def backward(self, dout):
        batch = 1 if self.y.ndim == 1 else self.y.shape[0]
        return (self.y - self.t) / batch * dout


def expand(dout, axis, keepdims, ndim):
    if not keepdims and axis is not None and ndim > 0:
        return np.expand_dims(dout, axis)
    return dout


class Sum:
    def __init__(self, axis, keepdims):
        self.axis, self.keepdims = axis, keepdims

    def forward(self, x):
        self.shape = x.shape
        return np.sum(x, axis=self.axis, keepdims=self.keepdims)

    def backward(self, dout):
        dout = expand(dout, self.axis, self.keepdims, len(self.shape))
        return np.broadcast_to(dout, self.shape).copy()


class Mean(Sum):
    def forward(self, x):
        self.shape = x.shape
        return np.mean(x, axis=self.axis, keepdims=self.keepdims)

    def backward(self, dout):
        count = np.prod(self.shape) if self.axis is None else self.shape[self.axis]
        return super().backward(dout) / count


class Max(Sum):
    def forward(self, x):
        self.x = x
        self.out = np.max(x, axis=self.axis, keepdims=True)
        return np.max(x, axis=self.axis, keepdims=self.keepdims)

    def backward(self, dout):
        dout = expand(dout, self.axis, self.keepdims, self.x.ndim)
        mask = (self.x == self.out).astype(float)
        return mask * dout / np.sum(mask, axis=self.axis, keepdims=True)


class Elementwise:
    def __init__(self, fn, grad):
        self.fn, self.grad = fn, grad

    def forward(self, x):
        self.x = x
        self.out = self.fn(x)
        return self.out

    def backward(self, dout):
        return dout * self.grad(self.x, self.out)


class Pow:
    def forward(self, x, p):
        self.x, self.p = x, p
        self.out = x**p
        return self.out

    def backward(self, dout):
        x, p = np.broadcast_arrays(self.x, self.p)
        dx = np.where(p == 0, 0.0, dout * p * x ** (p - 1))
        dp = np.where((x == 0) & (p >= 0), 0.0, dout * self.out * np.log(x))
        return dx, dp


class Index:
    def __init__(self, index):
        self.index = index

    def forward(self, x):
        self.x_shape = x.shape
        return x[self.index]

    def backward(self, dout):
        dx = np.zeros(self.x_shape)
        np.add.at(dx, self.index, dout)
        return dx


# ----------------------------------------------------------------------------- cases


def matmul_cases():
    cases = []
    for name, sa, sb in [
        ("1-D . 1-D", (3,), (3,)),
        ("2-D . 1-D", (2, 3), (3,)),
        ("1-D . 2-D", (3,), (3, 4)),
        ("2-D . 2-D", (2, 3), (3, 4)),
        ("row . column", (1, 3), (3, 1)),
        ("column . row", (3, 1), (1, 2)),
    ]:
        a, b = data(sa), data(sb)
        layer = MatMul()
        out = layer.forward(a, b)
        dout = data(np.shape(out))
        da, db = layer.backward(dout)
        assert da.shape == a.shape and db.shape == b.shape
        cases.append(
            struct(
                "Case",
                name=string(name),
                a=arr(a),
                b=arr(b),
                dout=arr(dout),
                out=arr(out),
                da=values(da),
                db=values(db),
            )
        )
    refusals = []
    for sa, sb in [((2, 3), (2, 3)), ((2, 3), (2,)), ((3,), (2, 4)), ((3,), (2,)), ((12, 3), (2,))]:
        message = refusal(lambda: np.dot(np.ones(sa), np.ones(sb)))
        refusals.append(
            struct("Refusal", a=shape(np.ones(sa)), b=shape(np.ones(sb)), numpy=string(message))
        )
    write("matmul.rs", const("CASES", "Case", cases) + const("REFUSALS", "Refusal", refusals))


def affine_cases():
    cases = []
    for name, sx, sw in [
        ("batch of 4", (4, 3), (3, 2)),
        ("batch of 1", (1, 3), (3, 2)),
        ("one 1-D sample", (3,), (3, 2)),
        ("one 1-D sample, square W", (2,), (2, 2)),
        ("one input", (2, 1), (1, 3)),
    ]:
        x, w, b = data(sx), data(sw), data((sw[1],))
        layer = Affine()
        out = layer.forward(x, w, b)
        dout = data(out.shape)
        dx, dw, db = layer.backward(dout)
        if x.ndim == 1:
            # The book's lines taken literally: np.dot(x.T, dout) refuses, or when x and dout
            # happen to have one length, is a number; np.sum(dout, axis=0) is a number.
            if x.shape == dout.shape:
                assert np.dot(x.T, dout).shape == ()
            else:
                refusal(lambda: np.dot(x.T, dout))
            assert np.sum(dout, axis=0).shape == ()
        cases.append(
            struct(
                "Case",
                name=string(name),
                x=arr(x),
                w=arr(w),
                b=arr(b),
                dout=arr(dout),
                out=arr(out),
                dx=values(dx),
                dw=values(dw),
                db=values(db),
            )
        )
    refusals = []
    for sx, sw, sb in [((2, 3), (4, 2), (2,)), ((3,), (2, 2), (2,))]:
        message = refusal(lambda: np.dot(np.ones(sx), np.ones(sw)) + np.ones(sb))
        refusals.append(
            struct(
                "Refusal",
                x=shape(np.ones(sx)),
                w=shape(np.ones(sw)),
                b=shape(np.ones(sb)),
                numpy=string(message),
            )
        )
    write("affine.rs", const("CASES", "Case", cases) + const("REFUSALS", "Refusal", refusals))


def softmax_cases():
    cases = []
    inputs = [
        ("1-D", data((4,))),
        ("2-D batch", data((3, 4))),
        ("3-D over the last axis", data((2, 2, 3))),
        ("large values, no overflow", np.array([[1000.0, 1001.0, 999.0], [-1000.0, -1001.0, -1002.0]])),
        ("one class", data((2, 1))),
        ("0-d", np.array(0.7)),
    ]
    for name, x in inputs:
        layer = Softmax()
        out = layer.forward(x)
        dout = data(x.shape)
        dx = layer.backward(dout)
        cases.append(
            struct("Case", name=string(name), x=arr(x), dout=values(dout), out=values(out), dx=values(dx))
        )
    write("softmax.rs", const("CASES", "Case", cases))


def probabilities(shape):
    return softmax(data(shape))


def cross_entropy_cases():
    cases = []
    y2 = probabilities((3, 4))
    y1 = probabilities((4,))
    labels = np.array([2.0, 0.0, 3.0])
    inputs = [
        ("batch, one-hot", y2, one_hot(y2, labels), 1.0),
        ("batch, labels", y2, labels, 1.0),
        ("batch, labels, dout 2.5", y2, labels, 2.5),
        ("one sample, one-hot", y1, one_hot(y1, np.array(1.0)), 1.0),
        ("one sample, 0-d label", y1, np.array(1.0), -0.5),
        ("one sample, label of shape (1,)", y1, np.array([3.0]), 1.0),
        ("a probability of 0", np.array([[0.0, 1.0], [0.5, 0.5]]), np.array([0.0, 1.0]), 1.0),
        ("soft targets", y2, softmax(data((3, 4))), 1.0),
    ]
    for name, y, t, dout in inputs:
        layer = CrossEntropy()
        loss = layer.forward(y, t)
        dy = layer.backward(dout)
        cases.append(
            struct(
                "Case",
                name=string(name),
                y=arr(y),
                t=arr(t),
                dout=f(dout),
                loss=f(loss),
                dy=values(dy),
            )
        )
    write("cross_entropy.rs", const("CASES", "Case", cases))


def softmax_with_loss_cases():
    cases = []
    x2, x1 = data((4, 3)), data((3,))
    labels = np.array([1.0, 0.0, 2.0, 2.0])
    inputs = [
        ("batch, one-hot", x2, one_hot(x2, labels), 1.0),
        ("batch, labels", x2, labels, 1.0),
        ("batch, labels, dout 0.5", x2, labels, 0.5),
        ("one sample, one-hot", x1, one_hot(x1, np.array(2.0)), 1.0),
        ("one sample, label", x1, np.array(2.0), 3.0),
    ]
    for name, x, t, dout in inputs:
        layer = SoftmaxWithLoss()
        loss = layer.forward(x, t)
        dx = layer.backward(dout)
        cases.append(
            struct(
                "Case",
                name=string(name),
                x=arr(x),
                t=arr(t),
                dout=f(dout),
                loss=f(loss),
                dx=values(dx),
            )
        )
    write("softmax_with_loss.rs", const("CASES", "Case", cases))


def reduce_cases():
    x23, x234 = data((2, 3)), data((2, 3, 4))
    ties = np.array([[1.0, 3.0, 3.0], [2.0, -1.0, 0.5]])
    all_ties = np.array([[2.0, 2.0], [2.0, 1.0]])
    scalar = np.array(1.5)
    specs = [
        ("sum of all", "sum", None, False, x23),
        ("sum of all, keepdims", "sum", None, True, x23),
        ("sum axis 0", "sum", 0, False, x23),
        ("sum axis -1, keepdims", "sum", -1, True, x23),
        ("sum axis 1 of 3-D", "sum", 1, False, x234),
        ("sum axis -3 of 3-D, keepdims", "sum", -3, True, x234),
        ("sum of 0-d, axis 0", "sum", 0, False, scalar),
        ("sum of 0-d, axis -1, keepdims", "sum", -1, True, scalar),
        ("mean of all", "mean", None, False, x23),
        ("mean of all, keepdims", "mean", None, True, x234),
        ("mean axis -2", "mean", -2, False, x23),
        ("mean axis 2 of 3-D, keepdims", "mean", 2, True, x234),
        ("max of all", "max", None, False, x23),
        ("max axis 0", "max", 0, False, x23),
        ("max axis -1, keepdims", "max", -1, True, x234),
        ("max tie in a row", "max", 1, False, ties),
        ("max tie of three over all", "max", None, False, all_ties),
        ("max tie, keepdims", "max", -1, True, ties),
        ("max of 0-d, axis -1", "max", -1, False, scalar),
    ]
    classes = {"sum": Sum, "mean": Mean, "max": Max}
    cases = []
    for name, op, ax, keep, x in specs:
        layer = classes[op](ax, keep)
        out = np.asarray(layer.forward(x))
        dout = data(out.shape)
        dx = layer.backward(dout)
        cases.append(
            struct(
                "Case",
                name=string(name),
                op=string(op),
                axis=axis(ax),
                keepdims=str(keep).lower(),
                x=arr(x),
                dout=arr(dout),
                out=arr(out),
                dx=values(dx),
            )
        )
    refusals = []
    for op, ax, sx in [
        ("sum", 2, (2, 3)),
        ("sum", -3, (2, 3)),
        ("sum", 1, ()),
        ("mean", 0, ()),
        ("mean", -1, ()),
        ("max", 1, (3, 0)),
        ("max", 0, (0, 3)),
        ("max", None, (0,)),
        ("max", 3, (3, 0)),
    ]:
        fn = {"sum": np.sum, "mean": np.mean, "max": np.max}[op]
        message = refusal(lambda: fn(np.zeros(sx), axis=ax))
        refusals.append(
            struct("Refusal", op=string(op), axis=axis(ax), x=shape(np.zeros(sx)), numpy=string(message))
        )
    write("reduce.rs", const("CASES", "Case", cases) + const("REFUSALS", "Refusal", refusals))


def elementwise_cases():
    layers = {
        "log.rs": (np.log, lambda x, out: 1 / x),
        "sqrt.rs": (np.sqrt, lambda x, out: 1 / (2 * out)),
        "tanh.rs": (np.tanh, lambda x, out: 1 - out**2),
    }
    for file, (fn, grad) in layers.items():
        inputs = [
            ("2-D", data((2, 3), 0.1, 3.0)),
            ("0-d", np.array(0.25)),
            ("1-D with negatives", data((4,))),
        ]
        if file != "tanh.rs":
            inputs.append(("zero and a negative", np.array([0.0, -1.0, 4.0])))
        cases = []
        with np.errstate(all="ignore"):
            for name, x in inputs:
                layer = Elementwise(fn, grad)
                out = layer.forward(x)
                dout = data(x.shape)
                dx = layer.backward(dout)
                cases.append(
                    struct("Case", name=string(name), x=arr(x), dout=values(dout), out=values(out), dx=values(dx))
                )
        write(file, const("CASES", "Case", cases))


def pow_cases():
    inputs = [
        ("square", data((2, 3), 0.1, 3.0), np.array(2.0)),
        ("square root as a power", data((3,), 0.1, 3.0), np.array(0.5)),
        ("reciprocal", data((2, 2), 0.5, 3.0), np.array(-1.0)),
        ("exponent array, broadcast", data((2, 3), 0.1, 3.0), data((3,), -1.5, 2.5)),
        ("0-d base, exponent array", np.array(1.7), data((2,), -1.0, 3.0)),
        ("zero base", np.array([0.0, 0.0, 2.0]), np.array([2.0, 0.0, 0.0])),
        ("negative base, whole exponent", np.array([-2.0, -0.5]), np.array(3.0)),
    ]
    cases = []
    with np.errstate(all="ignore"):
        for name, x, p in inputs:
            layer = Pow()
            out = layer.forward(x, p)
            dout = data(out.shape)
            dx, dp = layer.backward(dout)
            cases.append(
                struct(
                    "Case",
                    name=string(name),
                    x=arr(x),
                    p=arr(p),
                    dout=arr(dout),
                    out=arr(out),
                    dx=values(dx),
                    dp=values(dp),
                )
            )
    write("pow.rs", const("CASES", "Case", cases))


def reshape_cases():
    transposes = []
    for name, x in [("2-D", data((2, 3))), ("3-D", data((2, 3, 4))), ("1-D", data((3,))), ("0-d", np.array(2.0))]:
        out = x.T
        dout = data(out.shape)
        transposes.append(
            struct("TransposeCase", name=string(name), x=arr(x), dout=values(dout), out=arr(out), dx=values(dout.T))
        )
    reshapes = []
    for name, x, target in [
        ("(2, 3) to (3, 2)", data((2, 3)), (3, 2)),
        ("flatten with -1", data((2, 3)), (-1,)),
        ("(6,) to (2, -1)", data((6,)), (2, -1)),
        ("to (2, 3, 1, -1)", data((6,)), (2, 3, 1, -1)),
        ("a negative other than -1 is unknown too", data((2, 3)), (-5, 2)),
        ("(1,) to 0-d", data((1,)), ()),
        ("0-d to (1, 1)", np.array(3.5), (1, 1)),
        ("empty", np.zeros((0, 3)), (3, -1)),
    ]:
        out = x.reshape(target)
        dout = data(out.shape)
        reshapes.append(
            struct(
                "ReshapeCase",
                name=string(name),
                x=arr(x),
                shape="&[" + ", ".join(str(d) for d in target) + "]",
                dout=values(dout),
                out=arr(out),
                dx=values(dout.reshape(x.shape)),
            )
        )
    refusals = []
    for size, target in [(6, (4,)), (6, (4, -1)), (6, (-1, -1)), (0, (0, -1)), (6, ()), (6, (-1, 0)), (6, (7, -1))]:
        message = refusal(lambda: np.zeros(size).reshape(target))
        refusals.append(
            struct(
                "Refusal",
                size=str(size),
                shape="&[" + ", ".join(str(d) for d in target) + "]",
                numpy=string(message),
            )
        )
    write(
        "reshape.rs",
        const("TRANSPOSES", "TransposeCase", transposes)
        + const("RESHAPES", "ReshapeCase", reshapes)
        + const("REFUSALS", "Refusal", refusals),
    )


def Int(i):
    return ("int", i)


def Sl(start=None, end=None, step=None):
    return ("slice", start, end, step)


def Arr(*v):
    return ("array", list(v))


FULL = ("full",)


def numpy_index(spec):
    out = []
    for item in spec:
        if item[0] == "int":
            out.append(item[1])
        elif item[0] == "slice":
            out.append(slice(item[1], item[2], item[3]))
        elif item[0] == "array":
            out.append(np.array(item[1], dtype=np.intp))
        else:
            out.append(slice(None))
    return tuple(out)


def rust_index(spec):
    def opt(v):
        return "None" if v is None else f"Some({v})"

    items = []
    for item in spec:
        if item[0] == "int":
            items.append(f"Int({item[1]})")
        elif item[0] == "slice":
            items.append(f"s({opt(item[1])}, {opt(item[2])}, {opt(item[3])})")
        elif item[0] == "array":
            items.append("Array(vec![" + ", ".join(str(v) for v in item[1]) + "])")
        else:
            items.append("Full")
    return "|| vec![" + ", ".join(items) + "]"


def index_cases():
    x34, x5, x234 = data((3, 4)), data((5,)), data((2, 3, 4))
    x_train = data((5, 3))
    specs = [
        ("x[i]", x34, [Int(1)]),
        ("x[-1]", x34, [Int(-1)]),
        ("x[i, j]", x34, [Int(1), Int(2)]),
        ("x[-1, -2]", x34, [Int(-1), Int(-2)]),
        ("x[1:3]", x34, [Sl(1, 3)]),
        ("x[:, j]", x34, [FULL, Int(2)]),
        ("x[0:2, -1]", x34, [Sl(0, 2), Int(-1)]),
        ("x[::-1]", x34, [Sl(None, None, -1)]),
        ("x[::2, 1:]", x34, [Sl(None, None, 2), Sl(1, None)]),
        ("x[-10:10] clipped", x34, [Sl(-10, 10)]),
        ("x[3:1] empty", x34, [Sl(3, 1)]),
        ("x[i] of 1-D is 0-d", x5, [Int(2)]),
        ("x[-1:-10:-2]", x5, [Sl(-1, -10, -2)]),
        ("x[[4, 4, 0]] repeats", x5, [Arr(4, 4, 0)]),
        ("x_train[batch_mask]", x_train, [Arr(3, 0, 3, 4)]),
        ("x[[2, 0, 2]] rows", x34, [Arr(2, 0, 2)]),
        ("x[[]]", x34, [Arr()]),
        ("x[:, [1, 1, 3]]", x34, [FULL, Arr(1, 1, 3)]),
        ("y[arange, t] pairs", x34, [Arr(0, 1, 2), Arr(3, 0, 3)]),
        ("pairs with negatives", x34, [Arr(0, -1), Arr(1, 1)]),
        ("a length-1 array broadcasts", x34, [Arr(0, 1, 2), Arr(3)]),
        ("array then int", x34, [Arr(2, 0), Int(1)]),
        ("x[0, :, [0, 1]] goes first", x234, [Int(0), FULL, Arr(0, 1)]),
        ("x[:, [0, 2], 1] stays in place", x234, [FULL, Arr(0, 2), Int(1)]),
        ("x[[1, 0], :, 3] goes first", x234, [Arr(1, 0), FULL, Int(3)]),
        ("x[1, 1:3] of 3-D", x234, [Int(1), Sl(1, 3)]),
        ("x[()] of 0-d", np.array(4.25), []),
    ]
    cases = []
    for name, x, spec in specs:
        layer = Index(numpy_index(spec))
        out = np.asarray(layer.forward(x))
        dout = data(out.shape)
        dx = layer.backward(dout)
        cases.append(
            struct(
                "Case",
                name=string(name),
                x=arr(x),
                spec=rust_index(spec),
                dout=values(dout),
                out=arr(out),
                dx=values(dx),
            )
        )
    assigns = []
    for name, x, spec, value in [
        ("losses[i] = v", np.zeros(5), [Int(2)], np.array(0.75)),
        ("x[-1] = row", x34, [Int(-1)], data((4,))),
        ("x[1] = (1, 4) row", x34, [Int(1)], data((1, 4))),
        ("x[:, 0] = scalar", x34, [FULL, Int(0)], np.array(9.0)),
        ("x[0:2] = column", x34, [Sl(0, 2)], data((2, 1))),
        ("x[[0, 0, 2]] = rows, last wins", x34, [Arr(0, 0, 2)], data((3, 4))),
        ("x[[0], [1]] = (1,)", x34, [Arr(0), Arr(1)], np.array([5.0])),
        ("x[()] = v of 0-d", np.array(1.0), [], np.array(2.0)),
        ("x[()] = row of 1-D", x5, [], data((5,))),
    ]:
        out = x.copy()
        out[numpy_index(spec)] = value
        assigns.append(
            struct(
                "AssignCase",
                name=string(name),
                x=arr(x),
                spec=rust_index(spec),
                value=arr(value),
                out=values(out),
            )
        )
    refusals = []
    for sx, spec, value in [
        ((3, 4), [Int(5)], None),
        ((3, 4), [Int(-4)], None),
        ((3, 4), [FULL, Int(4)], None),
        ((3, 4), [Int(0), Int(0), Int(0)], None),
        ((), [Int(0)], None),
        ((3, 4), [Sl(None, None, 0)], None),
        ((3, 4), [Int(9), Sl(None, None, 0)], None),
        ((3, 4), [Arr(0, 9), Sl(None, None, 0)], None),
        ((3, 4), [Arr(0, 1), Arr(0, 1, 2)], None),
        ((3, 4), [Arr(0, 9, 2), Arr(0, 1)], None),
        ((3, 4), [Arr(0, 5), Arr(0, 9)], None),
        ((3, 4), [Arr(0, 1), Arr(0, 9)], None),
        ((3, 4), [Arr(0, 9), Int(9)], None),
        ((3, 4), [Arr(), Arr(1, 2)], None),
        ((2, 3, 4), [Arr(0, 1), Int(1), Arr(0, 1, 2)], None),
        ((3,), [Sl(0, 2)], (3,)),
        ((3,), [Sl(0, 2)], (2, 2)),
        ((3,), [Int(1)], (1,)),
        ((2, 3), [Int(0), Int(1)], (1, 1)),
        ((), [], (1,)),
        ((2, 3), [Int(0)], (2, 1)),
        ((2, 3), [Int(0), Sl(0, 1)], (2, 1)),
    ]:
        x = np.zeros(sx)

        def attempt():
            if value is None:
                return x[numpy_index(spec)]
            x[numpy_index(spec)] = np.ones(value)

        message = refusal(attempt)
        refusals.append(
            struct(
                "Refusal",
                x=shape(x),
                spec=rust_index(spec),
                value="None" if value is None else f"Some({shape(np.ones(value))})",
                numpy=string(message),
            )
        )
    write(
        "index.rs",
        const("CASES", "Case", cases)
        + const("ASSIGNS", "AssignCase", assigns)
        + const("REFUSALS", "Refusal", refusals),
    )


if __name__ == "__main__":
    matmul_cases()
    affine_cases()
    softmax_cases()
    cross_entropy_cases()
    softmax_with_loss_cases()
    reduce_cases()
    elementwise_cases()
    pow_cases()
    reshape_cases()
    index_cases()
    layer_files = sorted(str(p) for p in LAYERS.glob("*.rs"))
    subprocess.run(["rustfmt", "--edition", "2024", *layer_files], cwd=ROOT, check=True)
    print("numpy", np.__version__)
