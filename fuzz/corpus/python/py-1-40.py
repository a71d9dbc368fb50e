square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 5), square(2.1))

def slope(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)

loss = lambda W: (W - 0.7) ** 2
w = -3.0
g = slope(loss, w)
print(abs(g - 2 * (w - 0.7)) < 1e-6)
print(loss(w), loss(0.7))
print((lambda a, b=2: a * b)(7), (lambda: 'none')())

def add_item(lst, v):
    lst.append(v)
    return len(lst)

bag = [8]
n = add_item(bag, 'mango')
n = add_item(bag, 2.5)
print(n, bag)
def rebind(lst):
    lst = [0]
    return lst

print(rebind(bag), bag)
