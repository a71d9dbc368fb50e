import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        # TODO: x <= 0인 곳이 True인 불리언 배열을 self.mask에 저장하세요
        # TODO: x를 복사한 뒤 mask가 True인 원소를 0으로 만드세요
        out = None
        return out

    def backward(self, dout):
        # TODO: 순전파 때 입력이 0 이하였던 곳의 기울기를 0으로 만드세요
        dx = None
        return dx
