bar = ''
for i in range(2):
    bar = bar + '#'
print(bar, len(bar))
msg = ''
for w in ['plum', 'grape', 'mango', 'lemon']:
    msg = msg + w + ' '
print(msg + '.', len(msg))

s1 = 'He said "no"'
s2 = "it's"
print(s1, s2, sep=' | ')
print(len(s1) + len(s2))
print(s1 + ' and ' + s2)
empty = ''
print(empty + 'x', len(empty), empty == "")

big = 74352418
n = 635
m = -24
print(f"{-big:,}")
print(f"[{n:4d}|{m:<4d}|{m:>6d}]")
print(f"{n:08d}")
