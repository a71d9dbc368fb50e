bar = ''
for i in range(3):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['fig', 'lemon']:
    msg = msg + w + ' '
print(msg + '.', len(msg))
parts = ''
for k in range(3):
    parts = parts + str(k) + ','
print(parts)

w = 94.8915
k = 41
print(f"{w:.1f} / {w:.4f}")
print(f"{k:d} units")
print(f"{w * 1000:,.2f}")
print(f"{w / k:.3e}")
print(f'{w:.2e}')

rows = [('mango', 120, 7.46), ('fig', 49, 1.57), ('plum', 33, 6.05), ('apple', 1, 0.29)]
total = 0
for name, count, cost in rows:
    print(f"{name:<8}{count:4d}{cost:8.2f}")
    total = total + count * cost
print(f"total {total:>10.2f}")
