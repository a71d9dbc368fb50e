class AddLayer:
    def __init__(self):
        pass  # nothing to remember

    def forward(self, x, y):
        out = x + y
        return out

    def backward(self, dout):
        # an add node passes the gradient through unchanged
        dx = dout * 1
        dy = dout * 1
        return dx, dy
