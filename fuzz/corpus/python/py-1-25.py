import numpy as np

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[-2.2, -1.5], [0.9, -2.8]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 0.5
print(layer.W)
print(W is layer.W, params['W'] is W)
for key in ('W',):
    params[key] -= 0.5 * params[key]
print(layer.W)
layer.W = layer.W - 1
print(W, layer.W)
