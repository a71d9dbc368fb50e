import numpy as np

print(np.array([[1e-3, 1.5], [-2.25, 1e4]]))
print(np.linspace(0, 3, 8))
print(np.exp(np.array([-12.0, 0.0, 8.0])))

i = np.array([-4, 1, 7, -6])
mask = i > 2
print(mask + mask)
print(mask.sum())
print(i // 2)
print(i * mask)
print(i + 0.5)
print((mask * 1).dtype)
print((i + 0.5).dtype)

W = np.array([[2.7, 2.1], [-1.6, -2.7], [1.8, 2.4]])
b = np.zeros(3)
params = {'W': W, 'b': b}
print(params)
print([np.zeros(2), np.arange(4)])
print((W.shape, b.shape), W.shape[0])
print((W, 1))

W = np.array([[-1.6, 2.3, 2.0], [1.0, 0.9, -0.4], [1.3, -1.9, -2.1]])
x = np.array([[-2.2, 0.1, 2.1], [2.8, -1.5, 1.8], [0.7, -2.7, -0.5]])
v = np.array([1.8, -2.6, 0.6])
print(np.dot(v, W))
print(np.dot(x, W))
print(np.dot(W.T, x.T))
print(W @ W.T)
print((x @ W).shape)

x = np.array([1.8, 2.8, -0.4])
e = np.exp(x - np.max(x))
p = e / np.sum(e)
print(p)
print(np.argmax(p), p.shape)
print(-np.log(p[np.argmax(x)] + 1e-7))
print(np.sum(p) > 0.999)
