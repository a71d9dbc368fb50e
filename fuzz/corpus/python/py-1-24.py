import numpy as np

f = np.array([1.75, -1.19, -4.66, -1.7])
i = f.astype(int)
print(i, i.dtype)
k = np.array([-2, -9, -6, -6, -9])
g = k.astype(float)
print(g, g.dtype)
print(g / 2, (k / 2).dtype)
m = f > 0
print(m.astype(int), m.astype(float))

W = np.array([[-9, -1], [5, 5]])
x = np.array([[-1, 6]])
v = np.array([-2, 1])
print(np.dot(x, W))
print((x @ W).shape)
print(x @ W + 1)
print(W.T @ v)
print(x @ W)

x = np.array([1.1, 0.6, 1.0, -0.8])
p = np.array([4.47, 7.3, 5.6])
print(x * 2 - 1)
print(np.sqrt(p))
print(x ** 2)
print(np.log(p))
print(np.exp(x))
print(np.maximum(x, 0.5))
