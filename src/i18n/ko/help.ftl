# help

usage =
    backprop: 밑바닥부터 시작하는 딥러닝 5장(오차역전파법)을 직접 입력해 보는 언어

    사용법:
      backprop [OPTIONS]                 대화형 세션 (표준 입력이 파이프면 스크립트로 실행)
      backprop run [OPTIONS] FILE...     스크립트 실행. `-`는 표준 입력
      backprop lesson [N|NAME]           수업 목록을 보거나 수업 하나를 재생

    옵션:
      --color auto|always|never   색 (기본값 auto: 터미널에서만, NO_COLOR가 있으면 끔)
      --keep-going                run: 오류가 나도 계속 (종료 코드는 그래도 1)
      --seed N                    randn의 시드 (기본값 0)
      --max-memory SIZE           세션이 쓸 수 있는 메모리 상한, 예: 2G, 512M (기본값: RAM의 절반)
      --lang ko|en                프로그램의 언어 (기본값은 LANG에서)
      --no-history                REPL 기록 파일을 읽거나 쓰지 않음
      --no-pause                  lesson: 멈추지 않고 끝까지 재생
      -h, --help                  이 도움말
      -V, --version               버전

help-overview =
    언어 (';'로 끝나지 않은 줄은 결과를 출력합니다):
      x = [[1.0, -0.5], [-2.0, 3.3]]    이름에 값을 묶습니다. 배열은 [ ]로 중첩합니다
      r = relu(x)                       계층을 호출하면 계산 그래프에 노드가 생깁니다
      x <= 0                            비교는 bool 배열(마스크)을 만듭니다
      back r ones                       r에서 역전파합니다. dout은 ones(기본값)
      back price 1                      ... 또는 price와 같은 형상의 아무 dout
      grad(x)   dx                      마지막 back에서 구한 x의 기울기
      mask(r)                           r을 만든 ReLU 계층이 저장한 마스크
      graph price                       price를 만든 계산 그래프를 그립니다 (--dot [FILE]: Graphviz)
      step price 1                      역전파를 노드 하나씩 따라갑니다
      check y                           back의 기울기를 수치 미분(중심 차분, h = 1e-4)과 비교합니다 (기울기 확인)
      plot xs, relu(xs)                 1차원 배열의 선 그래프 (xs에 대해, 또는 인덱스에 대해)
      imshow(x_test[0])                 이미지: 2차원 배열, 또는 값 64개를 8×8로
      for i in range(3):                파이썬처럼 블록을 씁니다. W -= 0.1 * grad(W)는 W를 갱신합니다
      seed 0                            np.random.seed(0) 뒤의 numpy 난수열 (세션은 이 상태로 시작합니다)
      load digits                       x_train, t_train, x_test, t_test: 기울기를 받지 않는 데이터

    연산자: -x, * /, + -, < <= > >= == !=  (numpy와 같은 우선순위, numpy처럼 브로드캐스트)
    함수: relu sigmoid exp add mul ones(2, 3) zeros(2, 3) ones_like(x) randn(2, 3) rand(2, 3) choice(10, 3) grad mask

    해 보세요:
      apple = 100; apple_num = 2; tax = 1.1
      price = apple * apple_num * tax
      back price 1

    명령: :help [계층]  :vars  :memory [크기]  :digits full|8  :reset  :lessons  :lesson [이름]  :next  :prev
          :lang ko|en  :color on|off  :seed N  :quit
    계층별 도움말: :help add | mul | relu | sigmoid | exp | div | neg | sub

help-add =
    add — 덧셈 계층 AddLayer (x + y, add(x, y))
      순전파: out = x + y                  저장하는 것: 없음
      역전파: dx = dout * 1, dy = dout * 1   (덧셈 노드는 dout을 그대로 흘려보냅니다)
      브로드캐스트된 입력은 복사된 칸들의 dout을 모두 더한 값을 받습니다.

help-mul =
    mul — 곱셈 계층 MulLayer (x * y, mul(x, y))
      순전파: out = x * y                  저장하는 것: x와 y
      역전파: dx = dout * y, dy = dout * x   (입력을 서로 바꿔 곱합니다)

help-relu =
    relu — ReLU 계층 Relu (relu(x))
      순전파: mask = (x <= 0); out은 x에서 마스크된 칸을 0으로 바꾼 것   저장하는 것: mask
      역전파: dx는 dout에서 마스크된 칸을 0으로 바꾼 것
      x가 정확히 0이면 기울기는 0입니다. 마스크가 x <= 0이기 때문입니다.
      책의 파이썬 코드는 받은 dout을 직접 고치지만, 이 계층은 복사본을 고칩니다.

help-sigmoid =
    sigmoid — Sigmoid 계층 (sigmoid(x))
      순전파: out = 1 / (1 + exp(-x))      저장하는 것: out
      역전파: dx = dout * (1 - out) * out   (순전파의 출력만 있으면 됩니다)

help-exp =
    exp — exp 노드 (exp(x))
      순전파: out = exp(x)                 저장하는 것: out
      역전파: dx = dout * out              (exp의 미분은 자기 자신입니다)

help-div =
    div — 나눗셈 (x / y)
      순전파: out = x / y                  저장하는 것: x와 y
      역전파: dx = dout / y, dy = -dout * x / y**2
      x = 1이면 책의 '/' 노드입니다: dout에 -out**2를 곱합니다.

help-neg =
    neg — 부호 반전 (-x), 책의 ×(−1) 노드
      순전파: out = -x                     저장하는 것: 없음
      역전파: dx = -dout                   (부호가 바뀝니다)

help-sub =
    sub — 뺄셈 (x - y)
      순전파: out = x - y                  저장하는 것: 없음
      역전파: dx = dout, dy = -dout

help-source-heading = 소스 코드 (이 프로그램에 컴파일된 그대로)
