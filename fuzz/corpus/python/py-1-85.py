square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 3), square(0.5))
print((lambda a, b=2: a * b)(2), (lambda: 'none')())

x = 4
def f():
    x = 55
    return x

def g():
    return x * 2

print(f(), g(), x)
def h(x, y=None):
    if y is None:
        y = x
    return x + y
print(h(7), h(8, y=8))

def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)

print(gcd(290, 207), gcd(207, 290), gcd(7, 0))

def area(w, h=4, scale=1):
    return w * h * scale

print(area(9), area(3, 7))
print(area(h=1.4, w=6), area(2, scale=0.5))
print(area(1, 4, 2))
