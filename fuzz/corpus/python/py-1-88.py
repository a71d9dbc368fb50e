import numpy as np

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[-1.8, 2.0], [-1.5, -0.4]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 1
print(layer.W)
print(W is layer.W, params['W'] is W)
grads = [W, layer.W]
grads[0] *= 2
print(layer.W)
U = W.copy()
U *= 0
print(W.sum() != 0, U)

y = np.array([[1.0, 0.41, 0.4, 0.74], [0.72, 0.59, 0.57, 0.01], [0.2, 0.97, 0.17, 0.32]])
t = np.array([0, 1, 2])
print(y[np.arange(3), t])
d = y.copy()
d[np.arange(3), t] -= 1
print(d)
print(y[:, [3, 0]])
print(y[[0, 2]])
v = np.zeros(3)
v[[0, 0, 2]] += 1
print(v)
