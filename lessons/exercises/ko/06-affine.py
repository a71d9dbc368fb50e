import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        # x는 (N, 입력 수) 형상의 배치입니다
        # TODO: x를 self.x에 저장하고, x와 W의 곱에 b를 더해 반환하세요
        return None

    def backward(self, dout):
        # TODO: 입력 x에 대한 기울기 (형상 (N, 입력 수))
        dx = None
        # TODO: W와 b의 기울기를 self.dW, self.db에 저장하세요
        return dx
