# `:help NAME`의 도움말. 이름마다 메시지 하나이고, 모두 한국어입니다. 예와 계층의 Rust
# 파일 경로는 src/app/help.rs가 덧붙입니다.

## 계층: 계산 그래프의 노드이고, back이 각 계층의 역전파 규칙을 실행합니다.

help-page-add =
    add(x, y), x + y — 덧셈 계층 (AddLayer)
      계산: out = x + y
      순전파가 저장하는 것: 없음
      역전파: dx = dout, dy = dout (덧셈은 dout을 그대로 넘깁니다)
      브로드캐스트된 입력은 자기가 복사된 칸들의 dout을 모두 더해 받으므로
      기울기의 형상이 입력의 형상과 같습니다.

help-page-sub =
    x - y — 뺄셈
      계산: out = x - y
      순전파가 저장하는 것: 없음
      역전파: dx = dout, dy = -dout
      브로드캐스트된 입력은 덧셈처럼 dout을 더해 제 형상으로 받습니다.

help-page-mul =
    mul(x, y), x * y — 곱셈 계층 (MulLayer)
      계산: out = x * y (원소별)
      순전파가 저장하는 것: x와 y
      역전파: dx = dout * y, dy = dout * x (각 입력은 상대 입력을 곱해 받습니다)

help-page-div =
    x / y — 나눗셈
      계산: out = x / y (원소별)
      순전파가 저장하는 것: x와 y
      역전파: dx = dout / y, dy = -dout * x / y ** 2
      x = 1이면 책의 역수 노드입니다: dout에 -out ** 2를 곱합니다.

help-page-neg =
    -x — 부호 반전, 책의 '-1을 곱하는' 노드
      계산: out = -x
      순전파가 저장하는 것: 없음
      역전파: dx = -dout
      -2처럼 숫자 앞에 쓴 부호는 숫자의 일부이고 노드를 만들지 않습니다.

help-page-dot =
    dot(a, b), a @ b — 행렬의 곱
      계산: out = a @ b (1차원과 2차원 배열에서 np.dot과 같습니다)
      순전파가 저장하는 것: a와 b
      역전파: da = dout @ b.T, db = a.T @ dout
      a의 마지막 축과 b의 첫 축의 길이가 같아야 합니다.

help-page-pow =
    x ** p — 거듭제곱
      계산: out = x ** p (p는 x에 맞춰 브로드캐스트되며, 흔히 2입니다)
      순전파가 저장하는 것: x, p, out
      역전파: dx = dout * p * x ** (p - 1), dp = dout * out * log(x)
      부호보다 ** 가 먼저 계산됩니다: -2 ** 2는 -(2 ** 2)입니다.

help-page-exp =
    exp(x) — 지수 함수 노드
      계산: out = e ** x (원소별)
      순전파가 저장하는 것: out
      역전파: dx = dout * out (exp는 미분해도 자기 자신입니다)

help-page-log =
    log(x) — 자연로그 노드
      계산: out = log(x) (원소별)
      순전파가 저장하는 것: x
      역전파: dx = dout / x
      log(0)은 -inf이므로 손실 함수는 로그 안에 1e-7을 더합니다.

help-page-sqrt =
    sqrt(x) — 제곱근 노드
      계산: out = sqrt(x) (원소별)
      순전파가 저장하는 것: out
      역전파: dx = dout / (2 * out)

help-page-relu =
    relu(x) — ReLU 계층 (Relu)
      계산: x > 0인 칸은 out = x, 나머지는 0
      순전파가 저장하는 것: mask = (x <= 0)
      역전파: dx = dout, 단 mask가 True인 칸은 0
      x가 정확히 0이면 기울기는 0입니다. 마스크가 x <= 0이기 때문입니다.
      mask(r)로 r을 만든 마스크를 볼 수 있습니다.
      책의 파이썬 코드는 받은 dout에 직접 0을 쓰지만, 이 계층은 새 배열에 씁니다.

help-page-sigmoid =
    sigmoid(x) — Sigmoid 계층
      계산: out = 1 / (1 + exp(-x))
      순전파가 저장하는 것: out
      역전파: dx = dout * (1 - out) * out (순전파의 출력만 있으면 됩니다)

