n = 37
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
    if steps >= 13:
        break
print(n, steps)

for i in range(12, 0, -1):
    print(i, end=' ')
print()
for t in (0.1, 5, 'x'):
    print(t)

words = ['mango', 'cherry', 'apple', 'plum', 'kiwi']
for i, w in enumerate(words):
    if len(w) > 4:
        continue
    print(i, w)
