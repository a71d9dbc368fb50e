x = 0.00045379999999999997
small = 0.000271
print(f"{x:,.1f}")
print(f"{x * small:.2e} {x:.1f}")
print(f"{x} {small}")

s1 = 'He said "hi"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
print("col1\tcol2")
print('line1\nline2')

n = 478
x = -15.32
ok = True
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(str(n * 2) + str(n), len(str(n)))
print(str(1 / 4), str(n) + '!')
print(len(str(x)))

a = 19
b = 4.1
name = "grad"
print(f"{a / 4}")
print(f"{name}: {a * b}")
print(f"{[a, b]}")
print(f"{name} -> {b:.2f}")
print(f'{a // 4} {a % 4} {-a // 4}')

print("[", end="")
print('c')
print("a", "b", "c", sep="-")
print("tab", "sep", sep="\t")
print("x" + "y")
print()
