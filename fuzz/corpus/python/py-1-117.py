a = 11
b = 7
c = 2.2
print(b // a / (3.5 ** 2))
print(c / a, a * 7 % (0.6 ** 2), ((a + 3) ** 0.5) * c)

m = 2
n = 56
print(max(m, n), min(m, -n))
print(max(-4.2, m / 3), min(n // m, n % m, 7))
mean = (m + n) / 2
print(mean, int(mean), mean - m)

x = -2.79
n = 4
total = x * n - 1
print(x // 1.5, x // -2, x % 2)
print(n + 0.5, x * x, x % -2.5)

g = 3
sign = "positive" if g > 0 else "negative" if g < 0 else "zero"
print(g, sign)
clipped = -4 if g < -4 else 4 if g > 4 else g
print(clipped)
n = 16
parity = 'even' if n % 2 == 0 else 'odd'
print(n, parity)
