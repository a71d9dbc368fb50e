n = 423
x = 18.329
ok = False
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(str(2 ** 20))
print(len(str(n)), str(float(n)))

a = -9
b = -6.3
name = "lr"
print(f"{b / 3}")
print(f"{name} -> {b:.2f}")
print(f"{a} + {b} = {a + b}")

w = 7.15
k = 15
print(f"[{w:>8.2f}]")
print(f"{w:.0f}")
print(f"{k:d} x {w:.2f} = {k * w:.3f}")
print(f"{k:d} units")
print(f"{w * 1000:,.2f}")
