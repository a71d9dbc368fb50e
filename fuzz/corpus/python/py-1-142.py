import numpy as np

a = np.arange(8) * 2 - 7
idx = np.array([1, 5, 7])
print(a[idx])
print(a[[3, 1]])
x = np.array([[-0.6, 1.7], [-2.9, -2.8], [-0.9, -2.3], [-2.8, -1.5]])
batch = np.array([2, 3, 3])
print(x[batch])
print(x[batch].shape)

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[0.9, 1.7], [2.8, 2.7]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 0.1
print(layer.W)
print(W is layer.W, params['W'] is W)
params['W'] = params['W'] * 2
print(layer.W)
print(params['W'])

a = np.arange(9) * 3
print(a[-1])
print(a[:3])
print(a[-3::-2])
print(a[-4:])
print(a[::-1])
print(a[1:-1])
print(a[5] + a[-5], a[2:5].shape)
