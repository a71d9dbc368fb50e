import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        # TODO: set self.mask to a boolean array, True where x <= 0
        # TODO: copy x and set the masked entries to 0
        out = None
        return out

    def backward(self, dout):
        # TODO: zero the gradient where the input was <= 0
        dx = None
        return dx
