m = 79
k = 2
print(-m // k, m % k)
print(m - k, m * k)
print(m // k)

tiny = 1e-07
huge = 2e10
print(123456789.0 * 10)
print(huge * tiny, 1.0e5, tiny + 1)
print(100.0)
print(1e-4)

base = 4
e = 4
print((-2) ** 3, 10 ** -3)
print('value:', base ** e ** 0)
print(base ** -e)

a = 5
b = 0
print(a > 0 and b > 0)
print(a and not b, True * 3, True + True)
print(a > 0 or b > 0)
print(a or b)
flag = a > 1 and b != 0
print(flag, not flag)

n = 235999504
factor = 558118
print(n - factor * factor, n / 3, n * 1.0)
print(n % 1000)

a = 1
b = 3
c = -2.8
print((a - b) * (6 // 2 * 6), (3.7 % a) - 2.7 * c)
print(c / b - b * (b - (4 ** 0)))
