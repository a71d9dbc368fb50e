pairs = [(1, 'plum'), (2, "apple")]
pairs.append((3, "cherry"))
for n, w in pairs:
    print(n, w)
print(pairs[-1][1], pairs)

items = [1, 'lemon', 3.0, None, True, (2, 6), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(('a', 1, -0.76))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print({'name': "O'Brien", 'x': 1.5, 'ok': False})

grid = [[3, 6], [-7, 5]]
grid[1][0] = 19
grid[0].append(-1.9)
print(grid)
print(grid[1], grid[-1][0], len(grid), len(grid[0]))
row = grid[-1]
row.append('end')
print(grid[-1], row is grid[-1])

words = ['plum', 'apple', 'kiwi', 'kiwi', 'plum', 'plum', 'kiwi']
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
