s1 = 'He said "no"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
empty = ''
print(empty + 'x', len(empty), empty == "")

bar = ''
for i in range(3):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['plum', 'kiwi', 'lemon', 'mango']:
    msg = msg + w + ' '
print(msg + '.', len(msg))
parts = ''
for k in range(3):
    parts = parts + str(k) + ','
print(parts)

n = 139
x = -14.5
ok = True
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(len(str(x)), str(1 / 4), str(2 ** 20))
print(len(str(n)))
print(str(n) + '!')
