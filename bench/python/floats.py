# (h5) a list of floats: a million appends, then sum(). Its peak RSS is also compared
# (CPython keeps each float as a 24-byte object plus an 8-byte pointer in the list).
values = []
for i in range(1000000):
    values.append(i * 0.5)
print(sum(values))
