xs = [8, 9, 5, 6, 0]
target = 0
found = None
for i in range(len(xs)):
    if xs[i] == target:
        found = i
        break
print('found at', found)

words = ['cherry', 'kiwi', 'fig', 'plum']
for i, w in enumerate(words):
    print(i, w)

n = 9
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
