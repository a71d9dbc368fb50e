print(list(range(2)))
print(list(range(5, 16, 4)))
print(list(range(16, 5, -4)))
steps = list(range(5, 16))
print(steps[-1], len(steps), steps[::3])
print(list(range(0)), list(range(3, 3)))

pairs = [(1, "plum"), (2, 'cherry')]
pairs.append((3, "fig"))
for n, w in pairs:
    print(n, w)
print(pairs[-1][1], pairs)

def bounds(values):
    lo = values[0]
    hi = values[0]
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi

print(bounds([-3, 20, 6, 8, 3, -19]))
lo, hi = bounds((-19, 3, 8, 6, 20, -3))
print(hi - lo)

marks = [80, 15, 47, 77]
print(sum(marks), len(marks), sum(marks) / len(marks))
print(max(marks), min(marks))

history = {'loss': [], 'acc': []}
for step in range(3):
    history['loss'].append(1.0 / (step + 1))
    history['acc'].append(step * 0.25)
print(history)
print(len(history['loss']), history['acc'][-1])
