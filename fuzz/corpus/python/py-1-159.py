import numpy as np

print(np.arange(-2.0, 2.0, 0.5))
print(np.linspace(0, 1, 5))
print(np.zeros((2, 3)))
a = np.array([-7, 7, -2, -8, -5])
z = np.zeros_like(a)
o = np.ones_like(a * 0.5)
print(z, z.dtype)
print(o, o.dtype)
e = np.eye(3)
print(e.dtype, e.sum(), e[1])

W = np.array([[-9, 5, -9], [-4, 8, -3], [-4, -9, -4]])
x = np.array([[-7, -6, -3]])
v = np.array([8, 7, 7])
print((x @ W).shape)
print(np.dot(v, W))
print(np.dot(W.T, x.T))
