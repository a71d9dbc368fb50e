# 연습 문제: 채점 결과와 연습 문제 명령.
ex-passed = ✓ 통과: 새로 뽑은 입력에서 모든 검사를 통과했습니다
ex-error = 코드가 { JOSA($kind, "으로") } 멈췄습니다: {$message} ({$line}번째 줄)
ex-unknown = { JOSA($name, "이라는", quote: "'") } 연습 문제나 클래스가 없습니다
ex-no-class = 문제에서 말한 대로 클래스 { JOSA($class, "을") } 정의하세요 (forward와 backward 포함)
ex-input-changed = {$class}.forward가 입력 { JOSA($name, "을") } 제자리에서 바꾸었습니다: 호출한 쪽의 배열은 그대로 두어야 합니다 (복사본으로 계산하세요: out = {$name}.copy())
ex-forward = {$class}.forward의 값이 책의 계층과 다릅니다
ex-case = 입력 {$input}: forward의 결과 {$got}, 책의 계층의 결과 {$want}
ex-case-back = 입력 {$input}, dout = ones: backward의 결과 {$got}, 책의 계층의 결과 {$want}
ex-backward = {$class}.backward의 {$name} 기울기가 틀렸습니다: 기울기 확인이 맞지 않습니다
ex-cache = {$class}.backward가 이전 forward의 값을 썼습니다: forward를 두 번 부른 뒤의 backward는 두 번째 입력을 써야 합니다 (forward에서 매번 self.x = x 로 저장하세요)
ex-nudge = 막혔다면 :hint (파일로 풀 때는 --hint)로 힌트를 보세요
ex-missing = 파일이 { JOSA($name, "을") } 정하지 않습니다: 문제에서 그 이름으로 요구합니다
ex-number = { JOSA($name, "은") } {$got}인데, 책의 값은 {$want}입니다
ex-grads-key = gradient()가 '{$key}'를 반환하지 않습니다: W1, b1, W2, b2를 담은 딕셔너리를 반환하세요
ex-grads-shape = grads['{$key}']의 형상이 params['{$key}']와 다릅니다
ex-gradient = grads['{$key}']의 {$at}번째 원소는 {$got}인데, loss의 수치 미분은 {$want}입니다
ex-accuracy = test_acc가 {$got}입니다: 이 연습 문제는 0.93 이상을 요구합니다
ex-listing = 연습 문제 (backprop exercise NAME은 exercises/에 파일을 만들고 저장할 때마다 채점합니다):
ex-next = 다음: backprop exercise {$name}  (REPL에서는 :exercise {$name})
ex-all-done = 모든 연습 문제를 통과했습니다
ex-hint-heading = 힌트 {$n}/{$of}
ex-no-more-hints = 마지막 힌트였습니다. :solution으로 모범 답안을 볼 수 있습니다
ex-wrote = {$file} 파일을 만들었습니다: TODO를 채우고 저장하세요
ex-watching = {$file} 파일을 지켜봅니다: 저장할 때마다 다시 채점합니다. 그만하려면 q
ex-solution-confirm = 모범 답안은 답을 알려 줍니다: 보려면 :solution을 한 번 더 입력하세요
ex-solution-heading = 모범 답안:
ex-started = 연습 문제 {$name}: 입력 줄에 뼈대 코드가 있습니다. 고친 다음 Enter로 실행하거나 (화살표 키로 줄 사이를 옮겨 다닙니다), 클래스를 직접 입력하세요
ex-none-active = 열린 연습 문제가 없습니다: :exercise NAME으로 여세요 (:exercises는 목록)
ex-sigmoid-x = backward가 dout * (1 - x) * x를 계산합니다: 미분은 출력 y = sigmoid(x)로 쓴 y(1 - y)이고, forward가 그 값을 self.out에 저장합니다
