class Counter:
    def __init__(self, name, step=1):
        self.name = name
        self.step = step
        self.n = 4

    def inc(self):
        self.n += self.step
        return self

    def inc_twice(self):
        self.inc()
        self.inc()
        return self.n

first = Counter("first")
b = Counter("b", step=5)
first.inc()
b.inc()
print(first.inc_twice(), b.inc_twice(), b.inc().n)
print(first.name, first.n, b.name, b.n)
first.n = 100
first.extra = "set later"
print(first.n, first.extra, b.n)
