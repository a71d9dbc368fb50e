for i in range(1, 3):
    row = []
    for j in range(1, 3):
        if i * j > 9:
            break
        row.append(i * j)
    print(i, row)

w = 1.7
lr = 0.05
for step in range(6):
    grad = 2 * (w - 1)
    w = w - lr * grad
    if step % 2 == 0:
        print(step, w)
print('final', w)

for i in range(4, 0, -2):
    print(i, end=' ')
print()
for t in (1.0, 1, 'x'):
    print(t)
