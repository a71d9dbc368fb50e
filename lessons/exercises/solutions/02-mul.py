class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        # keep the inputs for the backward pass
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        # each input gets the gradient times the other input
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy
