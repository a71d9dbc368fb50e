import numpy as np

y = np.array([[-0.1, -1.5], [-2.0, -0.1], [2.6, -0.9], [-2.9, 2.0], [-0.2, 2.5]])
t = np.array([1, 1, 1, 1, 0])
pred = np.argmax(y, axis=1)
print(pred, pred == t)
print(np.sum(pred == t) / len(t))
onehot = np.eye(2)[t]
print(onehot)
print(np.argmax(onehot, axis=1) == t)

class Holder:
    def __init__(self, W):
        self.W = W

W = np.array([[-0.7, -1.4], [2.6, 2.8]])
params = {'W': W}
layer = Holder(W)
params['W'] -= 0.5
print(layer.W)
print(W is layer.W, params['W'] is W)
params['W'] = params['W'] * 2
print(layer.W)
print(params['W'])

a = np.arange(9) * 4
print(a[::3])
print(a[3])
print(a[4:4])
print(a[::-1])
print(a[-1])
print(a[-3::-2])
print(a[8] + a[-6], a[2:5].shape)
