x = 1.5
n = 46
print(int(-n / 4), int(x * 10))
print("->", int(n / 4))
print('=', int(x))

a = 2
b = 0.0
print(a or b)
print('out', None is None, a > 0 and b > 0)
print('out', not a)
print(0 or a, not b)
flag = a > 1 and b != 0
print(flag, not flag)

tiny = 1e-07
huge = 1.5e3
print(1e22)
print(2 / 3)
print(0.0001 * 10)
print(1e-4, 0.5e-10)

a = -2
b = -4
c = -2.7
print(((b / 2) - (2.5 * 4.7)) ** 2, ((c % 3.0) * (0.1 * 0.5)) + b)
print(b / (3.6 + c * c))

age = 8
lo = -5
hi = 2
print('out', lo <= age <= hi, age < lo or age > hi, 3 == 3.0)
print('=', age >= hi, lo < hi > age, not age > 5)
print(age == age * 1.0)
