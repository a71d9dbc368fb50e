rows = [('apple', 82, 5.39), ('grape', 67, 1.91), ('plum', 33, 2.74), ('kiwi', 75, 4.95)]
total = 0
for name, count, cost in rows:
    print(f"{name:>7}: {count:3d} @ {cost:.3f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

n = 89
x = -6.4
ok = False
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(str(x / 3), str(2 ** 20), str(n) + '!')

print()
print(6, 74, sep=" | ")
print("a", "b", "c", sep="-")
print(1, 2.5, "x", sep=", ", end=".\n")
print("[", end="")
print('a', 'b', end=' ')
print(" then newline")
print()

bar = ''
for i in range(4):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['fig', 'kiwi', 'lemon', 'apple']:
    msg = msg + w + ' '
print(msg + '.', len(msg))
parts = ''
for k in range(3):
    parts = parts + str(k) + ','
print(parts)
