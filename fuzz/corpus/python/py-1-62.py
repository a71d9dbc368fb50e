import numpy as np

np.random.seed(1)
print(np.random.randn(1, 2))
x = np.random.randn(5)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(2024)
data = np.random.randn(8, 2)
labels = np.random.choice(3, 8)
idx = np.random.choice(8, 3)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(2)
x = np.random.randn(1000)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(230)
a = np.random.randn(3)
np.random.seed(230)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)
