items = [1, "apple", 3.0, None, True, (2, 6), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(("a", 1, -2.91))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print({'name': "O'Brien", 'x': 1.5, 'ok': False})
print(((1,), [()], {}))
print([[], [[]], ''])

words = ['kiwi', 'kiwi', 'mango', 'plum', 'mango', 'mango', 'kiwi', 'plum']
counts = {}
for w in words:
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
best = None
for w, n in counts.items():
    if best is None or n > counts[best]:
        best = w
print(best, counts[best], len(counts))

point = (2, -1.6)
single = (45,)
empty = ()
print(point, single, empty)
print(len(point), point[0], point[-1], len(single))
x, y = point
print(x, y)
pair = 4, "kiwi"
print(pair, pair[1])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[0], len(nested))
