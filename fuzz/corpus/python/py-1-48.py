n = 28
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
    if steps >= 18:
        break
print(n, steps)

for i in range(1, 3):
    row = []
    for j in range(1, 3):
        if i * j > 9:
            break
        row.append(i * j)
    print(i, row)

scores = {'cy': 62, 'ann': 30, 'dee': 85}
passed = []
for name, s in scores.items():
    if s >= 61:
        passed.append(name)
    elif s >= 46:
        print(name, 'close')
    else:
        pass
print(passed, len(passed))
