import numpy as np

m = np.arange(20).reshape(4, 5)
print(m[1:, :2])
print(m[-2:, 1:3])
print(m[1, :])
print(m[::2, ::-1])
print(m[:, -1])
print(m[:, 1].shape, m[1:, :2].shape, m[1].shape)

a = np.arange(12) * 4
print(a[-1])
print(a[-4:])
print(a[2:8:2])
print(a[-3::-2])
print(a[10] + a[-10], a[2:5].shape)
