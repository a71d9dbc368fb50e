def bounds(values):
    lo = values[0]
    hi = values[0]
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi

print(bounds([0, 14, 1, 9]))
lo, hi = bounds((9, 1, 14, 0))
print(hi - lo)

pairs = [(1, "grape"), (2, 'fig')]
pairs.append((3, 'lemon'))
for n, w in pairs:
    print(n, w)
print(pairs[-1][1], pairs)

items = [1, 'plum', 3.0, None, True, (9, 0), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(('a', 1, 1.72))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print(((1,), [()], {}))
print([[], [[]], ''])
