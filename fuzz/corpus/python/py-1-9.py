b = 7
n = 3
print((b + n) * 2 - n, b - n * 3)
print(b % n)
print(b / n * n)

g = 0
sign = "positive" if g > 0 else "negative" if g < 0 else "zero"
print(g, sign)
clipped = -3 if g < -3 else 2 if g > 2 else g
print(clipped)
n = 12
parity = 'even' if n % 2 == 0 else 'odd'
print(n, parity)
print(1 if g else 0, (g if g > 0 else -g) * 2)

a = 5
b = -6
c = 3.5
print((a * 8) % (a - 0.3), (c ** 2) - (2.0 - a) * (a / 1.1), c * (b % 2))
print('out', 4 * (c % 0.7))

m = 6
n = 64
print(max(m, n), min(m, -n))
print(max(-2.1, m / 3), min(n // m, n % m, 7))
mean = (m + n) / 2
print(mean, int(mean), mean - m)
