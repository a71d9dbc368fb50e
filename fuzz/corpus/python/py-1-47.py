sizes = [88, 50, 74, 91, 90, 40]
print(sum(sizes), len(sizes), sum(sizes) / len(sizes))
print(max(sizes), min(sizes))
sizes.append(52.0)
print(sum(sizes), sizes[-2:])

items = [1, "fig", 3.0, None, True, (8, 3), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(("a", 1, -1.67))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print({'name': "O'Brien", 'x': 1.5, 'ok': False})
print(((1,), [()], {}))
print([[], [[]], ''])

counts = {'dee': 13, 'bob': 53}
counts["fay"] = 36
counts['dee'] = 11
print(counts)
print(len(counts), "bob" in counts, 'ann' in counts)
print(counts['fay'])
print(list(counts.keys()), list(counts.values()))

a, b = 1, 'apple'
a, b = b, a
print(a, b)
p, q, r = [30, 40, 50]
print(r, q, p)
first, second = (-1.2, -1)
first, second = second, first + second
print(first, second)

data = [34, -4, 2, 43, 32]
data.append(84)
print(data, len(data))
print(data[::-1])
print(data[:2], -4 in data)
data[1] = 'fig'
print(data)
