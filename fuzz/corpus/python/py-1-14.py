class Clip:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi
        self.inside = None

    def forward(self, x):
        self.inside = self.lo < x < self.hi
        if x < self.lo:
            return self.lo
        if x > self.hi:
            return self.hi
        return x

    def backward(self, dout):
        return dout if self.inside else 0

class Inverse:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = 1 / x
        return self.out

    def backward(self, dout):
        return -dout * self.out * self.out

inverse1 = Inverse()
clip2 = Clip(-5, 0)
x = 7
h1 = inverse1.forward(x)
h2 = clip2.forward(h1)
out = h2
print("out:", out)
dout = 1
dh1 = clip2.backward(dout)
dx = inverse1.backward(dh1)
print(dx, dh1)
