import numpy as np

W = np.array([[-0.2, 1.0], [0.1, -2.0]])
b = np.zeros(2)
params = {'W': W, 'b': b}
print(params)
print([np.zeros(2), np.arange(4)])
print((W.shape, b.shape), W.shape[0])
print((W, 1))
grads = [b + 1, np.array([True, False])]
print(grads)

a = np.array([3, -2])
f = np.array([-2.1, 4.3, -1.0, 4.0])
s = np.sum(a)
print(s)
print(s * 2, s / 4)
print((np.mean(a),))
print([f.max(), f.argmax(), a.min()])
print(f"mean={np.mean(f):.3f} sum={s:d}")
