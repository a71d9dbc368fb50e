import numpy as np

np.random.seed(2)
data = np.random.randn(8, 2)
labels = np.random.choice(3, 8)
idx = np.random.choice(8, 2)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(7)
print(np.random.randn(1, 4))
x = np.random.randn(2)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(266)
a = np.random.randn(2)
np.random.seed(266)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)

np.random.seed(2)
r = np.random.rand()
print(r, r < 1.0)
g = np.random.randn()
print(g)
print([np.random.choice(4)])
