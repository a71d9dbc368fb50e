scores = {'bob': 92, 'cy': 26, 'dee': 69}
passed = []
for name, s in scores.items():
    if s >= 59:
        passed.append(name)
    elif s >= 44:
        print(name, 'close')
    else:
        pass
print(passed, len(passed))

for v in [0, 10, 7, -9]:
    if v > 5:
        print(v, "big")
    elif v > 0:
        print(v, "small")
    elif v == 0:
        pass
    else:
        print(v, "negative")
print('done')

for i in range(6, 0, -3):
    print(i, end=' ')
print()
for t in (0.7, 4, 'x'):
    print(t)
