x = 42
def f():
    x = 84
    return x

def g():
    return x * 2

print(f(), g(), x)
def h(x, y=None):
    if y is None:
        y = x
    return x + y
print(h(2), h(5, y=7))

def power(base, e):
    if e == 0:
        return 1
    half = power(base, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * base

print(power(4, 4), 4 ** 4)
print(power(0.6, 2))

def show(label, x):
    print(label, x)

r = show("value", 39)
print(r, r is None)
def maybe(x):
    if x > 0:
        return x

print(maybe(3), maybe(-4))
