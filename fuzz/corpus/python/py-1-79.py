import numpy as np

m = np.array([[0.4, -1.9, -2.7, -1.5, -1.7], [2.8, 1.9, -0.6, -0.4, 2.6], [1.1, 0.8, 0.8, 1.5, -1.6]])
print(m[1, :])
print(m[:2])
print(m[-1, -1])
print(m[:, 1])
print(m[1][2])
print(m[:, 1].shape, m[1:, :2].shape, m[1].shape)

a = np.arange(11) * 2
print(a[:3])
print(a[-1])
print(a[-3::-2])
print(a[-4:])
print(a[3])
print(a[8] + a[-8], a[2:5].shape)

a = np.arange(6.0)
a[1:3] += 2
print(a)
m = np.array([[-1.2, 1.4, 2.3], [2.4, -0.6, 2.5], [-2.7, -0.1, 1.5]])
m[:, 0] -= m[:, 1]
m[1] *= -1
print(m)

m = np.array([[7, -2, -2], [3, -1, 0]])
m[0, 0] = 28
m[1, :] = 0
print(m)
m[:, 2] = np.array([3, 7])
print(m)
m[0, 1] = 2.7
print(m, m.dtype)
