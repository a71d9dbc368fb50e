for i in range(1, 3):
    row = []
    for j in range(1, 5):
        if i * j > 6:
            break
        row.append(i * j)
    print(i, row)

for v in [11, 3, -5, 4, -9]:
    if v > 5:
        print(v, "big")
    elif v > 0:
        print(v, "small")
    elif v == 0:
        pass
    else:
        print(v, "negative")
print('done')

xs = [4, 5, 6, 7, 2, 0]
target = 0
found = None
for i in range(len(xs)):
    if xs[i] == target:
        found = i
        break
print('found at', found)

total = 0
skipped = []
for i in range(20):
    if i % 2 == 0:
        skipped.append(i)
        continue
    total += i
print(total, skipped)
