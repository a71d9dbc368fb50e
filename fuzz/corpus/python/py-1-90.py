a = 1
b = -5
c = 3.6
print(((8 ** 0.5) / (b * c)) / (b - (b / 3)), a - 1 % a)
print('value:', c - 4.2 / (b * a) - (9 - (c / a)), (b + b) % ((3.9 // a) + 8))

tiny = 1e-07
huge = 1.5e3
print('=', 123456789.0 * 10, 2 / 3, huge)
print(tiny, 0.0001 * 10)

base = 3
e = 4
print((-2) ** 3, 10 ** -3, base ** e ** 0)
print(base ** -e, base ** 0.5)
print(base ** e, 4 ** -0.5)

c = 19.0
f = c * 9 / 5 + 32
print(c, f)
k = c + 273.15
print(k, -40 * 9 / 5 + 32)
