for v in [3, -2, 11, -6, 12, 0]:
    if v > 7:
        print(v, "big")
    elif v > 0:
        print(v, "small")
    elif v == 0:
        pass
    else:
        print(v, "negative")
print('done')

xs = [5, 9, 8, 4]
target = 8
found = None
for i in range(len(xs)):
    if xs[i] == target:
        found = i
        break
print('found at', found)
