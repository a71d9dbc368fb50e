items = [1, "kiwi", 3.0, None, True, (3, 8), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(('a', 1, 0.43))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print({'name': "O'Brien", 'x': 1.5, 'ok': False})
print(((1,), [()], {}))
print([[], [[]], ''])

ages = {'ann': 48, 'eve': 57}
ages['bob'] = 43
ages['ann'] = 51
print(ages)
print(len(ages), "eve" in ages, "cy" in ages)
print(ages['bob'])
for name, v in ages.items():
    print(name, v)
