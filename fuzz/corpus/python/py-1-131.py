import numpy as np

class Gate:
    def __init__(self, threshold):
        self.threshold = threshold
        self.mask = None

    def forward(self, x):
        self.mask = x <= self.threshold
        out = x.copy()
        out[self.mask] = self.threshold
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0
        return dx

gate = Gate(-1.0)
x = np.array([[2.5, 0.4, -2.4], [2.6, 1.7, -2.2], [-1.2, 0.4, -2.6]])
out = gate.forward(x)
print(out)
print(gate.mask)
print(gate.backward(np.ones_like(x)))
print(gate.backward(x * 2))
