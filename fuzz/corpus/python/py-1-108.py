t = -0.5
n = 40
print(float(n), abs(n), float(n) / 4)
print(int(-0.5), int(-t))
print('out', int(n / 4))

tiny = 2.5e-4
huge = 1e16
print(0.5e-10, 1e-4, tiny / 1000)
print(1 / 3)
print(tiny + 1, huge, 10 / 4)

n = -20
b = 7
print(-n % b, n - b)
print(n // b, n % b, n - b * 3)

age = 12
lo = -5
hi = 8
print("result:", not (lo < age), lo <= age <= hi)
print(lo <= age < hi and age % 2 == 0, age * 2 > hi, age >= hi)
print(3 == 3.0, 0 < age < 5)

total = 983922070
factor = 300002
print(total * 1.0, 2 ** 40 + total, total * factor)
print(10 ** 18)
