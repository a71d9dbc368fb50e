# help

usage =
    backprop: 밑바닥부터 시작하는 딥러닝 5장(오차역전파법)을 직접 입력해 보는 언어

    사용법:
      backprop [OPTIONS]                 대화형 세션 (표준 입력이 파이프면 스크립트로 실행)
      backprop run [OPTIONS] FILE...     스크립트 실행. `-`는 표준 입력
      backprop lesson [N|NAME]           수업 목록을 보거나 수업 하나를 재생
      backprop exercise [NAME] [--check] [--hint]
                                         연습 문제 목록을 보거나, 하나를 exercises/에
                                         만들고 저장할 때마다 채점 (--check: 한 번만)

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
    언어는 numpy 이름이 있는 파이썬입니다. ';'로 끝나지 않은 줄은 결과를
    출력하고, class, def, 리스트, 딕셔너리, 문자열은 파이썬과 같습니다:
      x = np.array([[1.0, -0.5], [-2.0, 3.3]])
                                        배열 (array(...)도 됩니다). [1, 2]는 리스트
      r = relu(x)                       계층 호출은 계산 그래프에 노드를 만듭니다
      x <= 0                            비교는 bool 배열(마스크)을 만듭니다
      back r ones                       r에서 역전파합니다. dout은 ones
      back price 1                      ... 또는 price와 같은 형상의 아무 dout
      grad(x)   dx                      마지막 back에서 구한 x의 기울기
      mask(r)                           r을 만든 ReLU 계층이 저장한 마스크
      graph price                       price를 만든 계산 그래프를 그립니다
      step price 1                      역전파를 노드 하나씩 따라갑니다
      check y                           기울기 확인 (중심 차분과 비교)
      plot xs, relu(xs)                 1차원 배열의 선 그래프
      imshow(x_test[0])                 이미지: 2차원 배열, 또는 값 64개
      for i in range(3):                파이썬처럼 블록을 씁니다
      W -= 0.1 * grad(W)                W를 갱신합니다 (학습 한 걸음)
      seed 0                            seed 0 뒤의 numpy 난수열
      load digits                       x_train, t_train, x_test, t_test

    연산자 (먼저 묶이는 순서): **, -x, * / @ %, + -, < <= > >= == !=
    (numpy와 같은 우선순위, numpy처럼 브로드캐스트)

    해 보세요:
      apple = 100; apple_num = 2; tax = 1.1
      price = apple * apple_num * tax
      back price 1

    명령: :help [이름]  :vars  :memory [크기]  :digits full|8  :reset
          :lessons  :lesson [이름]  :next  :prev  :lang ko|en
          :exercises  :exercise 이름  :hint  :solution
          :color on|off  :seed N  :quit

help-names-heading = :help 이름 은 그 이름의 도움말을 보여 줍니다: 무엇을 계산하거나 하는지와 예.
help-names-layers = 계층 (back이 거쳐 갑니다. 도움말에 역전파 규칙이 있습니다):
help-names-functions = 기울기를 받지 않는 값을 만드는 함수와 연산자:
help-names-statements = 문:
help-example-heading = 예 (입력한 그대로 실행됩니다):
help-source-file = 이 프로그램에서 이 계층의 Rust 코드: {$path}
help-unknown = '{$topic}'에 대한 도움말이 없습니다. :help 가 도움말이 있는 이름을 모두 보여 줍니다
help-unknown-close = '{$topic}'에 대한 도움말이 없습니다. 가까운 이름: {$close} (:help 가 이름을 모두 보여 줍니다)
