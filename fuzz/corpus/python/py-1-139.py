def show(label, x):
    print(label, x)

r = show('value', 10)
print(r, r is None)
def maybe(x):
    if x > 0:
        return x

print(maybe(2), maybe(-8))

def make_scaler(k):
    def scale(x):
        return k * x
    return scale

double = make_scaler(1.5)
print(double(4), make_scaler(1.6)(7))

def counter_from(start):
    def next_after(n):
        return start + n
    return next_after
c = counter_from(9)
print(c(1), c(10))

square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 2), square(-2.4))

def slope(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)

loss = lambda W: (W + 0.9) ** 2
w = -1.0
g = slope(loss, w)
print(abs(g - 2 * (w + 0.9)) < 1e-6)
print(loss(w), loss(-0.9))
