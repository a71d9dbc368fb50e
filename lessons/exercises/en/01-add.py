# Addition layer: out = x + y


class AddLayer:
    def __init__(self):
        pass  # an add node needs no memory

    def forward(self, x, y):
        # TODO: return the sum of x and y
        return None

    def backward(self, dout):
        # TODO: compute dx and dy from the incoming gradient dout
        # (what is the derivative of x + y with respect to x? to y?)
        dx = None
        dy = None
        return dx, dy
