score = 6
lo = -2
hi = 5
print(score > 3 and score < 8, 3 == 3.0)
print(lo <= score <= hi)
print(score != 6)
print(0.1 + 0.2 == 0.3, lo <= score < hi and score % 2 == 0, score < lo or score > hi)

base = 4
e = 6
print(float(base) ** e)
print(base ** -1)
print(base ** e)
print(base ** e ** 0)
print((-base) ** e, (-2) ** 3)

a = 3
b = 0.0
print("got", False or None)
print('value:', not b, True + True, None is None)
print(a or b)

c = -12.7
f = c * 9 / 5 + 32
print(c, f)
k = c + 273.15
print(k, -40 * 9 / 5 + 32)

h = -6.74
n = -29
print(int(h), int(-n / 4), int(h * 10))
print(int(n / 4))
print('value:', abs(n) // 4)
print(float(int(h)))
