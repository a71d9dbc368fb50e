# The apple example: 2 apples at 100 each, plus 10% tax.
# MulLayer is complete; you only wire it up.


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


apple = 100
apple_num = 2
tax = 1.1

mul_apple_layer = MulLayer()
mul_tax_layer = MulLayer()

# forward
# TODO: apple price = apple * apple_num (use mul_apple_layer)
apple_price = None
# TODO: total price = apple_price * tax (use mul_tax_layer)
price = None

# backward, in the reverse order of the forward pass
dprice = 1
# TODO: call mul_tax_layer.backward, then mul_apple_layer.backward
dapple_price, dtax = None, None
dapple, dapple_num = None, None

print(price)
print(dapple, dapple_num, dtax)
