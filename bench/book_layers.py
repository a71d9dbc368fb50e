"""The layer classes of chapter 5 of *Deep Learning from Scratch*, written the way the book writes
them, and a tiny driver that runs the same workloads as bench/compare.sh's backprop scripts.

    python3 bench/book_layers.py a            # the ReLU example: mask and dx of a 2x2 input
    python3 bench/book_layers.py b            # relu(x) * sigmoid(x) on a 2000x2000 randn, back
    python3 bench/book_layers.py c [N]        # a chain of N MulLayers (default 100000), back

Only numpy and the standard library are used. Each workload prints what the matching backprop
script prints, so the two outputs can be compared by eye.
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


def main(argv):
    if len(argv) < 2 or argv[1] not in ("a", "b", "c"):
        print(__doc__, file=sys.stderr)
        return 2
    workload = argv[1]
    if workload == "a":
        relu_example()
    elif workload == "b":
        relu_times_sigmoid()
    else:
        chain(int(argv[2]) if len(argv) > 2 else 100_000)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
