a = 24
b = -6.5
name = "grad"
print(f"{a > 2} {b < 0}")
print(f"{name} has {len(name)} letters")
print(f"{a} + {b} = {a + b}")
print(f'{a // 4} {a % 4} {-a // 4}')

rows = [("plum", 1, 5.37), ("fig", 31, 6.23), ("apple", 82, 7.37), ('mango', 48, 1.91)]
total = 0
for name, count, cost in rows:
    print(f"{name:<8}{count:4d}{cost:8.2f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

bar = ''
for i in range(5):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['plum', 'apple', 'fig']:
    msg = msg + w + ' '
print(msg + '.', len(msg))

n = 435
x = 2.3
ok = True
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print('value:', len(str(x)), str(n * 2) + str(n), str(1 / 4))
print("->", str(2 ** 20))
