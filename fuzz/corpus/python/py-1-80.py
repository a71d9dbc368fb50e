import numpy as np

np.random.seed(226)
a = np.random.randn(2)
np.random.seed(226)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)

np.random.seed(2024)
print(np.random.randn(2, 2))
x = np.random.randn(5)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(0)
x = np.random.randn(100)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(123)
data = np.random.randn(5, 2)
labels = np.random.choice(3, 5)
idx = np.random.choice(5, 4)
print(idx)
print(data[idx])
print(labels[idx])
