import numpy as np

np.random.seed(2024)
r = np.random.rand()
print(r, r < 1.0)
g = np.random.randn()
print(g)
print([np.random.choice(4)])

np.random.seed(123)
W = 0.1 * np.random.randn(4, 3)
b = np.zeros(3)
print(W)
print(b)
x = np.random.rand(2, 4)
print(np.dot(x, W) + b)

np.random.seed(3)
data = np.random.randn(6, 2)
labels = np.random.choice(3, 6)
idx = np.random.choice(6, 2)
print(idx)
print(data[idx])
print(labels[idx])
