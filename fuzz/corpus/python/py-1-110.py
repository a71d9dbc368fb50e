a, b = 6, 'apple'
a, b = b, a
print(a, b)
p, q, r = [10, 30, 10]
print(r, q, p)
first, second = (-1.9, -4)
first, second = second, first + second
print(first, second)

history = {'loss': [], 'acc': []}
for step in range(2):
    history['loss'].append(1.0 / (step + 1))
    history['acc'].append(step * 0.25)
print(history)
print(len(history['loss']), history['acc'][-1])
history['lr'] = [0.1]
print(list(history.keys()), history['lr'])

pairs = [(1, "kiwi"), (2, "grape")]
pairs.append((3, 'plum'))
for n, w in pairs:
    print(n, w)
print(pairs[-1][1], pairs)
counts = {}
for n, w in pairs:
    counts[w] = n * 10
print(counts)

counts = {"fay": 60, "cy": 58}
counts['ann'] = 17
counts['fay'] = 59
print(counts)
print(len(counts), "cy" in counts, 'dee' in counts)
print(counts['ann'])
print(list(counts.keys()), list(counts.values()))
