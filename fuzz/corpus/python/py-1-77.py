class Clicker:
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

left = Clicker('left')
a = Clicker("a", step=6)
a.inc()
left.inc()
print(left.inc_twice(), a.inc_twice(), a.inc().n)
print(left.name, left.n, a.name, a.n)
left.n = 125
left.extra = 'set later'
print(left.n, left.extra, a.n)
