"""The twin of train_digits.bp in numpy, with layer classes that compute what the book's do.

Both programs make the same random draws (numpy's legacy generator after seed 0: randn for W1,
then W2, then choice(1500, 100) each iteration) and the same updates, so they print the same
losses and the same accuracy. Run from the project's top folder:

    python3 examples/train_digits.py            # 1000 iterations, as train_digits.bp
    python3 examples/train_digits.py 10000      # another count (bench/compare.sh's workload e)

It prints the loss every iterations/10 iterations (every 100 by default) and then the accuracy.
"""

import gzip
import os
import sys

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x                       # kept for dW
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Relu:
    def forward(self, x):
        self.blocked = x <= 0
        return np.where(self.blocked, 0.0, x)

    def backward(self, dout):
        return np.where(self.blocked, 0.0, dout)


class SoftmaxWithLoss:
    def forward(self, x, t):
        shifted = x - x.max(axis=1, keepdims=True)      # no overflow in exp
        e = np.exp(shifted)
        self.y = e / e.sum(axis=1, keepdims=True)
        self.t = t
        n = x.shape[0]
        return -np.sum(t * np.log(self.y + 1e-7)) / n

    def backward(self, dout=1.0):
        n = self.t.shape[0]
        return (self.y - self.t) / n * dout


def load_digits():
    here = os.path.dirname(os.path.abspath(__file__))
    with gzip.open(os.path.join(here, "..", "data", "digits.csv.gz"), "rt") as f:
        rows = np.loadtxt(f, delimiter=",")
    x = rows[:, :64] / 16.0
    t = np.eye(10)[rows[:, 64].astype(int)]
    return x[:1500], t[:1500], x[1500:], t[1500:]


iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
every = max(1, iterations // 10)
x_train, t_train, x_test, t_test = load_digits()
np.random.seed(0)
W1 = 0.01 * np.random.randn(64, 50); b1 = np.zeros(50)
W2 = 0.01 * np.random.randn(50, 10); b2 = np.zeros(10)
losses = np.zeros(iterations)
for i in range(iterations):
    batch = np.random.choice(1500, 100)
    x, t = x_train[batch], t_train[batch]
    layer1, relu, layer2, last = Affine(W1, b1), Relu(), Affine(W2, b2), SoftmaxWithLoss()
    loss = last.forward(layer2.forward(relu.forward(layer1.forward(x))), t)
    layer1.backward(relu.backward(layer2.backward(last.backward())))
    W1 -= 0.1 * layer1.dW
    b1 -= 0.1 * layer1.db
    W2 -= 0.1 * layer2.dW
    b2 -= 0.1 * layer2.db
    losses[i] = loss
    if i % every == 0:
        print(loss)
h = np.maximum(x_test @ W1 + b1, 0)
y = h @ W2 + b2
print(np.mean(np.argmax(y, axis=1) == np.argmax(t_test, axis=1)))
