# 사과 예제: 100원짜리 사과 2개, 소비세 10%.
# MulLayer는 완성되어 있으니 연결만 하면 됩니다.


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


apple = 100
apple_num = 2
tax = 1.1

mul_apple_layer = MulLayer()
mul_tax_layer = MulLayer()

# 순전파
# TODO: 사과 가격 = apple * apple_num (mul_apple_layer 사용)
apple_price = None
# TODO: 지불 금액 = apple_price * tax (mul_tax_layer 사용)
price = None

# 역전파: 순전파와 반대 순서로
dprice = 1
# TODO: mul_tax_layer.backward를 먼저, 그다음 mul_apple_layer.backward를 호출하세요
dapple_price, dtax = None, None
dapple, dapple_num = None, None

print(price)
print(dapple, dapple_num, dtax)
