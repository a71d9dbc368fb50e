import numpy as np

np.random.seed(3)
u = np.random.rand(2)
print(u)
print(np.random.rand(2, 2))
print(u > 0.5, (u > 0.5).sum())

np.random.seed(2024)
data = np.random.randn(7, 2)
labels = np.random.choice(3, 7)
idx = np.random.choice(7, 3)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(2024)
r = np.random.rand()
print(r, r < 1.0)
g = np.random.randn()
print(g)
print([np.random.choice(4)])

np.random.seed(2)
print(np.random.randn(3, 4))
x = np.random.randn(2)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(7294)
print(np.random.choice(17, 2))
batch = np.random.choice(319, 5)
print(batch, batch.dtype)
print(np.random.choice(3))
