class Scale:
    def __init__(self, k):
        self.k = k
        self.x = None

    def forward(self, x):
        self.x = x
        return self.k * x

    def backward(self, dout):
        return dout * self.k

class Shift:
    def __init__(self, c):
        self.c = c

    def forward(self, x):
        return x + self.c

    def backward(self, dout):
        return dout

layers = {}
layers['scale0'] = Scale(0.4)
layers['shift1'] = Shift(-5)
x = 0.2
for name, layer in layers.items():
    x = layer.forward(x)
    print(name, x)
grad = 1.0
for name in list(layers.keys())[::-1]:
    grad = layers[name].backward(grad)
print('grad', grad)
