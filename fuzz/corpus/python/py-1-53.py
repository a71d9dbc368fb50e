import numpy as np

np.random.seed(2)
data = np.random.randn(5, 2)
labels = np.random.choice(3, 5)
idx = np.random.choice(5, 2)
print(idx)
print(data[idx])
print(labels[idx])

np.random.seed(7)
x = np.random.randn(100)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(7)
u = np.random.rand(5)
print(u)
print(np.random.rand(3, 2))
print(u > 0.5, (u > 0.5).sum())

np.random.seed(7054)
print(np.random.choice(16, 2))
batch = np.random.choice(584, 5)
print(batch, batch.dtype)
print(np.random.choice(3))

np.random.seed(74)
a = np.random.randn(3)
np.random.seed(74)
b = np.random.randn(a.size)
print(a - b)
print((a == b).sum(), a.size)
