import numpy as np

x = np.array([2.1, 2.5, 2.6, -0.4, -2.5])
print(x[x > 0])
mask = (x <= 0)
out = x.copy()
out[mask] = 0
print(mask)
print(out)
m = np.array([[3, -3, 8], [7, -8, -9]])
print(m[m > -1])
m[m < 0] = -1
print(m)

m = np.arange(9).reshape(3, 3)
row = m[0]
row[1] = 72
print(m)
m[2][0] = -4
print(row, m[-1])
cp = m.copy()
cp[0, 0] = 1000
print(m[0, 0], cp[0, 0])

y = np.array([[0.2, 2.2], [2.4, -0.5], [1.8, -0.6], [-1.2, 1.7], [0.8, 0.3]])
t = np.array([1, 0, 1, 1, 0])
pred = np.argmax(y, axis=1)
print(pred, pred == t)
print(np.sum(pred == t) / len(t))
onehot = np.eye(2)[t]
print(onehot)
print(np.argmax(onehot, axis=1) == t)
