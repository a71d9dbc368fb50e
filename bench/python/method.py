# (h3) method calls: a million calls of a method that reads and writes an attribute.
class Counter:
    def __init__(self):
        self.count = 0

    def add(self, n):
        self.count = self.count + n


counter = Counter()
for i in range(1000000):
    counter.add(1)
print(counter.count)
