"""The layer classes of chapter 5 of *Deep Learning from Scratch*, written the way the book writes
them, and a tiny driver that runs the same workloads as bench/compare.sh's backprop scripts.

    python3 bench/book_layers.py a            # the ReLU example: mask and dx of a 2x2 input
    python3 bench/book_layers.py b            # relu(x) * sigmoid(x) on a 2000x2000 randn, back
    python3 bench/book_layers.py c [N]        # a chain of N MulLayers on floats (default 100000)
    python3 bench/book_layers.py c_np [N]     # the same chain on one-element numpy arrays
    python3 bench/book_layers.py f            # a @ b on two 1000x1000 randn, then MatMul's back

Only numpy and the standard library are used. Each workload prints what the matching backprop
script prints, so the two outputs can be compared by eye. The random workloads (b, f) start from
np.random.seed(0), the seed a backprop program starts with, and backprop's randn is numpy's
legacy generator, so both sides draw the same numbers and print the same gradients.
"""

import sys

import numpy as np


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y

        return out

    def backward(self, dout):
        dx = dout * self.y  # x와 y를 바꾼다.
        dy = dout * self.x

        return dx, dy


class AddLayer:
    def __init__(self):
        pass

    def forward(self, x, y):
        out = x + y
        return out

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy


class MatMul:
    """`x @ W` as the book's Affine layer computes it, without the bias."""

    def __init__(self):
        self.x = None
        self.W = None

    def forward(self, x, W):
        self.x = x
        self.W = W
        out = np.dot(x, W)

        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        dW = np.dot(self.x.T, dout)

        return dx, dW


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0

        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout

        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out

        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out

        return dx


def relu_example():
    """(a) The blog's ReLU example: `x = [[1.0, -0.5], [-2.0, 3.3]]; r = relu(x); back r ones`."""
    x = np.array([[1.0, -0.5], [-2.0, 3.3]])
    print(x)
    relu = Relu()
    r = relu.forward(x)
    print(r)
    dout = np.ones_like(r)
    print(dout)
    dx = relu.backward(dout)
    print(relu.mask)
    print(dx)


def relu_times_sigmoid():
    """(b) `x = randn(2000, 2000); r = relu(x); s = sigmoid(x); p = r * s; back p; grad(x)`.

    x feeds two layers, so its gradient is the sum of what both send back, as at any fork of a
    computational graph (the book's "branch" node: gradients add)."""
    np.random.seed(0)
    x = np.random.randn(2000, 2000)
    relu = Relu()
    sigmoid = Sigmoid()
    mul = MulLayer()
    r = relu.forward(x)
    s = sigmoid.forward(x)
    p = mul.forward(r, s)

    dout = np.ones_like(p)
    dr, ds = mul.backward(dout)
    dx = relu.backward(dr) + sigmoid.backward(ds)
    print(dx)


def chain(n):
    """(c) `x = 1.0; y = x;` then `y = y * 1.000001` n times, `back y`, `grad(x)`: n MulLayer
    objects, each caching its inputs, then backward through all of them in reverse order. The
    values are Python floats, as in the book's apple example."""
    x = 1.0
    layers = []
    y = x
    for _ in range(n):
        layer = MulLayer()
        y = layer.forward(y, 1.000001)
        layers.append(layer)

    dout = 1
    for layer in reversed(layers):
        dout, _ = layer.backward(dout)
    print(dout)


def chain_np(n):
    """(c) The same chain as `chain`, but on numpy arrays of shape (1,), as the book's layers run
    on arrays: x = np.array([1.0]), n MulLayer objects, each multiplying by a one-element array
    and caching its inputs, then backward from a dout of ones in reverse order."""
    x = np.array([1.0])
    w = np.array([1.000001])
    layers = []
    y = x
    for _ in range(n):
        layer = MulLayer()
        y = layer.forward(y, w)
        layers.append(layer)

    dout = np.ones_like(y)
    for layer in reversed(layers):
        dout, _ = layer.backward(dout)
    print(dout[0])


def matmul_back():
    """(f) `a = randn(1000, 1000); b = randn(1000, 1000); c = a @ b; back c; grad(a)[0, 0]`:
    one product and the MatMul layer's backward with a dout of ones (two more products of the
    same size), on numpy's BLAS with its default number of threads."""
    np.random.seed(0)
    a = np.random.randn(1000, 1000)
    b = np.random.randn(1000, 1000)
    matmul = MatMul()
    c = matmul.forward(a, b)

    dout = np.ones_like(c)
    da, db = matmul.backward(dout)
    print(da[0, 0])


def main(argv):
    if len(argv) < 2 or argv[1] not in ("a", "b", "c", "c_np", "f"):
        print(__doc__, file=sys.stderr)
        return 2
    workload = argv[1]
    if workload == "a":
        relu_example()
    elif workload == "b":
        relu_times_sigmoid()
    elif workload == "c":
        chain(int(argv[2]) if len(argv) > 2 else 100_000)
    elif workload == "c_np":
        chain_np(int(argv[2]) if len(argv) > 2 else 100_000)
    else:
        matmul_back()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
