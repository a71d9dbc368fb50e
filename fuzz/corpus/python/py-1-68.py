class Meter:
    def __init__(self, name, step=3):
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

right = Meter('right')
second = Meter('second', step=5)
right.inc()
second.inc()
print(right.inc_twice(), second.inc_twice(), second.inc().n)
print(right.name, right.n, second.name, second.n)
right.n = 17
right.extra = 'set later'
print(right.n, right.extra, second.n)
