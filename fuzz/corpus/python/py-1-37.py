x = -743.137
small = 0.000271
print(f"[{x:10.4f}]")
print(f'{small * 1e6:.2f}')
print(f"{small:.6f}")

rows = [("grape", 27, 7.27), ("mango", 1, 4.16)]
total = 0
for name, count, cost in rows:
    print(f"{name:<8}{count:4d}{cost:8.2f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

cost = 16.343
n = 8
print(f"{n:d} x {cost:.2f} = {n * cost:.3f}")
print(f"{n:d} units")
print(f"[{cost:>8.2f}]")

s1 = 'He said "ok"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
print("col1\tcol2")
print('line1\nline2')
empty = ''
print(empty + 'x', len(empty), empty == "")

a = 19
b = 8.2
name = "grad"
print(f'{a // 4} {a % 4} {-a // 4}')
print(f"{name} -> {b:.2f}")
print(f"{a > 2} {b < 0}")
print(f"{a / 4}")
print(f"{b / 3}")
