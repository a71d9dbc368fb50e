import numpy as np

np.random.seed(2024)
print(np.random.choice(16, 5))
batch = np.random.choice(887, 4)
print(batch, batch.dtype)
print(np.random.choice(2))
print(np.random.choice(6, 4, replace=False))

np.random.seed(1)
x = np.random.randn(500)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(15)
a = np.random.randn(3)
np.random.seed(15)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)

np.random.seed(3)
print(np.random.randn(3, 2))
x = np.random.randn(3)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(7335)
W = 1.0 * np.random.randn(2, 2)
b = np.zeros(2)
print(W)
print(b)
x = np.random.rand(2, 2)
print(np.dot(x, W) + b)
