a = 11
b = 9.0
name = "step"
print(f'{name}={a}, {name}2={a * 2}')
print(f"{a > 2} {b < 0}")
print(f"({a}, {b})", f"{a - b}")
print(f"{a} + {b} = {a + b}")

s1 = 'He said "no"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
print("col1\tcol2")
print('line1\nline2')
empty = ''
print(empty + 'x', len(empty), empty == "")
