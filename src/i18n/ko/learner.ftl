# 학습자가 만든 계층: forward와 backward가 있는 클래스에 대한 back, step, graph, check.
lr-returned-none = {$class}.backward가 None을 반환했습니다. forward의 입력마다 기울기를 반환해야 합니다 (return dx 또는 return dx, dy)
lr-count = {$class}.backward가 값 {$count}개를 반환했는데, forward의 입력은 {$inputs}개입니다 ({$names})
lr-grad-type = {$class}.backward가 {$param}의 기울기로 { JOSA($kind, "을") } 주었습니다. 배열이나 수여야 합니다
lr-shape = {$class}.backward: {$param}의 기울기 형상은 {$got}인데, {$param}의 형상은 {$want}입니다
lr-param-shape = {$class}.d{$name}의 형상은 {$got}인데, {$class}.{$name}의 형상은 {$want}입니다{$hint}
lr-hint-transposed = . 전치된 것 같습니다: np.dot의 두 피연산자를 바꾸세요 (dW = np.dot(x.T, dout))
lr-hint-batch = . 배치 축이 남아 있습니다: 배치에 대해 합하세요, np.sum(dout, axis=0)
lr-hint-none = .
lr-reused = {$object} ({$class}) 객체가 이 노드를 만든 호출({$first}) 다음에 forward를 다시 실행했습니다({$later}). 저장된 값은 나중 호출의 것이고, back은 그 값을 썼습니다. 계층 객체는 forward 한 번의 값만 저장하므로, 책은 쓰임마다 객체를 하나씩 만듭니다 (mul_apple_layer, mul_tax_layer)
lr-dout-changed = {$class}.backward가 받은 dout을 바꾸었습니다 (dout[mask] = 0 처럼). back은 복사본을 건넸으므로 기울기는 맞지만, 그 배열을 가지고 있던 호출자는 바뀐 값을 보게 됩니다
lr-changed-in-place = {$class}.{ JOSA($name, "이") } forward 실행({$call}) 뒤에 제자리에서 바뀌었습니다. backward는 forward가 본 적 없는 값을 쓰게 됩니다. 복사본을 바꾸거나 (x *= 2 대신 x = x * 2), back 전에 forward를 다시 실행하세요
lr-check-error = {$kind}: {$message}
lr-hint-cache = backward가 읽는 값은 forward가 저장해야 합니다: forward에서 저장하면 (self.x = x) backward가 쓸 수 있습니다
lr-no-grad = {$class}.backward가 {$param}의 기울기로 None을 주었습니다
lr-pattern-swapped = { JOSA($name, "이") } {$other}의 기울기를 받았습니다. backward에서 둘이 바뀌지 않았나요? (각 입력의 기울기는 dout × 다른 입력입니다)
lr-pattern-should-be-zero = 여기서 기울기는 0이어야 하는데 backward는 0이 아닌 값을 줍니다
lr-pattern-sign = 모든 원소의 부호가 반대입니다: 빠졌거나 잘못 붙은 마이너스 부호를 찾아보세요
lr-pattern-batch-times = 모든 원소가 올바른 값의 {$n}배이고, { JOSA($n, "은") } 배치 크기입니다: 배치 크기로 나누세요 (dx = (y - t) / batch_size)
lr-pattern-batch-divided = 모든 원소가 올바른 값의 1/{$n}이고, { JOSA($n, "은") } 배치 크기입니다: 배치 크기로 한 번 더 나누었습니다
lr-pattern-factor = 모든 원소가 올바른 값의 {$factor}배입니다: 상수 배가 어긋났습니다
lr-pattern-all-zero = 기울기가 0이 아닌 곳에서 backward가 0을 줍니다: mask가 막고 있지 않나요 (뒤집혔거나 다른 배열에서 구했나요?), 아니면 dout을 중간에 잃어버렸나요?
lr-pattern-mask = 흘러야 할 곳에서 기울기가 0이거나, 0이어야 할 곳으로 흐릅니다: mask를 보세요 (뒤집혔거나, 바뀐 뒤의 배열에서 구하지 않았나요?)
lr-check-class-use = check {$class}: 객체가 필요합니다. {$class}()에는 인수가 필요하므로, 객체를 만들어 forward를 한 번 실행한 다음에 다시 실행하세요
lr-bad-rest = 여기서 { JOSA($text, "을", quote: "'") } 읽을 수 없습니다: ones, dout을 나타내는 식, 또는 sample N을 쓰세요
lr-bad-shape = { JOSA($text, "은", quote: "'") } check가 만들 수 있는 형상이 아닙니다: (2, 3)처럼, 원소 100000개 이하로 쓰세요
lr-step-heading = step {$name}: back이 방문하는 순서대로 직접 만든 계층 {$count}개, dout = {$dout}
lr-step-returned = {$class}.backward(dout)의 반환값
lr-step-summed = d{$param}의 형상은 { JOSA($param, "이") } 브로드캐스트된 형상 {$from}이었습니다: {$param}의 형상으로 합했습니다
lr-graph-heading = 이 값이 거쳐 온 직접 만든 계층 ({$count}개), forward가 실행한 순서대로:
lr-graph-grad = 기울기
lr-check-heading = check {$name}: 직접 만든 계층 {$count}개를 하나씩, backward를 forward의 중심 차분과 비교합니다 (h = 1e-4, dout은 무작위)
lr-check-class-heading = check {$class}: backward를 forward의 중심 차분과 비교합니다 (h = 1e-4, 입력과 dout은 무작위)
lr-check-row = 최대 |차이| {$max}, 위치 {$at}
lr-check-sampled = 원소 {$of}개 중 무작위로 {$count}개를 비교했습니다
lr-check-row-number = 최대 |차이| {$max}
lr-check-whole = check {$name}: sum({$name} * dout)의 수치 미분(중심 차분, h = 1e-4)과 back을 비교합니다. dout = {$dout}, 값을 조금씩 바꿀 때마다 직접 만든 계층의 forward를 다시 실행합니다
lr-dout-shape = dout '{$text}'의 형상은 {$got}인데, 시작하는 값의 형상은 {$want}입니다: 같은 형상의 값이나 ones를 주세요
lr-tool-in-layer = 계층 자신의 메서드 안에서 `{$text}` 문을 실행하면 자기 자신으로 다시 들어갑니다: back, step, graph, check는 계층 밖에서 실행하세요
lr-graph-rest = 직접 만든 계층의 graph는 이름 뒤에 아무것도 받지 않습니다 ('{$text}'): 글자로 그립니다. --dot은 그래프 문이 만든 계산 그래프에만 쓸 수 있습니다
lr-not-a-value = {$tool}에는 배열이나 수가 필요한데, {$name}의 타입은 {$kind}입니다: 계층이나 식이 만든 값을 주세요
