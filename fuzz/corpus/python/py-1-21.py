w = -4.3
lr = 0.05
for step in range(3):
    grad = 2 * (w - 1)
    w = w - lr * grad
    if step % 2 == 0:
        print(step, w)
print('final', w)

x = 6.2
count = 0
while True:
    x = x / 2
    count += 1
    if x < 0.5:
        break
print(count, x)

total = 0
skipped = []
for i in range(18):
    if i % 4 == 0:
        skipped.append(i)
        continue
    total += i
print(total, skipped)
