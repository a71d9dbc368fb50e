class Inverse:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = 1 / x
        return self.out

    def backward(self, dout):
        return -dout * self.out * self.out

class Scale:
    def __init__(self, k):
        self.k = k
        self.x = None

    def forward(self, x):
        self.x = x
        return self.k * x

    def backward(self, dout):
        return dout * self.k

inverse1 = Inverse()
scale2 = Scale(2)
inverse3 = Inverse()
x = -0.4
h1 = inverse1.forward(x)
h2 = scale2.forward(h1)
h3 = inverse3.forward(h2)
out = h3
print("out:", out)
# backward
dout = 1
dh2 = inverse3.backward(dout)
dh1 = scale2.backward(dh2)
dx = inverse1.backward(dh1)
print(dx, dh1, dh2)
