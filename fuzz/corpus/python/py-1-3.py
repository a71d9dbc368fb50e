for i in range(1, 4):
    row = []
    for j in range(1, 3):
        if i * j > 6:
            break
        row.append(i * j)
    print(i, row)

table = [[7, 1, 7, 9], [8, 4, 0, 1], [9, 8, 2, 3]]
sums = []
for row in table:
    s = 0
    for v in row:
        s += v
    sums.append(s)
print(sums)
col = []
for i in range(len(table)):
    col.append(table[i][1])
print(col, len(col))

total = 0
skipped = []
for i in range(20):
    if i % 2 == 0:
        skipped.append(i)
        continue
    total += i
print(total, skipped)
