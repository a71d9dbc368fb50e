s1 = 'He said "ok"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
empty = ''
print(empty + 'x', len(empty), empty == "")

n = 21
x = -1.6
ok = False
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(str(1 / 4))
print(len(str(n)), len(str(x)))

rows = [("apple", 108, 9.57), ('plum', 16, 2.09), ('cherry', 29, 7.33)]
total = 0
for name, count, cost in rows:
    print(f"{name:>7}: {count:3d} @ {cost:.3f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

bar = ''
for i in range(5):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['lemon', 'grape', 'cherry', 'fig']:
    msg = msg + w + ' '
print(msg + '.', len(msg))

first = "Alan"
last = "Hopper"
full = first + ' ' + last
print(full)
print(len(full), len(first + last), len(''))
