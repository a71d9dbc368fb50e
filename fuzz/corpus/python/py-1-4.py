def split(total, parts=3):
    each = total // parts
    rest = total % parts
    return each, rest

q, r = split(20)
print(q, r)
print(split(20, parts=8))
print(split(-20, 8))
result = split(20, 8)
print(result[0] * 8 + result[1])

def central_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)

def curve(x):
    return 0.5 * x ** 2 + -0.5 * x

for x in (1, 12):
    g = central_diff(curve, x)
    print(x, curve(x), abs(g - (2 * 0.5 * x + -0.5)) < 1e-5)
print(central_diff(lambda t: t * t * t, 3.0) > 0)
