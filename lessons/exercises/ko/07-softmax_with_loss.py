from common.functions import softmax, cross_entropy_error
import numpy as np


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # softmax의 출력
        self.t = None  # 정답 레이블 (원-핫 또는 정수)

    def forward(self, x, t):
        # TODO: t를 저장하고, x에 softmax를 적용해 self.y에 넣고,
        # cross_entropy_error로 self.loss를 구해 반환하세요
        return None

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            # TODO: 원-핫 레이블인 경우
            dx = None
        else:
            # TODO: 정수 레이블인 경우 (self.t에 정답 클래스 번호가 들어 있음)
            dx = None
        return dx * dout
