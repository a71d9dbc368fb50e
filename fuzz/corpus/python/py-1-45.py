a = 5
b = 8
print(a > 0 or b > 0)
print(0 or a)
print(b or 7, not a)
print(None is None)
flag = a > 1 and b != 0
print(flag, not flag)

tiny = 3e-3
huge = 12345678901234567.0
print(2 / 3, 1.0e5)
print("result:", tiny / 1000, 1e-4)
print(10 / 4)
print(123456789.0 * 10)

a = -4
b = 6
c = -2.5
print((a // b) + a)
print(a / c - (4 * c), c % (1.8 * c))
print(c + 2.1 % b)

h = 1.527
n = -49
print("result:", abs(h - n), float(int(h)))
print("got", int(n / 4), abs(h))
print(int(-h), abs(n))

base = 5
e = 3
print("got", (-2) ** 3)
print('out', 4 ** -0.5)
print(float(base) ** e, base ** -1)
print(10 ** -3)
print("got", -base ** 2, base ** 0)
