import numpy as np
from numpy import arange

a = np.arange(12).reshape(3, 4)
v = a[1]
v[:] = -1
print(a)
t = a.T
t[0, 0] = 100
print(a[0], t.shape, a.flags if False else a.ndim)
b = a.astype(float) / 2
print(b.dtype, b[0], (a > 0).dtype, np.array([1, 2]) * 1.5, np.array([True, False]) + 1)
m = np.array([[1.0, -2.0], [-3.0, 4.0]])
mask = m <= 0
out = m.copy()
out[mask] = 0
print(mask, out, sep='\n')
dx = np.zeros((3, 4))
dx[np.arange(3), [0, 1, 1]] += 1
print(dx)
idx = np.array([0, 0, 2])
c = np.zeros(3)
c[idx] += 1
print(c)
print(np.sum(a, axis=0), a.sum(axis=1, keepdims=True).shape, a.mean(), np.max(m), m.argmax())
print(np.dot(m, m), m @ np.array([1.0, 1.0]), np.exp(0), np.log(np.e))
print([np.float64(1.5), np.int64(3), np.True_], np.float64(2.0) * 3, type(np.sum(a)).__name__ if False else np.sum(a))
print(np.zeros((2, 0)).shape, np.ones(3, dtype=int), np.eye(2, dtype=bool) if False else np.eye(2))
print(np.linspace(0, 1, 5), arange(0, 1, 0.25), np.maximum(m, 0), np.where(m > 0, m, 0.0))
print(repr(np.array([[1.5, 2.0], [3.0, 4.25]])), repr(np.array(3.0)), repr(np.arange(3)))
try:
    np.ones(3) + np.ones(4)
except ValueError as e:
    print('ValueError:', e)
try:
    a[5]
except IndexError as e:
    print('IndexError:', e)
try:
    np.ones((2, 3)).reshape(4, 2)
except ValueError as e:
    print('ValueError:', e)
