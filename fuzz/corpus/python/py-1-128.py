ages = {'bob': 52, "fay": 38}
ages["dee"] = 31
ages["bob"] = 40
print(ages)
print(len(ages), "fay" in ages, "ann" in ages)
print(ages['dee'])
print(list(ages.keys()), list(ages.values()))

items = [1, "plum", 3.0, None, True, (1, 5), [6], {'k': 0.1}]
print(items)
print(items[1], items[-1])
print(('a', 1, -1.76))
print([0.1 + 0.2, 1e-05, 2.0, 1 / 3, 10 / 2])
print({'name': "O'Brien", 'x': 1.5, 'ok': False})
