def combine(w, h=2, scale=1):
    return w * h * scale

print(combine(4), combine(3, 9))
print(combine(h=3.7, w=7), combine(2, scale=0.5))
print(combine(8, 4, 2))

x = 41
def f():
    x = 80
    return x

def g():
    return x * 2

print(f(), g(), x)
def h(x, y=None):
    if y is None:
        y = x
    return x + y
print(h(1), h(7, y=1))
