import numpy as np

m = np.arange(8).reshape(2, 4)
row = m[0]
row[1] = 68
print(m)
m[1][0] = -7
print(row, m[-1])

a = np.arange(8) * 5 - 3
idx = np.array([5, 5])
print(a[idx])
print(a[[3, 7]])

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[-1.7, 1.2], [2.6, 2.1]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 1
print(layer.W)
print(W is layer.W, params['W'] is W)
params['W'] = params['W'] * 2
print(layer.W)
print(params['W'])
