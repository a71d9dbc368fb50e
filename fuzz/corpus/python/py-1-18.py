acc = 12
acc //= 3
print(acc)
acc += 9
print(acc)
acc %= 6
acc -= 2.9
print(acc)
n = 19
n //= 4
n **= 2
n %= 8
print(n)

a = 11
b = -5
c = -3.4
print(b * (8 - 8), 6 * 4 * (c % a))
print((c - c) * (a - c), 8 / (3.4 * (4 * 4.3)))

q = 60
p = -8
print(q / p, q - p)
print(q + p, q % -p)

base = 3
e = 5
print("result:", base ** 0, base ** -e, 4 ** -0.5)
print("got", base ** e ** 0, 10 ** -3, 9 ** 0.5)
print('value:', 2 ** 10)

a = 1
b = 0.0
print(b or 7, a is None)
print(True + True, a > 0 or b > 0)
flag = a > 1 and b != 0
print(flag, not flag)
