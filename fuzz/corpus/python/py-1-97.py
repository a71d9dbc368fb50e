import numpy as np

y = np.array([[1.9, -0.8, -1.0], [1.1, -3.0, 1.8], [2.3, 2.6, -0.4], [-2.3, 2.8, 2.0], [2.0, -2.6, 1.3]])
t = np.array([1, 2, 1, 0, 2])
pred = np.argmax(y, axis=1)
print(pred, pred == t)
print(np.sum(pred == t) / len(t))
onehot = np.eye(3)[t]
print(onehot)
print(np.argmax(onehot, axis=1) == t)

m = np.array([[-0.9, 1.8, 1.3], [0.8, -1.5, -0.4], [-2.9, 1.3, 2.5]])
print(m[-2:, 1:3])
print(m[1][2])
print(m[:, -1])
print(m[:2])
print(m[:, 1].shape, m[1:, :2].shape, m[1].shape)

x = np.array([1.5, 0.9, 2.4, -2.3, 2.9, 0.1])
print(x[x > 0])
mask = (x <= 0)
out = x.copy()
out[mask] = 0
print(mask)
print(out)
m = np.array([[-3, 7, 3], [6, 2, -1]])
print(m[m > 0])
m[m < 0] = -1
print(m)
print(x[mask].shape, mask.sum())

y = np.array([[0.16, 0.32, 0.16], [0.9, 0.59, 0.63], [0.29, 0.93, 0.73]])
t = np.array([2, 0, 2])
print(y[np.arange(3), t])
d = y.copy()
d[np.arange(3), t] -= 1
print(d)
print(y[[0, 2]])
print(t[[0, 0, 2]])
