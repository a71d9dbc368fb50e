n = 317
x = -4.91
ok = True
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print('value:', str(n) + '!', str(1 / 4))
print(str(-n), str(2 ** 20))

a = -2
b = 7.6
name = 'step'
print(f"({a}, {b})", f"{a - b}")
print(f"{a / 4}")
print(f"{a > 2} {b < 0}")
print(f"{name}: {a * b}")

price = 96.2365
qty = 3
print(f"{price * 1000:,.2f}")
print(f"{price:.1f} / {price:.4f}")
print(f"{qty:d} units")
print(f"{price:.0f}")
print(f"{price / qty:.3e}")

first = 'Ada'
last = 'Turing'
full = first + " " + last
print(full)
print(len(full), len(first + last), len(''))
