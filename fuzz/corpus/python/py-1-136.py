first = "Minho"
last = "Kim"
full = first + " " + last
print(full)
print(len(full), len(first + last), len(''))
tag = last + '-' + first
print(tag, len(tag) > 8)

rows = [('mango', 59, 4.46), ("apple", 77, 0.5), ('plum', 75, 3.28)]
total = 0
for name, count, cost in rows:
    print(f"{name:>7}: {count:3d} @ {cost:.3f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

n = 89
x = -20.0
ok = False
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(str(None), len(str(x)))
print(str(x / 3))
print("result:", str(2 ** 20))

bar = ''
for i in range(2):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['fig', 'grape', 'kiwi', 'mango']:
    msg = msg + w + ' '
print(msg + '.', len(msg))
