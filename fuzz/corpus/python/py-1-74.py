print(list(range(3)))
print(list(range(3, 20, 2)))
print(list(range(20, 3, -2)))
steps = list(range(3, 20))
print(steps[-1], len(steps), steps[::3])
print(list(range(0)), list(range(3, 3)))

data = [-16, 17, -5]
data.append(70)
data.append(84)
print(data, len(data))
print('=', data[-1])
print("result:", data[1:-1])
print(99 in data)
data[1] = -8
data.reverse()
print(data)
