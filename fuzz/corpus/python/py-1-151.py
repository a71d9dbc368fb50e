import numpy as np

m = np.arange(12).reshape(4, 3)
print(m[-2:, 1:3])
print(m[:, 1])
print(m[0])
print(m[:, -1])
print(m[:, 1].shape, m[1:, :2].shape, m[1].shape)

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[-1.5, -2.6], [-1.8, -2.6]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 0.5
print(layer.W)
print(W is layer.W, params['W'] is W)
grads = [W, layer.W]
grads[0] *= 2
print(layer.W)
U = W.copy()
U *= 0
print(W.sum() != 0, U)
