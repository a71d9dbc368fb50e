v = -5
sign = "positive" if v > 0 else "negative" if v < 0 else "zero"
print(v, sign)
clipped = -4 if v < -4 else 3 if v > 3 else v
print(clipped)
n = 17
parity = 'even' if n % 2 == 0 else 'odd'
print(n, parity)

a = 12
b = 7
c = 3.1
d = (b / c) ** 2
print(7 % 7 + (5 - a) + (0.6 ** -1))
print((c // 9) % (a * 2.8) / 9, b - ((b + b) - (b - b)), d)

n = 663264496
factor = 673896
print("got", -n // 7, 2 ** 62, 2 ** 62 + 2 ** 61)
print(n / 3, n * factor, float(n * factor))

a = 1
b = -1.1
print(None is None)
print('=', b or 7)
print('value:', a and b, not b)
print("->", not a, True * 3)

x = 8.679
n = 34
print(int(-0.5))
print(int(n / 4), abs(x), float(n) / 4)
print('=', int(float(n)))
print(int(-n / 4))
