import numpy as np

a = np.arange(12)
b = a.reshape(2, 6)
c = a.reshape((6, 2))
d = a.reshape(-1, 2)
print(b)
print(c.shape, d.shape)
print(b.flatten())
print(b.transpose())
e = b.copy()
e[0, 0] = 100
print(b[0, 0], e[0, 0])

a = np.array([[-1, -9], [-3, -9], [-2, -3]])
row = np.array([2.0, 2.15])
col = np.array([[-2.0], [2.0], [-0.3]])
print(a * np.array([1, 0]))
print(a / (np.abs(a).sum(axis=1, keepdims=True) + 1))
print(row - col)
print((a + row).shape, (col * row).shape)
