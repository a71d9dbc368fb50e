words = ['plum', 'plum', 'apple', 'apple', 'mango']
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