help-page-tanh =
    tanh(x) — 쌍곡탄젠트 계층
      계산: out = tanh(x) (-1과 1 사이)
      순전파가 저장하는 것: out
      역전파: dx = dout * (1 - out ** 2) (Sigmoid 계층처럼 출력만 씁니다)

help-page-affine =
    affine(x, W, b) — Affine 계층 (완전연결 계층)
      계산: out = x @ W + b (x의 한 행이 배치의 표본 하나입니다)
      순전파가 저장하는 것: x와 W (b는 다시 쓰지 않습니다)
      역전파: dx = dout @ W.T, dW = x.T @ dout, db = sum(dout, axis=0)
      b는 모든 행에 더해졌으므로 그 기울기는 dout을 행 방향으로 더한 것입니다.
      인수는 책의 순서대로 x, W, b입니다.

help-page-softmax =
    softmax(a) — 소프트맥스 함수 (행마다 따로)
      계산: 마지막 축을 따라 out = exp(a) / sum(exp(a))
            exp가 넘치지 않도록 가장 큰 값을 먼저 뺍니다
      순전파가 저장하는 것: out
      역전파: da = out * (dout - sum(dout * out, 마지막 축))
      out의 각 행은 양수이고 합이 1입니다.

help-page-cross-entropy-error =
    cross_entropy_error(y, t) — 교차 엔트로피 오차 (손실 함수)
      계산: loss = -sum(t * log(y + 1e-7)) / batch (수 하나)
      t는 y와 형상이 같은 원-핫 행들, 또는 각 행의 정답 번호입니다
      순전파가 저장하는 것: y와 t (원-핫 행으로)
      역전파: dy = -dout * t / (y + 1e-7) / batch
      batch는 y의 행 수입니다 (y가 1차원이면 1).

help-page-softmax-with-loss =
    softmax_with_loss(a, t) — Softmax-with-Loss 계층
      계산: y = softmax(a), 그다음 loss = cross_entropy_error(y, t)
      순전파가 저장하는 것: y와 t (원-핫 행으로)
      역전파: da = dout * (y - t) / batch
      두 계층을 하나로 묶으면 역전파가 훨씬 단순해집니다:
      예측과 정답의 차이입니다.

help-page-sum =
    sum(x), sum(x, axis=N, keepdims=True), x.sum(axis=N) — 합계 노드
      계산: 모든 원소의 합, 또는 N번 축을 따라 더한 합
      순전파가 저장하는 것: x의 형상
      역전파: dx = 더해진 원소마다 dout을 복사한 것
      keepdims=True이면 더한 축을 길이 1로 남깁니다.

help-page-mean =
    mean(x), mean(x, axis=N, keepdims=True) — 평균 노드
      계산: 모든 원소의 평균, 또는 N번 축을 따라 낸 평균
      순전파가 저장하는 것: x의 형상
      역전파: dx = 평균 낸 원소 n개마다 dout / n을 복사한 것

help-page-max =
    max(x), max(x, axis=N, keepdims=True) — 최댓값 노드
      계산: 가장 큰 원소, 또는 N번 축을 따라 가장 큰 원소
      순전파가 저장하는 것: x와 out
      역전파: dx = 가장 큰 원소 자리에 dout, 나머지는 0
      가장 큰 값이 여럿이면 dout을 똑같이 나눠 받습니다.

help-page-transpose =
    transpose(x), x.T — 전치
      계산: out = 축의 순서를 뒤집은 x (값은 바뀌지 않습니다)
      순전파가 저장하는 것: 없음
      역전파: dx = dout.T

help-page-reshape =
    reshape(x, d1, d2, ...), x.reshape((d1, d2)) — 같은 값에 새 형상을 줍니다
      계산: out = x의 값들을 행 순서대로 형상 d1, d2, ...에 담은 것
      크기 하나는 -1일 수 있고, 나머지가 정하고 남는 크기가 됩니다
      순전파가 저장하는 것: x의 형상
      역전파: dx = dout을 x의 형상으로 바꾼 것

help-page-index =
    x[i], x[i, j], x[a:b], x[:, j], x[idx], x[x > 0] — 인덱싱
      계산: numpy처럼 고른 원소들. 정수는 그 축을 없애고, 슬라이스
      a:b:c는 축을 남기며, 정수 배열이나 True와 False의 배열은 여럿을 고릅니다
      순전파가 저장하는 것: 인덱스와 x의 형상
      역전파: dx = x 형상의 0 배열에, 고른 자리마다 dout을 더한 것
      (두 번 고른 원소는 두 번 받습니다)
      x[i] = v와 x[i] += v는 x에 값을 씁니다: :help x[...]= 를 보세요.

