import numpy as np

m = np.array([[2.3, -2.0, -1.9], [-2.4, -1.8, 1.0], [-2.7, -1.1, 1.1]])
print(m[:2])
print(m[:, :1])
print(m[1][2])
print(m[:, 1])
print(m[:, -1])
print(m[1, :])
print(m[:, 1].shape, m[1:, :2].shape, m[1].shape)

a = np.arange(7.0)
a[1:3] += 7
print(a)
m = np.array([[1.8, -1.5, 1.0], [2.4, 2.5, 2.6], [-2.7, 0.7, -1.8]])
m[:, 0] -= m[:, 1]
m[1] *= -1
print(m)
a[-2:] = 1.5
a[::3] -= 0.5
print(a)

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[0.2, -0.6], [1.4, 0.1]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 1
print(layer.W)
print(W is layer.W, params['W'] is W)
V = W
V += 1
print(W)
V = V + 1
print(W[0], V[0])
