total = 917292473
factor = 243110
print(total / 3, total * factor // 86)
print(total * factor, 2 ** 40 + total)

delta = 2.7
sign = "positive" if delta > 0 else "negative" if delta < 0 else "zero"
print(delta, sign)
clipped = -1 if delta < -1 else 2 if delta > 2 else delta
print(clipped)

base = 3
e = 5
print(-base ** 2, base ** -1, base ** e ** 0)
print('out', 2 ** -2, 4 ** -0.5)
print(base ** e, base ** 0.5)

h = 1e-4
x0 = -2.5
slope = ((x0 + h) ** 2 - (x0 - h) ** 2) / (2 * h)
print(slope, 2 * x0)
print(abs(slope - 2 * x0) < 1e-6)

a = -7
b = 3
c = 2.4
d = (a - (4 + b)) * ((a - b) // (c - 2.2))
print((a ** -1) // 4.8 + a, c - a + (b - a))
print((b ** -1) ** 2)
print(d)

tiny = 1e-07
huge = 6.02e23
print(huge + 1, tiny)
print(0.0001 * 10, tiny / 1000)
