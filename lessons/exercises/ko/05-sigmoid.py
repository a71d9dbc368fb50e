import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        # TODO: 출력을 self.out에 기억해 두세요
        return out

    def backward(self, dout):
        # TODO: 시그모이드의 미분을 출력 y로 나타낸 식을 쓰세요
        dx = None
        return dx
