def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print(fact(14), fact(1), fact(0))
print(fact(14) // fact(12))

def show(label, x):
    print(label, x)

r = show("value", 84)
print(r, r is None)
def maybe(x):
    if x > 0:
        return x

print(maybe(2), maybe(-2))

def make_scaler(k):
    def scale(x):
        return k * x
    return scale

double = make_scaler(2)
print(double(3), make_scaler(-0.3)(6))

rate = 0.1
def step(w, g):
    return w - rate * g
print(step(-0.5, 0.9))
