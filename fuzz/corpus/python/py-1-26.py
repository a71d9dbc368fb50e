import numpy as np

np.random.seed(2)
x = np.random.randn(1000)
print(x.mean(), x.max(), np.argmax(x))
print((x > 0).sum(), x[:3])

np.random.seed(2)
W = 1.0 * np.random.randn(3, 3)
b = np.zeros(3)
print(W)
print(b)
x = np.random.rand(2, 3)
print(np.dot(x, W) + b)
