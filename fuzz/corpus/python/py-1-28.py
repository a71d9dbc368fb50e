first = "Grace"
last = "Kim"
full = first + ' ' + last
print(full)
print(len(full), len(first + last), len(''))
greeting = "Hello, " + full + '!'
print(greeting)

rows = [("kiwi", 22, 8.43), ('plum', 93, 3.83)]
total = 0
for name, count, cost in rows:
    print(f"{name:<8}{count:4d}{cost:8.2f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

print("x" + "y")
print('a', 'b', end=' ')
print("[", end="")
print("one", "two", sep="\n")
print("tab", "sep", sep="\t")
print("x", "y", sep="")
print("no newline", end="")
print()

n = 189
x = 8.43
ok = True
line = "n=" + str(n) + ", x=" + str(x) + ", ok=" + str(ok)
print(line)
print(str(-n), str(x / 3))
print(str(n) + '!', str(float(n)))
