# examples/two_layer_net.py with one change in the training loop: instead of calling
# network.gradient(), each iteration computes the loss, runs `back loss` and then reads the
# gradients the backward pass left in the Affine layers (dW and db). `back` is a backprop
# statement, not Python, so this file runs only under backprop; it prints exactly the same
# lines as two_layer_net.py does (under backprop or under python3). bench/compare.sh times it
# against `python3 examples/two_layer_net.py` (workload (g') in bench/README.md).
#
#     backprop run examples/two_layer_net_back.py
from collections import OrderedDict

import numpy as np

from dataset.digits import load_digits


def softmax(a):
    a = a - a.max(axis=1, keepdims=True)      # subtract each row's largest: no overflow
    e = np.exp(a)
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy_error(y, t):
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


class Affine:
    def __init__(self, W, b):
        self.W = W           # the very arrays of the params dict, not copies
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def __init__(self):
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        return cross_entropy_error(self.y, t)

    def backward(self, dout=1):
        n = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1       # labels, not one-hot rows
        return dx * dout / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)                       # forward: every layer caches what it needs

        dout = self.last_layer.backward(1)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)

        grads = {}
        grads['W1'] = self.layers['Affine1'].dW
        grads['b1'] = self.layers['Affine1'].db
        grads['W2'] = self.layers['Affine2'].dW
        grads['b2'] = self.layers['Affine2'].db
        return grads


(x_train, t_train), (x_test, t_test) = load_digits(normalize=True, one_hot_label=False)
print('train', x_train.shape, t_train.shape, 'test', x_test.shape, t_test.shape)

np.random.seed(0)
network = TwoLayerNet(input_size=64, hidden_size=50, output_size=10)

iters_num = 1000
batch_size = 100
learning_rate = 0.1
train_size = x_train.shape[0]

for i in range(iters_num):
    batch_mask = np.random.choice(train_size, batch_size)
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]

    loss = network.loss(x_batch, t_batch)
    back loss                             # backprop's backward pass through the layers' calls
    grad = {'W1': network.layers['Affine1'].dW, 'b1': network.layers['Affine1'].db,
            'W2': network.layers['Affine2'].dW, 'b2': network.layers['Affine2'].db}
    for key in ('W1', 'b1', 'W2', 'b2'):
        network.params[key] -= learning_rate * grad[key]   # the layers see the change

    if i % 100 == 0:
        loss = network.loss(x_batch, t_batch)
        print(f'{i:4d}  loss {loss:.6f}')

train_acc = network.accuracy(x_train, t_train)
test_acc = network.accuracy(x_test, t_test)
print(f'train accuracy {train_acc:.4f}, test accuracy {test_acc:.4f}')
print('W1 is still the array Affine1 holds:', network.params['W1'] is network.layers['Affine1'].W)
