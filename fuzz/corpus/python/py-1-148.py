x = 13
def f():
    x = 82
    return x

def g():
    return x * 2

print(f(), g(), x)
def h(x, y=None):
    if y is None:
        y = x
    return x + y
print(h(4), h(3, y=7))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(6))
for k in range(6):
    print(k, fib(k))
