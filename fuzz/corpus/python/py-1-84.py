xs = [3, 5, 6, 8, 1]
target = 3
found = None
for i in range(len(xs)):
    if xs[i] == target:
        found = i
        break
print('found at', found)

for v in [0, -5, 8, 8, -6]:
    if v > 8:
        print(v, "big")
    elif v > 0:
        print(v, "small")
    elif v == 0:
        pass
    else:
        print(v, "negative")
print('done')

x = 6.1
count = 0
while True:
    x = x / 2
    count += 1
    if x < 0.01:
        break
print(count, x)
