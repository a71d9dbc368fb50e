rows = [("apple", 39, 6.58), ('mango', 35, 7.88), ("kiwi", 16, 7.61)]
total = 0
for name, count, cost in rows:
    print(f"{name:>7}: {count:3d} @ {cost:.3f}")
    total = total + count * cost
print(f"total {total:>10.2f}")

bar = ''
for i in range(5):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['fig', 'grape']:
    msg = msg + w + ' '
print(msg + '.', len(msg))
parts = ''
for k in range(3):
    parts = parts + str(k) + ','
print(parts)
