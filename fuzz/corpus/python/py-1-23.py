class Clicker:
    def __init__(self, name, step=1):
        self.name = name
        self.step = step
        self.n = 0

    def inc(self):
        self.n += self.step
        return self

    def inc_twice(self):
        self.inc()
        self.inc()
        return self.n

b = Clicker("b")
first = Clicker("first", step=3)
first.inc()
b.inc()
print(b.inc_twice(), first.inc_twice(), first.inc().n)
print(b.name, b.n, first.name, first.n)
b.n = 49
b.extra = "new"
print(b.n, b.extra, first.n)
