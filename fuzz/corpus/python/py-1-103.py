def central_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)

def curve(x):
    return 2 * x ** 2 + 3 * x

for x in (2, 9):
    g = central_diff(curve, x)
    print(x, curve(x), abs(g - (2 * 2 * x + 3)) < 1e-5)
print(central_diff(lambda t: t * t * t, 4.0) > 0)

square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 3), square(-0.2))

def slope(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)

loss = lambda W: (W - 2.8) ** 2
w = -1.5
g = slope(loss, w)
print(abs(g - 2 * (w - 2.8)) < 1e-6)
print(loss(w), loss(2.8))
print((lambda a, b=2: a * b)(6), (lambda: 'none')())
