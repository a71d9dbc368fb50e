import numpy as np

a = np.arange(8.0)
a[1:3] += 10
print(a)
m = np.array([[1.5, -1.1, 2.2], [3.0, 1.5, -1.2], [1.7, -2.6, -0.4]])
m[:, 0] -= m[:, 1]
m[1] *= -1
print(m)

m = np.array([[-8, -1, 4], [4, 6, -9]])
m[0, 0] = 43
m[1, :] = 0
print(m)
m[:, 2] = np.array([8, 2])
print(m)
