import numpy as np

class Cutoff:
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

gate = Cutoff(0)
x = np.array([[0.6, 2.0, 2.2, 2.9]])
out = gate.forward(x)
print(out)
print(gate.mask)
print(gate.backward(np.ones_like(x)))
print(gate.backward(x * 2))
