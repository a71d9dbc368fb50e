for i in range(1, 5):
    row = []
    for j in range(1, 3):
        if i * j > 12:
            break
        row.append(i * j)
    print(i, row)

for i in range(10, 0, -3):
    print(i, end=' ')
print()
for t in (0.3, 5, 'x'):
    print(t)

for v in [10, -5, 9, -2, 0, 2]:
    if v > 6:
        print(v, "big")
    elif v > 0:
        print(v, "small")
    elif v == 0:
        pass
    else:
        print(v, "negative")
print('done')
