import numpy as np

a = np.arange(12)
b = a.reshape(2, 6)
c = a.reshape((6, 2))
d = a.reshape(-1, 2)
print(b)
print(c.shape, d.shape)
print(b.flatten())
print(b.transpose())
e = b.copy()
e[0, 0] = 100
print(b[0, 0], e[0, 0])

x = np.array([2.4, 0.3, 0.5, 3.0, -1.7])
p = np.array([5.2, 6.75, 5.5])
print(np.maximum(x, 0.5))
print(x ** 2)
print(np.sqrt(p))
print(np.tanh(x))
print(np.sqrt(p) * np.sqrt(p))
print(np.exp(np.log(p)))

W = np.array([[-0.1, 0.9, 0.7], [-3.0, -0.4, -1.5]])
b = np.zeros(2)
params = {'W': W, 'b': b}
print(params)
print([np.zeros(2), np.arange(3)])
print((W.shape, b.shape), W.shape[0])
print((W, 1))
grads = [b + 1, np.array([True, False])]
print(grads)
print([np.array([2, 88])], [np.array([0.5])])
