a = -7
b = -1.8
name = 'step'
print(f"{name} -> {b:.2f}")
print(f"{b / 3}")
print(f"({a}, {b})", f"{a - b}")
print(f"{a} + {b} = {a + b}")

w = 17.2
k = 3
print(f"{w:10.3f}|")
print(f"[{k:5d}]")
print(f"[{w:>8.2f}]")
print(f"{w * 1000:,.2f}")

big = 48353615
n = 463
m = 59
print(f"{n:08d}")
print(f"{big // 7:,} r {big % 7:d}")
print(f"{-big:,}")
print(f"[{n:4d}|{m:<4d}|{m:>6d}]")
