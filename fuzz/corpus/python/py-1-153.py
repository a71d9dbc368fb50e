tiny = 2.5e-4
huge = 6.02e23
print(1.0e5)
print('value:', 0.5e-10)
print('out', huge * tiny, tiny / 1000)
print(10 / 4)
print(0.0001 * 10)

a = 4
b = 0.0
print(not a, False or None, a or b)
print(a > 0 or b > 0, None is None)
flag = a > 1 and b != 0
print(flag, not flag)

m = 62
n = 6
print('=', m // n)
print(m / n, -m % n)
print(m / n * n, -m // n)
print(m % -n)

n = 505213241
factor = 458283
print('out', 2 ** 62 + 2 ** 61, n * factor)
print("->", float(n * factor), n % 1000, 10 ** 18)

principal = 1552
rate = 0.02
years = 4
amount = principal * (1 + rate) ** years
print(amount)
print(amount - principal, amount > principal * 1.1)
