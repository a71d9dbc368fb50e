import numpy as np

f = np.array([5.0, 0.32, -1.14, -0.87, -3.4])
i = f.astype(int)
print(i, i.dtype)
k = np.array([[2, -3, -8, -2], [5, 4, -9, 6]])
g = k.astype(float)
print(g, g.dtype)
print(g / 2, (k / 2).dtype)
m = f > 0
print(m.astype(int), m.astype(float))

i = np.array([7, 0, 4, -2])
mask = i > -3
print((mask * 1).dtype)
print(mask + mask)
print(i ** 2)
print(mask * 1.5)
print(mask.astype(int) - 1)
print((i * 2).dtype)
print(i // 2)
print(i % 3)
