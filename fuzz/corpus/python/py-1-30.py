xs = [2.8, 2.1, -1.5, -1.6]
ws = (2, 1, 2, 0,)
total = 0
for x, w in zip(xs, ws):
    total = total + x * w
print(total)
for a, b in zip(range(3), ['x', 'y', 'z']):
    print(a, b)

for v in [-3, 1, -4, 12, 0, 3]:
    if v > 6:
        print(v, "big")
    elif v > 0:
        print(v, "small")
    elif v == 0:
        pass
    else:
        print(v, "negative")
print('done')
