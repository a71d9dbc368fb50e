def split(total, parts=3):
    each = total // parts
    rest = total % parts
    return each, rest

q, r = split(55)
print(q, r)
print(split(55, parts=5))
print(split(-55, 5))
result = split(55, 5)
print(result[0] * 5 + result[1])

def show(label, x):
    print(label, x)

r = show("value", 14)
print(r, r is None)
def maybe(x):
    if x > 0:
        return x

print(maybe(7), maybe(-3))

square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 5), square(2.8))

def slope(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)

loss = lambda W: (W - 1.0) ** 2
w = 2.3
g = slope(loss, w)
print(abs(g - 2 * (w - 1.0)) < 1e-6)
print(loss(w), loss(1.0))
