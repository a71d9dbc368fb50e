import numpy as np

np.random.seed(0)
print(np.random.choice(12, 3))
batch = np.random.choice(903, 3)
print(batch, batch.dtype)
print(np.random.choice(4))

np.random.seed(2024)
data = np.random.randn(8, 2)
labels = np.random.choice(3, 8)
idx = np.random.choice(8, 2)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(221)
a = np.random.randn(2)
np.random.seed(221)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)

np.random.seed(2024)
r = np.random.rand()
print(r, r < 1.0)
g = np.random.randn()
print(g)
print([np.random.choice(4)])
