score = 0
lo = -2
hi = 8
print(0 < score < 5, score == score * 1.0, not score > 5)
print(score >= hi, lo < hi > score, lo <= score < hi and score % 2 == 0)

a = 2
b = 4
print(True + True)
print("got", a and b, (a or 1) * 10)
print(b or 7)

s = 13
s += 9
s /= 2
print(s)
s //= 2
print(s)
n = 30
n //= 4
n **= 2
n %= 5
print(n)
