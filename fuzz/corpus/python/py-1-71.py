import numpy as np

np.random.seed(7)
data = np.random.randn(7, 2)
labels = np.random.choice(3, 7)
idx = np.random.choice(7, 2)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(42)
print(np.random.randn(1, 3))
x = np.random.randn(3)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(1)
W = 0.01 * np.random.randn(3, 3)
b = np.zeros(3)
print(W)
print(b)
x = np.random.rand(3, 3)
print(np.dot(x, W) + b)
