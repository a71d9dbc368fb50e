import numpy as np

W = np.array([[-1.5, 0.4], [-1.6, -1.3], [-1.5, -0.2]])
b = np.zeros(3)
params = {'W': W, 'b': b}
print(params)
print([np.zeros(2), np.arange(3)])
print((W.shape, b.shape), W.shape[0])
print((W, 1))

i = np.array([-7, -2, -5])
mask = i > -1
print(np.sum(mask))
print(i * mask)
print((i + 0.5).dtype)
print(mask.sum())
print(mask * 3)
print(mask + 1)
print(i ** 2)

a = np.array([[-6, -3, 8], [1, -9, -2]])
b = np.array([[2.6, 0.9, -2.2], [-0.2, 1.9, 0.5], [1.3, -2.9, 0.3]])
m = np.array([False, True, True, True])
print(a)
print(a.shape, a.ndim, a.size, a.dtype)
print(b)
print(b.dtype, m.dtype, b.T.shape)
print(m, a.T)
mixed = np.array([1, 2.5, -3])
print(mixed, mixed.dtype)
