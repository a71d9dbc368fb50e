history = {'loss': [], 'acc': []}
for step in range(3):
    history['loss'].append(5.0 / (step + 1))
    history['acc'].append(step * 0.25)
print(history)
print(len(history['loss']), history['acc'][-1])
history['lr'] = [0.1]
print(list(history.keys()), history['lr'])

a, b = 6, "plum"
a, b = b, a
print(a, b)
p, q, r = [90, 50, 50]
print(r, q, p)
first, second = (0.9, -2)
first, second = second, first + second
print(first, second)
