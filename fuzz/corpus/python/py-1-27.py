a = -4
b = 6
c = 1.2
print((a // c + (b - 0.1)) + (b ** 2) % (b * 1.6), ((a * c) // (2.4 + b)) * 3.3)
print((4 - b) * (6 - 3))

w = -8.51
k = 7
total = w * k - 3
print(total / k, k + 0.5, w - w)
print(k * 1.0, w // 1.5)

count = 1516671601
factor = 745150
print(count * 1.0, 2 ** 62, float(count * factor))
print(count // 1000, 2 ** 40 + count)

a = 3
b = 0.0
print(None is None, a > 0 and b > 0)
print(a and b, a or b, a and not b)
print(a > 0 or b > 0)
flag = a > 1 and b != 0
print(flag, not flag)

c = -14.0
f = c * 9 / 5 + 32
print(c, f)
k = c + 273.15
print(k, -40 * 9 / 5 + 32)
