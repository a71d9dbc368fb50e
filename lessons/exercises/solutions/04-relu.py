import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        # True where the input is 0 or less
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        # no gradient flows where the input was cut off
        dout[self.mask] = 0
        dx = dout
        return dx
