import numpy as np

m = np.array([[0, 6, 7], [-7, -6, -7]])
m[0, 0] = 45
m[1, :] = 0
print(m)
m[:, 2] = np.array([8, 6])
print(m)

y = np.array([[-0.7, 1.8, 0.2, 0.4], [1.5, -2.0, -1.3, -0.7], [-2.8, -2.5, 0.5, 0.7], [3.0, -0.3, -2.6, -0.9]])
t = np.array([2, 0, 1, 2])
pred = np.argmax(y, axis=1)
print(pred, pred == t)
print(np.sum(pred == t) / len(t))
onehot = np.eye(4)[t]
print(onehot)
print(np.argmax(onehot, axis=1) == t)

a = np.arange(7.0)
a[1:3] += 6
print(a)
m = np.array([[2.5, 0.4, -0.3], [2.4, -1.3, -3.0], [1.5, 0.2, 2.3]])
m[:, 0] -= m[:, 1]
m[1] *= -1
print(m)
m[::2] /= 2
print(m)
