import numpy as np

class Linear:
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

layer = Linear(np.array([[-1.3, 1.2], [-1.0, 2.4]]), np.array([-0.5, 0.3]))
x = np.array([[1.8, -0.8]])
y = layer.forward(x)
print(y)
dx = layer.backward(np.ones_like(y))
print(dx)
print(layer.dW)
print(layer.db, layer.db.shape)
