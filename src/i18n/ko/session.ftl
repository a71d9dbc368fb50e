# session

## Names
unknown-name-close = 알 수 없는 이름 '{$name}'. '{$close}'인가요?
unknown-name-first = 알 수 없는 이름 '{$name}'. 먼저 정의하세요. 예: {$name} = 1.0
unknown-name-known = 알 수 없는 이름 '{$name}'. 지금 있는 이름: {$names}
# The first ten names, then how many more: "지금 있는 이름: a, b, … 외 4990개".
unknown-name-known-more = 알 수 없는 이름 '{$name}'. 지금 있는 이름: {$names} … 외 {$count}개

## back, grad() and mask()
back-boolean = { JOSA($name, "은", quote: "'") } bool 배열입니다. 비교 연산으로는 기울기가 흐르지 않으니 숫자 배열에서 back을 실행하세요
dout-not-broadcast = dout을 브로드캐스트할 수 없습니다
dout-shape = dout의 형상은 {$dout}인데 '{$name}'의 형상은 {$shape}입니다. 같은 형상의 dout을 주거나 `ones`를 쓰세요
grad-before-back = 아직 기울기가 없습니다. 먼저 `back NAME`을 실행하세요. 그다음에 grad({$name})에서 기울기를 볼 수 있습니다
grad-took-no-part = 마지막 back은 '{$output}'에서 시작했는데, { JOSA($name, "은", quote: "'") } 거기에 쓰이지 않았습니다
grad-of-data = { JOSA($name, "은", quote: "'") } 데이터입니다(`load`가 준 배열, 또는 x = x_train[batch]처럼 데이터만으로 계산한 값). 데이터는 기울기를 받지 않습니다. W1 같은 매개변수의 기울기를 물어보세요
# $maker is one of the made-by messages below: "… 리터럴 값이므로", "… mul 계층의 출력이므로".
mask-not-relu = { JOSA($name, "은", quote: "'") } relu 계층의 출력이 아니라 {$maker}이므로 mask가 없습니다. mask()에는 relu(...)로 만든 이름을 주세요
made-by-literal = 리터럴 값
made-by-data = 데이터(`load`가 준 배열, 또는 데이터만으로 계산한 값)
made-by-comparison = 비교 연산('{$symbol}')의 결과
made-by-layer = {$layer} 계층의 출력

## Calls and literals
# $what is the construct as it is written: for, if, +=, x[...], .T, **, @, sum, axis=, True, …
not-yet-supported = { JOSA($what, "은", quote: "'") } 구문 분석만 되고 아직 실행되지는 않습니다
call-arity = { JOSA($func, "은") } 인자를 {$expected}개 받는데 {$got}개가 주어졌습니다
sizes-missing = {$func}에는 크기를 하나 이상 주세요. 예: {$func}(2, 3)
sizes-not-whole = {$func}의 크기는 0 이상의 정수여야 합니다. 예: {$func}(2, 3)
# ndarray's own reason ($reason) is English, so it is left out.
array-malformed = 배열 리터럴의 형상이 맞지 않습니다

## Warnings: numpy's RuntimeWarning, then how many elements it hit.
# numpy's RuntimeWarning said in Korean; the English catalogue keeps numpy's own words.
numpy-overflow-exp = exp에서 오버플로가 일어났습니다
numpy-overflow-divide = 나눗셈에서 오버플로가 일어났습니다
numpy-divide-by-zero = 나눗셈에서 0으로 나누었습니다
numpy-invalid-divide = 나눗셈에서 0을 0으로 나누었습니다
numpy-overflow-multiply = 곱셈에서 오버플로가 일어났습니다
numpy-overflow-add = 덧셈에서 오버플로가 일어났습니다
numpy-overflow-subtract = 뺄셈에서 오버플로가 일어났습니다
numpy-divide-by-zero-log = log에서 0의 로그를 구했습니다
numpy-invalid-log = log에서 음수의 로그를 구했습니다
numpy-invalid-sqrt = sqrt에서 음수의 제곱근을 구했습니다
numpy-invalid-power = 거듭제곱에서 정의되지 않는 값이 나왔습니다
numpy-divide-by-zero-power = 거듭제곱에서 0을 음수 제곱했습니다
numpy-overflow-power = 거듭제곱에서 오버플로가 일어났습니다
numpy-invalid-remainder = 나머지 연산에서 0으로 나누었습니다
numpy-divide-by-zero-floor-divide = floor_divide에서 0으로 나누었습니다
# $numpy is one of the numpy- messages above.
overflow-warning = {$numpy}: 원소 {$count}개 중 {$bad}개가 inf 또는 nan이 되었습니다

## The line editor's hints, after `ones(`, `zeros(` and `randn(`
hint-sizes = 행, 열)
too-many-dims = 배열의 차원은 numpy처럼 {$max}개까지입니다. 이 배열은 {$count}개가 됩니다
print-not-value = 여러 값(또는 값 없이)을 출력하는 print는 그 자체로 하나의 문이고, 여기서 쓸 값을 주지 않습니다
