import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        # x is a batch of shape (N, inputs)
        # TODO: store x in self.x, return x times W plus b
        return None

    def backward(self, dout):
        # TODO: gradient for the input x (shape (N, inputs))
        dx = None
        # TODO: store the gradients for W and b in self.dW and self.db
        return dx
