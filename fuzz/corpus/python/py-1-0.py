tiny = 1e-5
huge = 1.5e3
print("got", 1e16 + 1)
print(123456789.0 * 10)
print(tiny / 1000, huge / 7)
print(0.1 + 0.2, 1.0e5, 1e-4)

g = 0
sign = "positive" if g > 0 else "negative" if g < 0 else "zero"
print(g, sign)
clipped = -2 if g < -2 else 2 if g > 2 else g
print(clipped)

a = -2
b = 4
print('value:', True * 3)
print(a is None, b or 7, False or None)
print("got", (a or 1) * 10)
