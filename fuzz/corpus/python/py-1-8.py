import numpy as np

np.random.seed(2953)
x = np.random.randn(500)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(246)
a = np.random.randn(3)
np.random.seed(246)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)

np.random.seed(7)
data = np.random.randn(5, 2)
labels = np.random.choice(3, 5)
idx = np.random.choice(5, 2)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(3)
print(np.random.randn(3, 4))
x = np.random.randn(3)
print(x * 0.01)
print(x.shape, x.dtype)
