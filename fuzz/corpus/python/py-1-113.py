class Shift:
    def __init__(self, c):
        self.c = c

    def forward(self, x):
        return x + self.c

    def backward(self, dout):
        return dout

class Square:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return x * x

    def backward(self, dout):
        return 2 * self.x * dout

layers = {}
layers['shift0'] = Shift(-3)
layers['square1'] = Square()
x = 0.6
for name, layer in layers.items():
    x = layer.forward(x)
    print(name, x)
grad = 1.0
for name in list(layers.keys())[::-1]:
    grad = layers[name].backward(grad)
print('grad', grad)
