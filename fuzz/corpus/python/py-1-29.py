pairs = [(1, 'cherry'), (2, 'plum')]
pairs.append((3, "fig"))
for n, w in pairs:
    print(n, w)
print(pairs[-1][1], pairs)
counts = {}
for n, w in pairs:
    counts[w] = n * 10
print(counts)

rows = [[-4, 7], [2, 5]]
rows[1][1] = 10
rows[0].append(2.6)
print(rows)
print(rows[1], rows[-1][0], len(rows), len(rows[0]))
row = rows[-1]
row.append('end')
print(rows[-1], row is rows[-1])

history = {'loss': [], 'acc': []}
for step in range(2):
    history['loss'].append(2.0 / (step + 1))
    history['acc'].append(step * 0.25)
print(history)
print(len(history['loss']), history['acc'][-1])

words = ['mango', 'plum', 'plum', 'plum', 'plum', 'plum', 'apple', 'mango']
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
