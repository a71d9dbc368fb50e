# Multiplication layer: out = x * y


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        # TODO: store x and y in self.x and self.y,
        # then return their product
        return None

    def backward(self, dout):
        # TODO: each input's gradient is dout times the OTHER input
        dx = None
        dy = None
        return dx, dy
