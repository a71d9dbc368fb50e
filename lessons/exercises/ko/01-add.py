# 덧셈 계층: out = x + y


class AddLayer:
    def __init__(self):
        pass  # 덧셈 노드는 기억해 둘 값이 없습니다

    def forward(self, x, y):
        # TODO: x와 y의 합을 반환하세요
        return None

    def backward(self, dout):
        # TODO: 상류에서 온 기울기 dout으로 dx와 dy를 구하세요
        # (x + y를 x로 미분하면? y로 미분하면?)
        dx = None
        dy = None
        return dx, dy
