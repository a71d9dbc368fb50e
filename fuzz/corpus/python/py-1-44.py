import numpy as np

np.random.seed(9647)
print(np.random.choice(7, 5))
batch = np.random.choice(407, 3)
print(batch, batch.dtype)
print(np.random.choice(5))
print(np.random.choice(7, 3, replace=False))

np.random.seed(2)
u = np.random.rand(2)
print(u)
print(np.random.rand(3, 2))
print(u > 0.5, (u > 0.5).sum())

np.random.seed(123)
data = np.random.randn(5, 2)
labels = np.random.choice(3, 5)
idx = np.random.choice(5, 4)
print(idx)
print(data[idx])
print(labels[idx])
