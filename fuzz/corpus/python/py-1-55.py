n = -33
x = -18.95
ok = True
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print("result:", len(str(n)))
print(str(x / 3), str(n) + '!')

first = "Alan"
last = "Kim"
full = first + ' ' + last
print(full)
print(len(full), len(first + last), len(''))

s1 = 'He said "hi"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
print("col1\tcol2")
print('line1\nline2')

rows = [('kiwi', 71, 6.17), ("lemon", 46, 2.83), ("grape", 88, 6.08)]
total = 0
for name, count, cost in rows:
    print(f"{name:<8}{count:4d}{cost:8.2f}")
    total = total + count * cost
print(f"total {total:>10.2f}")
