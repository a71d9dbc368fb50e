history = {'loss': [], 'acc': []}
for step in range(4):
    history['loss'].append(1.0 / (step + 1))
    history['acc'].append(step * 0.25)
print(history)
print(len(history['loss']), history['acc'][-1])

def bounds(values):
    lo = values[0]
    hi = values[0]
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi

print(bounds([-9, 4, 20]))
lo, hi = bounds((20, 4, -9))
print(hi - lo)
