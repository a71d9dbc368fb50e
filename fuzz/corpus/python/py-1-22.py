def split(total, parts=3):
    each = total // parts
    rest = total % parts
    return each, rest

q, r = split(20)
print(q, r)
print(split(20, parts=7))
print(split(-20, 7))
result = split(20, 7)
print(result[0] * 7 + result[1])

def add_item(lst, v):
    lst.append(v)
    return len(lst)

bag = [6]
n = add_item(bag, "grape")
n = add_item(bag, 2.5)
print(n, bag)
def rebind(lst):
    lst = [0]
    return lst

print(rebind(bag), bag)

def power(base, e):
    if e == 0:
        return 1
    half = power(base, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * base

print(power(2, 3), 2 ** 3)
print(power(0.8, 4))
