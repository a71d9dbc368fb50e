import numpy as np

np.random.seed(2)
print(np.random.randn(1, 2))
x = np.random.randn(4)
print(x * 0.01)
print(x.shape, x.dtype)

np.random.seed(2024)
u = np.random.rand(3)
print(u)
print(np.random.rand(3, 3))
print(u > 0.5, (u > 0.5).sum())
