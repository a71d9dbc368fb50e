for i in range(10, 0, -1):
    print(i, end=' ')
print()
for t in (0.9, 5, 'x'):
    print(t)

w = 4.7
lr = 0.1
for step in range(4):
    grad = 2 * (w - 1)
    w = w - lr * grad
    if step % 2 == 0:
        print(step, w)
print('final', w)

total = 0
skipped = []
for i in range(11):
    if i % 3 == 0:
        skipped.append(i)
        continue
    total += i
print(total, skipped)
