# step, check, grad, back, graph: 5.6절 계층의 역전파 규칙, 그리고 값을 계산한 뒤 다시 바인딩된
# 변수에 대해 하는 말. 인자 바로 뒤에는 받침에 따라 바뀌는 조사를 두지 않습니다.

## step: 합, 평균, 최댓값, 인덱스의 역전파 규칙 ("dx ="와 "= 값" 사이의 말)
step-rule-sum = dout을 형상 {$shape}의 모든 원소에 복사
step-rule-sum-axis = dout을 {$axis}번 축을 따라 반복해 형상 {$shape}에 맞춤
step-rule-mean = dout / {$count} 값을 형상 {$shape}의 모든 원소에 복사
step-rule-mean-axis = dout / {$count} 값을 {$axis}번 축을 따라 반복해 형상 {$shape}에 맞춤
step-rule-max = 최댓값이던 원소에는 dout(같은 최댓값이 여럿이면 나눠 가짐), 나머지는 0
step-rule-index = 형상 {$shape}의 0 배열에서 인덱스가 원소를 가져온 자리에 dout을 더함

## 정한 dout으로 하는 check
check-heading-dout = check {$name} {$dout}: sum({$name} * {$dout})의 수치 미분(중심 차분, h = 1e-4)을 dout = {$dout}인 back과 비교

## 값을 계산한 뒤 다시 바인딩된 이름 (loss 다음의 W1 -= 0.1 * grad(W1))
before-update = {$name} (갱신 전)
rebound-note = {$output} 계산 뒤에 바뀐 변수: {$names}. {$output}에는 예전 값이 쓰였고, 그 값은 "{$example} (갱신 전)"처럼 표시됩니다. {$output} 계산을 다시 하면 새 값을 씁니다.
grad-rebound = '{$name}'의 값이 '{$output}' 계산 뒤에 바뀌어서, '{$output}'에서 시작한 마지막 back에는 새 {$name}의 기울기가 없습니다. 있는 것은 {$output}에 쓰인 예전 {$name}의 기울기입니다(graph {$output}에서 "{$name} (갱신 전)"으로 보입니다). 새 {$name}의 기울기를 얻으려면 {$output} 계산을 다시 하고 나서 back {$output} 문장을 실행하세요

## 그림 하나가 아닌 것을 imshow할 때
imshow-too-large = {$rows} × {$cols} 픽셀 그림은 너무 커서 그릴 수 없습니다. 여기서는 {$max_rows} × {$max_cols}까지 그릴 수 있습니다(터미널 크기에 맞추며, 어디서든 256 × 256까지입니다). 그림 하나나 그 일부를 고르세요. 예: imshow(x_train[0]) 또는 x[0:20]

## 다음 수업이 있는 안내 수업의 끝
repl-lesson-finished-next = 수업을 마쳤습니다! :next를 입력하면 다음 {$number}번 수업이 시작됩니다: {$title}. 전체 목록은 :lessons에 있습니다.

## range, arange, linspace
range-zero-step = {$func}의 간격(step)은 0일 수 없습니다. 0이면 수열이 끝에 닿지 않습니다. 예: {$func}(0, 10, 2)
linspace-count = linspace의 세 번째 수는 만들 값의 개수입니다. 0 이상의 정수를 주세요. 예: linspace(-3, 3, 61)

## 멈춘 step
step-stopped = (step을 멈췄습니다. 그래도 이 back의 기울기는 구해져 있습니다: {$names})

## 이름으로 요구하는 정수
axis-not-whole = axis=에는 줄일 축을 나타내는 정수를 주세요. 예: axis=0 또는 axis=-1

## 원소가 없는 배열의 if
if-empty = 빈 배열의 참/거짓은 정할 수 없습니다(numpy). 형상이 {$shape}인 이 배열에는 확인할 원소가 없습니다. 비어 있는지 물으려면 크기를 비교하세요(numpy에서는 len(x) > 0)
reshape-not-whole = reshape에는 새 형상을 정수로 주세요(하나는 -1이어도 됩니다). 예: reshape(x, 2, 3) 또는 reshape(x, -1)
eye-not-whole = eye에는 정사각 행렬의 크기를 0 이상의 정수 하나로 주세요. 예: eye(3)
