# (h2) a plain loop: ten million integer additions into one variable.
total = 0
for i in range(10 ** 7):
    total += i
print(total)
