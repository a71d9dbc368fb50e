# show

# Used by the catalogue's own test.
test-nodes = 노드 {$count}개

## check
check-heading = check {$name}: sum({$name})의 수치 미분(중심 차분, h = 1e-4)과 dout = ones인 back의 기울기를 비교합니다
check-row = 평균 |차이| {$mean}  최대 |차이| {$max}
check-ok = 일치
check-mismatch = 불일치
check-kinks = {$name}의 원소 {$count}개가 ReLU의 꺾이는 점(입력이 0이거나 0에서 h 이내)에 있습니다. 거기서는 수치 미분과 역전파의 기울기가 다를 수 있으므로 비교에서 뺐습니다:
check-kink-row = 수치 미분 {$numerical}  역전파 {$back}
check-tolerance = 허용 오차: 모든 원소에서 |수치 미분 − back| ≤ {$tolerance} × (1 + |back|)

## step
step-heading = step {$name}: back이 방문하는 순서대로 노드 {$count}개, dout = {$dout}
step-done = 끝: back이 구하는 기울기와 같습니다
step-cached = 저장
step-nothing = 없음
step-relu-rule = dout에서 mask가 True인 칸을 0으로
step-summed = {" "}(형상 {$shape}에 맞춰 합침)
step-added = , 지금까지 더한 값: {$total}
check-sampled = 변수마다 원소 {$count}개를 뽑아 확인했습니다 (난수열에서 뽑으므로 seed N으로 다시 만들 수 있습니다)
check-sampled-by-default = 모든 원소를 확인하면 한도를 넘으므로 변수마다 원소 {$count}개를 뽑아 확인했습니다. 더 확인하려면 check NAME sample N
progress-check = 원소 {$total}개 중 {$done}개 확인
progress-loop = 반복 {$done}/{$total}, 초당 {$rate}번, 남은 시간 {$left}초
plot-too-narrow = (터미널이 좁아서 그릴 수 없습니다. 창을 넓혀 주세요)