## 함수와 연산자 가운데 값이 기울기 없는 끝 노드인 것: 기울기가 흐르지 않습니다.

help-page-compare =
    x < y, x <= y, x > y, x >= y, x == y, x != y — 비교
      계산: 원소별로 True와 False의 배열 (산술처럼 브로드캐스트됩니다)
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      x <= 0은 ReLU 계층이 저장하는 마스크이고, x[x > 0]은 참인 칸만 남깁니다.

help-page-mod =
    x % y — 나머지
      계산: x - y * floor(x / y) (파이썬처럼 부호가 y를 따릅니다)
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      반복 횟수를 셀 때 씁니다. 예: if i % 100 == 0: print(loss)
      x // y는 내림한 몫 floor(x / y)이고, 역시 역전파가 없습니다.
      둘 다 정수끼리는 정수를 냅니다(7 // 2는 3, -7 % 3은 2).

help-page-grad =
    grad(x), dx — 마지막 back에서 구한 x의 기울기
      값: x와 형상이 같은 배열, back의 출력을 x로 미분한 값
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      dx라는 이름을 직접 묶기 전까지 dx는 grad(x)를 뜻합니다.

help-page-mask =
    mask(r) — r을 만든 ReLU 계층이 저장한 마스크
      값: relu의 입력이 0 이하였던 칸이 True인 배열
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      r은 relu의 출력이어야 합니다.

help-page-ones =
    ones(d1, d2, ...) — 1로 채운 배열
      만드는 것: 주어진 형상의, 모든 원소가 1인 배열
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      back y ones에서 ones는 y와 형상이 같은 1 배열을 뜻합니다.

help-page-zeros =
    zeros(d1, d2, ...) — 0으로 채운 배열
      만드는 것: 주어진 형상의, 모든 원소가 0인 배열
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      편향 b의 처음 값이나 손실을 모아 둘 배열로 알맞습니다.

help-page-ones-like =
    ones_like(x) — x와 형상이 같은 1 배열
      만드는 것: x의 형상에 1을 채운 배열
      기울기 없는 값: 저장하는 것 없음, 역전파 없음

help-page-zeros-like =
    zeros_like(x) — x와 형상이 같은 0 배열
      만드는 것: x의 형상에 0을 채운 배열
      기울기 없는 값: 저장하는 것 없음, 역전파 없음

help-page-numpy =
    numpy식 표기: np.array(x), np.zeros((2, 3)), x.reshape(2, -1), x.sum(axis=0)
      만드는 것: 대신하는 함수가 만드는 것. array(x)와 x.copy()는 x(목록,
      배열, 수)의 원소를 담은 별도의 배열을 만들고, 이 새 잎 노드에서 x로
      돌아가는 경로는 없습니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      numpy의 이름 앞에 np.나 np.random.를 붙일 수 있고, 형상은 튜플로 써도
      되며, 메서드 reshape, sum, mean, max, argmax, copy, flatten, transpose는
      같은 이름의 함수를 그 배열에 부릅니다.
      import numpy as np와 from numpy import *도 받아들입니다. 이름들은
      처음부터 있습니다.

help-page-randn =
    randn(d1, d2, ...) — 정규분포를 따르는 난수
      만드는 것: 주어진 형상의 배열 (평균 0, 표준편차 1)
      같은 seed 뒤의 np.random.randn과 같은 수들입니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      0.01을 곱하면 책의 가중치 초깃값이 됩니다.

help-page-rand =
    rand(d1, d2, ...) — 균등분포를 따르는 난수
      만드는 것: 주어진 형상의, 0 이상 1 미만의 값을 담은 배열
      같은 seed 뒤의 np.random.rand와 같은 수들입니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음

help-page-choice =
    choice(n, k) — n보다 작은 무작위 정수 k개
      만드는 것: 0부터 n - 1까지의 수 k개를 담은 1차원 배열 (중복 가능)
      같은 seed 뒤의 np.random.choice(n, k)와 같은 수들입니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      x_train[choice(1000, 100)]은 표본 100개의 미니배치입니다.

help-page-eye =
    eye(n) — 단위 행렬
      만드는 것: 대각선이 1이고 나머지가 0인 n × n 배열
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      eye(n)의 k번 행은 부류 k의 원-핫 정답입니다.

help-page-range =
    range(stop), range(start, stop), range(start, stop, step)
      만드는 것: start(생략하면 0)부터 stop 직전까지 step 간격의 정수들
      경계는 정수여야 합니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      for i in range(n): 은 블록을 n번 실행합니다.

help-page-arange =
    arange(stop), arange(start, stop), arange(start, stop, step)
      만드는 것: range와 같지만 경계와 간격이 소수여도 됩니다 (np.arange)
      기울기 없는 값: 저장하는 것 없음, 역전파 없음

help-page-linspace =
    linspace(start, stop, num) — 고르게 떨어진 수들
      만드는 것: start부터 stop까지(양 끝 포함) num개의 수 (np.linspace)
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      plot의 가로축으로 알맞습니다.

help-page-argmax =
    argmax(x), argmax(x, axis=N) — 가장 큰 값의 위치
      값: 가장 큰 원소의 위치 (같은 값이 여럿이면 처음 것)
      모든 원소에서, 또는 N번 축을 따라 찾습니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음
      argmax(y, axis=1)은 각 행의 예측 부류이고, 정답과 비교하면
      정확도가 나옵니다.

help-page-print =
    print(x) — 값을 보여 줍니다
      하는 일: numpy의 print처럼 x를 출력합니다. 블록 안에서도,
      ';' 뒤에서도 출력합니다
      값은 x 자신입니다: 새 노드 없음, 저장하는 것 없음, 역전파 없음

help-page-array =
    수, 배열, True, False, nan, inf — 직접 쓴 값
      만드는 것: 2나 1e-4 같은 수, 또는 수를 중첩한 목록으로 쓴 배열
      (행의 길이가 같아야 합니다). True와 False는 bool 값이고 (그 배열은
      비교로 만듭니다), nan은 수가 아님을, inf는 무한대를 뜻합니다
      기울기 없는 값: 저장하는 것 없음, 역전파 없음

## 문: 값을 만들지 않고 무언가를 합니다.

help-page-assign =
    NAME = 식 — 이름 묶기
      하는 일: 식을 계산해 NAME에 묶고 NAME = 값을 출력합니다.
      줄 끝에 ';'를 쓰면 출력하지 않습니다
      이름을 다시 묶으면 옛 값만 잊고, 그 값을 쓴 노드는 그대로 남습니다.
      relu 같은 내장 이름에는 묶을 수 없습니다.

help-page-aug-assign =
    NAME += e, NAME -= e, NAME *= e, NAME /= e — 이름 갱신
      하는 일: NAME = NAME + e (또는 -, *, /). 새 값은 기울기 없는 값이라
      갱신 자체는 계산 그래프에 들어가지 않습니다
      W -= 0.1 * grad(W)는 학습률 0.1로 경사 하강을 한 번 하는 것입니다.

help-page-index-assign =
    NAME[인덱스] = e, NAME[인덱스] += e — 배열에 값 쓰기
      하는 일: 인덱스가 고른 원소에 e를 (브로드캐스트해) 넣거나 더합니다.
      인덱스는 읽을 때와 같습니다: :help index 를 보세요
      결과는 기울기 없는 값입니다: 쓰기를 거쳐 기울기가 흐르지 않습니다.

help-page-back =
    back NAME [ones | dout] — 역전파
      하는 일: NAME에서 dout(생략하면 NAME과 형상이 같은 ones)으로 시작해
      계산 그래프를 거꾸로 걸으며 노드마다 역전파 규칙을 실행합니다.
      두 번 쓰인 값은 기울기를 더해 받습니다 (연쇄법칙)
      그 뒤 grad(x)로 기울기를 봅니다. 마지막 back의 결과가 남습니다.

help-page-step =
    step NAME [ones | dout] — 역전파를 노드 하나씩
      하는 일: back과 같지만 노드마다 저장한 값, 받은 dout,
      넘기는 기울기를 보여 줍니다
      REPL에서는 노드마다 Enter를 기다립니다. q를 누르면 멈춥니다.

help-page-check =
    check NAME [dout] [sample N] — 기울기 확인
      하는 일: NAME에서 dout = ones로 역전파한 뒤, 각 기울기를
      sum(NAME)의 수치 미분(중심 차분, h = 1e-4)과 비교합니다
      dout을 주면 back처럼 그 값으로 sum(NAME * dout)을 확인합니다
      sample N은 모든 원소 대신 배열마다 무작위 원소 N개를 확인합니다
      불일치로 표시된 줄은 역전파 규칙과 순전파 계산이 서로 맞지 않는다는
      뜻입니다.

help-page-graph =
    graph NAME [--dot [FILE]] — 계산 그래프 그리기
      하는 일: NAME을 만든 노드들을 값과 함께 그리고, back 뒤에는 기울기도
      보여 줍니다. --dot은 Graphviz 형식으로 FILE이나 화면에 씁니다

help-page-layer =
    class NAME: (forward와 backward) — 직접 만드는 계층
      하는 일: 두 메서드가 모두 있는 클래스의 객체는 계층입니다. 계층 자신의
      메서드 밖에서 layer.forward(a, b)를 부를 때마다 계산 그래프의 노드가
      하나 생깁니다. 입력은 인수 가운데 배열이나 수이고, 출력은 forward가
      반환하는 값입니다. back은 dout의 복사본으로 backward(dout)를 부르고,
      반환값을 입력 순서대로 나눠 줍니다. 입력이 하나면 값 하나, 여럿이면
      튜플입니다 (t라는 이름의 정답 레이블은 빼도 됩니다). 브로드캐스트된
      형상의 기울기는 입력의 형상으로 합합니다. backward 뒤에 self.W 옆에
      self.dW가 있으면 W는 매개변수이고, grad(W)로 기울기를 찾습니다.
      check는 계층을 하나씩 기울기 확인하고, step은 저장된 값과 backward의
      반환값을, graph는 클래스 이름을 상자에 넣어 그립니다.
      forward는 호출 한 번의 값만 저장하므로 쓰임마다 객체를 따로 만드세요.
      forward가 저장한 배열을 back 전에 제자리에서 바꾸면 오류입니다.
      예를 들어 입력을 세 배로 하는 계층:
        class Triple:
            def forward(self, x):
                return 3 * x
            def backward(self, dout):
                return 3 * dout
      MulLayer, AddLayer, Relu, Sigmoid, Affine(W, b), SoftmaxWithLoss는
      처음부터 있습니다. from common.layers import * 로 가져온 것과 같습니다.

help-page-load =
    load digits — 손글씨 숫자 데이터셋
      하는 일: x_train, t_train, x_test, t_test를 묶습니다. 이미지 하나는
      값 64개(8 × 8)의 행이고, 정답은 길이 10의 원-핫 행입니다 (숫자 0부터 9)
      이 배열들은 데이터라서 back이 기울기를 주지 않습니다.

help-page-seed =
    seed N, seed(N), np.random.seed(N) — 난수를 처음부터 다시
      하는 일: 그 뒤 randn, rand, choice는 np.random.seed(N) 뒤의
      numpy와 같은 수를 냅니다. 세션은 seed 0 뒤의 상태로 시작합니다

help-page-for =
    for NAME in 식: — 반복
      하는 일: 식의 원소마다(행렬이면 행마다) NAME을 묶고 블록을 실행합니다
      블록은 파이썬처럼 그 아래 들여 쓴 줄들이거나, ':' 뒤 같은 줄의 문입니다.

help-page-if =
    if 조건: ... elif 조건: ... else: ... — 고르기
      하는 일: 조건이 참인 첫 블록을 실행하고, 없으면 else 블록을 실행합니다
      조건은 수 하나(0이 아니면 참)이거나 True나 False 하나입니다.

help-page-del =
    del NAME, NAME, ... — 이름 지우기
      하는 일: 이름들을 잊어서 그 값이 차지한 메모리를 풀 수 있게 합니다
      :memory로 세션이 차지한 메모리를 봅니다.

help-page-plot =
    plot y, plot xs, y1, y2, ... — 선 그래프
      하는 일: 1차원 배열을 터미널에 그립니다. 배열이 하나면 위치에 대해,
      여럿이면 첫 배열 xs에 대해 그립니다

help-page-imshow =
    imshow(image) — 이미지 보기
      하는 일: 2차원 배열을 회색 농담으로, 값 64개의 행은 8 × 8 이미지로
      그립니다 (load digits의 숫자처럼)
