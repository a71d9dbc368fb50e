w = 1.1
lr = 0.1
for step in range(6):
    grad = 2 * (w - 1)
    w = w - lr * grad
    if step % 2 == 0:
        print(step, w)
print('final', w)

table = [[6, 2, 1], [0, 8, 0]]
sums = []
for row in table:
    s = 0
    for v in row:
        s += v
    sums.append(s)
print(sums)
col = []
for i in range(len(table)):
    col.append(table[i][0])
print(col, len(col))

total = 0
skipped = []
for i in range(17):
    if i % 4 == 0:
        skipped.append(i)
        continue
    total += i
print(total, skipped)
