xs = [-3.0, 1.6, -0.8]
ws = (2, 0, 1, -2, 0,)
total = 0
for x, w in zip(xs, ws):
    total = total + x * w
print(total)
for a, b in zip(range(3), ['x', 'y', 'z']):
    print(a, b)

total = 0
skipped = []
for i in range(17):
    if i % 3 == 0:
        skipped.append(i)
        continue
    total += i
print(total, skipped)
