def split(total, parts=3):
    each = total // parts
    rest = total % parts
    return each, rest

q, r = split(83)
print(q, r)
print(split(83, parts=8))
print(split(-83, 8))
result = split(83, 8)
print(result[0] * 8 + result[1])

def show(label, x):
    print(label, x)

r = show('value', 98)
print(r, r is None)
def maybe(x):
    if x > 0:
        return x

print(maybe(8), maybe(-9))
