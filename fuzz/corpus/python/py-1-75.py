w = -4.7
lr = 0.05
for step in range(5):
    grad = 2 * (w - 1)
    w = w - lr * grad
    if step % 2 == 0:
        print(step, w)
print('final', w)

n = 19
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
    if steps >= 20:
        break
print(n, steps)

xs = [0, 8, 7, 3, 4, 8]
target = 0
found = None
for i in range(len(xs)):
    if xs[i] == target:
        found = i
        break
print('found at', found)
