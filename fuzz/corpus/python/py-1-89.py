import numpy as np

np.random.seed(0)
print(np.random.randn(3, 3))
x = np.random.randn(5)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(6367)
data = np.random.randn(6, 2)
labels = np.random.choice(3, 6)
idx = np.random.choice(6, 4)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(7)
x = np.random.randn(1000)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(382)
a = np.random.randn(2)
np.random.seed(382)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)

np.random.seed(3)
r = np.random.rand()
print(r, r < 1.0)
g = np.random.randn()
print(g)
print([np.random.choice(4)])
