# errors


## Labels of diagnostics
error-label = 오류:
warning-label = 경고:
related-at = ({$line}:{$column} 참고)

## The engine
broadcast-shapes = 형상이 {$lhs}인 배열과 {$rhs}인 배열은 브로드캐스트할 수 없습니다
array-too-large = 형상이 {$shape}인 배열은 원소가 {$count}개가 됩니다. 한도는 {$max}개(10^8)입니다
array-too-large-overflow = 형상이 {$shape}인 배열은 원소가 너무 많습니다. 한도는 {$max}개(10^8)입니다
check-boolean = { JOSA($name, "은", quote: "'") } bool 배열입니다. check에는 숫자 배열이 필요합니다
check-no-variable = { JOSA($name, "은", quote: "'") } 이름 붙은 변수에 의존하지 않습니다. check는 x = [1.0, 2.0]처럼 이름이 있는 변수의 기울기를 비교합니다
check-too-large = { JOSA($name, "을", quote: "'") } 확인하려면 원소 {$elements}개를 움직이며 순전파를 두 번씩 해야 합니다. 원소 연산 {$work}번으로, check 한 번의 한도 {$max}번을 넘습니다. check {$name} sample 10처럼 원소를 줄이거나 더 작은 그래프를 확인하세요
dot-too-many-nodes = { JOSA($name, "은", quote: "'") } 노드 {$count}개에서 나옵니다. --dot은 노드 {$max}개까지만 씁니다 (Graphviz가 그보다 큰 그래프는 적당한 시간 안에 배치하지 못합니다). `graph {$name}`은 트리로 그립니다
choice-empty = 표본을 하나라도 뽑으려면 a가 0보다 커야 합니다
choice-too-large = high가 int64의 범위를 벗어납니다
interrupted = 중단됨
load-unknown = { JOSA($name, "이라는", quote: "'") } 데이터 세트가 없습니다. 데이터 세트: {$known}
memory-budget = 메모리가 {$needed} 더 필요하지만, 세션이 이미 예산 {$budget} 중 { JOSA($held, "을") } 쓰고 있습니다. 가장 많이 차지하는 것: {$largest}. del NAME으로 변수를 지우거나, :memory SIZE(또는 --max-memory SIZE)로 예산을 늘리세요
memory-budget-unnamed = 메모리가 {$needed} 더 필요하지만, 세션이 이미 예산 {$budget} 중 { JOSA($held, "을") } 쓰고 있습니다. :memory SIZE(또는 --max-memory SIZE)로 예산을 늘리세요
memory-refused = 시스템이 필요한 메모리 { JOSA($needed, "을") } 내주지 않았습니다. 아무것도 바뀌지 않았습니다. del NAME으로 메모리를 비우고 다시 해 보세요
index-not-whole = 인덱스는 0, 2, -1 같은 정수여야 합니다. x[0.5]가 아니라 x[0]처럼 쓰세요
index-mask-length = 길이가 {$length}인 bool 인덱스가 원소 {$size}개인 축과 맞지 않습니다. 마스크에는 원소마다 True나 False가 하나씩 있어야 합니다
index-shape = 인덱스는 정수, 정수로 된 1차원 배열, 또는 1:3 같은 슬라이스여야 합니다. 형상이 {$shape}인 배열은 쓸 수 없습니다
keepdims-not-bool = keepdims에는 True나 False를 주세요
range-not-number = {$func}에는 유한한 수를 주세요. 예: {$func}(10), {$func}(0, 10, 2)
range-not-whole = range에는 정수를 주세요. 소수 간격은 arange를 쓰세요. 예: arange(0, 1, 0.25)
for-not-iterable = for 반복문에는 차례로 꺼낼 것이 필요합니다. 배열이나 range(n)을 주세요. 예: for i in range(10):
for-too-long = 이 반복문은 {$count}번 돌게 됩니다. 반복은 최대 {$max}번까지입니다. 더 작은 range를 쓰세요
if-ambiguous = 원소가 둘 이상인 배열의 참/거짓은 정할 수 없습니다(numpy). if에는 값 하나가 필요한데, 이것은 형상이 {$shape}인 배열입니다. 원소 하나를 비교하거나(x[0] > 0) 먼저 줄이세요(sum(x) > 0)
update-shape = 결과의 형상은 {$result}인데 '{$name}'의 형상은 {$shape}입니다. -= 같은 갱신은 변수의 형상을 유지하므로, 오른쪽이 그 형상으로 브로드캐스트되어야 합니다
interrupted-loop = 반복 {$total}번 중 {$done}번을 마치고 중단됨. 마친 반복의 결과는 남아 있습니다
affine-not-aligned = affine: x는 샘플마다 특징이 {$features}개인데(형상 {$x}), W의 행은 {$rows}개입니다(형상 {$w}). W는 특징마다 행이 하나씩 있어야 하므로 형상이 { JOSA($expected, "이어야") } 합니다
plot-not-1d = plot은 1차원 배열을 그리는데, 이것은 형상이 {$shape}입니다. 행이나 열 하나를 고르거나(x[0], x[:, 0]) 펼치세요(reshape(x, -1))
plot-no-finite = 그릴 것이 없습니다. 유한한 수가 하나도 없습니다
plot-lengths = plot은 길이가 같은 계열을 그립니다. 첫 계열은 값이 {$expected}개인데 이것은 {$got}개입니다
imshow-shape = imshow는 2차원 배열이나 값 64개(8×8) 또는 784개(28×28)인 행을 그립니다. 형상 { JOSA($shape, "은") } 그릴 수 없습니다. 이미지 하나를 고르세요. 예: imshow(x_test[0])
plot-height = height=에는 {$min}부터 {$max}까지의 행 수를 정수로 주세요. 예: plot losses, height=8
