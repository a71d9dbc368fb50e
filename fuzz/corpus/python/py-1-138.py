xs = [-0.6, 1.9, 2.3]
ws = (0, 0, -1, 1,)
total = 0
for x, w in zip(xs, ws):
    total = total + x * w
print(total)
for i, (x, w) in enumerate(zip(xs, ws)):
    print(i, x, w)

for i in range(12, 0, -2):
    print(i, end=' ')
print()
for t in (0.6, 1, 'x'):
    print(t)
