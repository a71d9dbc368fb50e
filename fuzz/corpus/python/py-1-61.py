import numpy as np

m = np.arange(12).reshape(3, 4)
row = m[0]
row[1] = 57
print(m)
m[2][0] = -7
print(row, m[-1])
cp = m.copy()
cp[0, 0] = 1000
print(m[0, 0], cp[0, 0])

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[2.0, 2.8], [2.1, -1.3]])
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
