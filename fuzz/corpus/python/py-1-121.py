def add_item(lst, v):
    lst.append(v)
    return len(lst)

bag = [3]
n = add_item(bag, 'fig')
n = add_item(bag, 2.5)
print(n, bag)
def rebind(lst):
    lst = [0]
    return lst

print(rebind(bag), bag)

square = lambda v: v * v
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 5), square(0.5))

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print(fact(11), fact(1), fact(0))
print(fact(11) // fact(9))
