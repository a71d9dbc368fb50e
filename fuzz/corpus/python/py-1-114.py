import numpy as np

x = np.array([-2.6, 3.0, 1.4])
p = np.array([0.69, 0.8])
print(1 / (1 + np.exp(-x)))
print(np.maximum(x, 0.5))
print(-x)
print(np.sqrt(p))
print(np.abs(x))

print(np.zeros(2))
print(np.ones(4))
print(np.zeros((1, 4)))
print(np.arange(5, 0, -3))
a = np.array([-1, -6, 6, -7, -6])
z = np.zeros_like(a)
o = np.ones_like(a * 0.5)
print(z, z.dtype)
print(o, o.dtype)
