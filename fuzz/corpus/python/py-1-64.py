s1 = 'He said "hi"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
print("col1\tcol2")
print('line1\nline2')

a = 12
b = -6.9
name = 'grad'
print(f"{[a, b]}")
print(f'{a // 4} {a % 4} {-a // 4}')
print(f"{a / 4}")
print(f"{a > 2} {b < 0}")
print(f"{a} + {b} = {a + b}")

bar = ''
for i in range(5):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['apple', 'fig', 'mango', 'cherry']:
    msg = msg + w + ' '
print(msg + '.', len(msg))

first = "Minho"
last = "Lee"
full = first + ' ' + last
print(full)
print(len(full), len(first + last), len(''))
greeting = "Hello, " + full + '!'
print(greeting)
tag = last + '-' + first
print(tag, len(tag) > 8)
