# 곱셈 계층: out = x * y


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        # TODO: x와 y를 self.x, self.y에 저장한 뒤
        # 두 값의 곱을 반환하세요
        return None

    def backward(self, dout):
        # TODO: 각 입력의 기울기는 dout에 '다른 쪽' 입력을 곱한 값입니다
        dx = None
        dy = None
        return dx, dy
