import numpy as np

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[-1.1, -1.0], [-0.6, -2.3]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 0.5
print(layer.W)
print(W is layer.W, params['W'] is W)
params['W'] = params['W'] * 2
print(layer.W)
print(params['W'])

a = np.arange(7.0)
a[1:3] += 2
print(a)
m = np.array([[2.4, 0.2, 2.4], [2.2, 2.3, -2.1], [-2.5, 1.6, -2.8]])
m[:, 0] -= m[:, 1]
m[1] *= -1
print(m)
m[::2] /= 2
print(m)
