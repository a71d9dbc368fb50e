items = [1, "kiwi", 3.0, None, True, (3, 4), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(("a", 1, -1.05))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print({'name': "O'Brien", 'x': 1.5, 'ok': False})

a, b = 6, 'apple'
a, b = b, a
print(a, b)
p, q, r = [20, 70, 70]
print(r, q, p)
first, second = (-0.6, -1)
first, second = second, first + second
print(first, second)

data = [49, -1, 11, 17]
data.append(73)
data.append(83)
print(data, len(data))
print(data[0])
print('=', data[::2])
print(data[1:3])
print(data[1:-1])
data[1] = -8
print(data)
