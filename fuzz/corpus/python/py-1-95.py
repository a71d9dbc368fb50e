import numpy as np

class Stepper:
    def __init__(self, lr=0.1):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]

params = {'w': np.array([1.9, -0.3]), 'b': np.zeros(2)}
grads = {'w': np.array([1.7, -1.6]), 'b': np.ones(2)}
w = params['w']
opt = Stepper(lr=0.5)
for i in range(2):
    opt.update(params, grads)
    print(i, params['w'], params['b'])
print(w)
