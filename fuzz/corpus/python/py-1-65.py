items = [1, "cherry", 3.0, None, True, (4, 4), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(("a", 1, -2.17))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print(((1,), [()], {}))
print([[], [[]], ''])

point = (-9, 3.7)
single = (6,)
empty = ()
print(point, single, empty)
print(len(point), point[0], point[-1], len(single))
x, y = point
print(x, y)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[0], len(nested))

print(list(range(4)))
print(list(range(3, 11, 4)))
print(list(range(11, 3, -4)))
steps = list(range(3, 11))
print(steps[-1], len(steps), steps[::3])

counts = {"eve": 15, "fay": 54}
counts['cy'] = 20
counts['eve'] = 20
print(counts)
print(len(counts), 'fay' in counts, 'bob' in counts)
print(counts['cy'])
print(list(counts.keys()), list(counts.values()))
