def total(xs):
    s = 0
    for x in xs:
        s += x
    return s

def mean(xs):
    return total(xs) / len(xs)

def variance(xs):
    m = mean(xs)
    acc = 0
    for x in xs:
        acc += (x - m) ** 2
    return acc / len(xs)

data = [9, -5, -5, -7, 15]
print(total(data), mean(data))
print(variance(data), variance(data) ** 0.5)
