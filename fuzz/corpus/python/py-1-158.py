import numpy as np

class Dense:
    def __init__(self, W, b):
        self.W = W
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

layer = Dense(np.array([[-0.5, 2.6], [2.7, -0.9], [-2.6, -2.1]]), np.array([1.0, -0.7]))
x = np.array([[-2.0, -1.3, -0.4]])
y = layer.forward(x)
print(y)
dx = layer.backward(np.ones_like(y))
print(dx)
print(layer.dW)
print(layer.db, layer.db.shape)
