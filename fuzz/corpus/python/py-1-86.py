class Meter:
    def __init__(self, name, step=1):
        self.name = name
        self.step = step
        self.n = 5

    def inc(self):
        self.n += self.step
        return self

    def inc_twice(self):
        self.inc()
        self.inc()
        return self.n

right = Meter("right")
b = Meter("b", step=9)
right.inc()
print(right.inc_twice(), b.inc_twice(), b.inc().n)
print(right.name, right.n, b.name, b.n)
right.n = 139
right.extra = 'set later'
print(right.n, right.extra, b.n)
