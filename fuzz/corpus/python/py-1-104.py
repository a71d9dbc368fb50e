import numpy as np

class PlainSGD:
    def __init__(self, lr=0.1):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]

params = {'w': np.array([0.7, 1.4]), 'b': np.zeros(2)}
grads = {'w': np.array([-0.8, -0.4]), 'b': np.ones(2)}
w = params['w']
opt = PlainSGD(lr=1.0)
for i in range(2):
    opt.update(params, grads)
    print(i, params['w'], params['b'])
print(w)
