principal = 3609
rate = 0.02
years = 2
amount = principal * (1 + rate) ** years
print(amount)
print(amount - principal, amount > principal * 1.1)

price = 9.8
count = 3
y = price * count - 3
print(price % -2.5)
print(y / count)
print(-price % 2, count + 0.5, price - price)

b = 2
p = 5
print(2.0 ** 3, b ** -p)
print(b ** 0.5, b ** -1, 10 ** -3)
print("result:", 2 ** -2)
