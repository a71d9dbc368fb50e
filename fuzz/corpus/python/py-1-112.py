square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 5), square(2.1))

def central_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)

def curve(x):
    return -1 * x ** 2 + 0.1 * x

for x in (2, 6):
    g = central_diff(curve, x)
    print(x, curve(x), abs(g - (2 * -1 * x + 0.1)) < 1e-5)
print(central_diff(lambda t: t * t * t, 1.0) > 0)

def total(xs):
    s = 0
    for x in xs:
        s += x
    return s

def mean(xs):
    return total(xs) / len(xs)

def variance(xs):
    m = mean(xs)
    acc = 0
    for x in xs:
        acc += (x - m) ** 2
    return acc / len(xs)

data = [14, -6, 3, 9, 0]
print(total(data), mean(data))
print(variance(data), variance(data) ** 0.5)
