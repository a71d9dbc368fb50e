rate = 3.67
steps = 7
out = rate * steps - 1
print("result:", out / steps)
print('value:', rate // -2)
print(rate % -2.5)
print(steps / 2, rate // 1.5)

delta = -1
sign = "positive" if delta > 0 else "negative" if delta < 0 else "zero"
print(delta, sign)
clipped = -1 if delta < -1 else 4 if delta > 4 else delta
print(clipped)
n = 11
parity = 'even' if n % 2 == 0 else 'odd'
print(n, parity)

p = -9
d = 6
print(p + d, p % -d, p * d)
print("result:", p / d, -p // d, p / d * d)

b = 2
p = 3
print((-b) ** p)
print(10 ** -3, b ** p)
print(2 ** -2)
