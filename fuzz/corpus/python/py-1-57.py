table = [[2, 6], [6, 6]]
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
