import numpy as np

m = np.array([[-9, -8, 6], [2, 0, 8]])
m[0, 0] = 32
m[1, :] = 0
print(m)
m[:, 2] = np.array([2, 6])
print(m)
m[0, 1] = 2.7
print(m, m.dtype)
f = np.zeros((2, 2))
f[1] = [1, 2]
f[0, 1] = -3
print(f)

y = np.array([[1.8, 1.9, 0.1], [1.9, 2.5, -2.1], [-2.6, -0.9, -0.2]])
t = np.array([2, 0, 2])
pred = np.argmax(y, axis=1)
print(pred, pred == t)
print(np.sum(pred == t) / len(t))
onehot = np.eye(3)[t]
print(onehot)
print(np.argmax(onehot, axis=1) == t)

a = np.arange(11) * 2
print(a[::-1])
print(a[3])
print(a[::3])
print(a[4:4])
print(a[1:-1])
print(a[10] + a[-5], a[2:5].shape)
