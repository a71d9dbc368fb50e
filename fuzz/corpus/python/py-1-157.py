def make_scaler(k):
    def scale(x):
        return k * x
    return scale

double = make_scaler(3)
print(double(1), make_scaler(-1.2)(7))

rate = 0.5
def step(w, g):
    return w - rate * g
print(step(-0.4, 1.8))

def show(label, x):
    print(label, x)

r = show('value', 23)
print(r, r is None)
def maybe(x):
    if x > 0:
        return x

print(maybe(2), maybe(-3))

def central_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)

def curve(x):
    return -1 * x ** 2 + 0.1 * x

for x in (1, 7):
    g = central_diff(curve, x)
    print(x, curve(x), abs(g - (2 * -1 * x + 0.1)) < 1e-5)
print(central_diff(lambda t: t * t * t, 2.0) > 0)
