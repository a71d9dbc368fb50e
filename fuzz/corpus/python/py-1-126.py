a = 9
b = 6
c = -0.4
d = (9 // c) ** 3
print(b + (0.6 * b) * 1.0, (a - c) + (8 + 5))
print(c * (4.1 + a), d)

acc = 17
acc /= 5
acc *= 3
acc //= 2
print(acc)
acc **= 2
print(acc)
n = 28
n //= 3
n **= 2
n %= 11
print(n)

delta = -2.7
sign = "positive" if delta > 0 else "negative" if delta < 0 else "zero"
print(delta, sign)
clipped = -3 if delta < -3 else 1 if delta > 1 else delta
print(clipped)
print(1 if delta else 0, (delta if delta > 0 else -delta) * 2)

level = 8
lo = -4
hi = 6
print(lo <= level < hi and level % 2 == 0, 3 == 3.0, 0.1 + 0.2 == 0.3)
print(level * 2 > hi, not (lo < level))
print(lo < hi > level)
print(level >= hi)
