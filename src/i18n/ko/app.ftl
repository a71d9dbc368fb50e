# app

## Input and output
cannot-write-output = 출력을 쓸 수 없습니다: {$reason}
io-not-found = 파일이 없습니다
io-permission-denied = 권한이 없습니다
io-other = {$reason}
write-failed = 출력을 쓸 수 없습니다
dot-cannot-write = '{$file}'에 쓸 수 없습니다: {$reason}
dot-wrote = {$file}에 썼습니다. 그림으로 보려면: dot -Tsvg {$file} -o graph.svg
cannot-read-stdin = 표준 입력을 읽을 수 없습니다: {$reason}
script-is-directory = { JOSA($path, "은", quote: "'") } 디렉터리입니다. lesson.bp 같은 스크립트 파일을 주세요
cannot-read-file = { JOSA($path, "을", quote: "'") } 읽을 수 없습니다: {$reason}
not-utf8 = 올바른 UTF-8 파일이 아닙니다(바이트 {$byte}). UTF-8 텍스트로 저장하세요

## The command line
arg-not-utf8 = 인자 { JOSA($arg, "은") } 올바른 UTF-8이 아닙니다
arg-needs-value = {$flag} 뒤에 값이 필요합니다
arg-bad-color = --color에는 auto, always, never 중 하나를 주세요. { JOSA($value, "은", quote: "'") } 안 됩니다
arg-bad-seed = --seed에는 0부터 4294967295까지의 정수를 주세요. { JOSA($value, "은", quote: "'") } 안 됩니다
arg-bad-lang = --lang에는 ko 또는 en을 주세요. { JOSA($value, "은", quote: "'") } 안 됩니다
arg-unknown-option = 알 수 없는 옵션 '{$flag}'. backprop --help를 보세요
arg-run-needs-file = run에는 스크립트가 필요합니다: backprop run FILE (표준 입력은 -)
arg-lesson-extra = lesson에는 수업 하나만 주세요. '{$extra}'까지는 안 됩니다
arg-unknown-command = 알 수 없는 명령 '{$command}'. 명령은 run과 lesson입니다 (backprop --help 참고)

## The REPL
repl-banner = — 언어 설명은 :help, 수업은 :lessons, 끝내기는 Ctrl-D
repl-reset = 변수를 모두 지웠습니다.
repl-lang-set = 이제 한국어로 안내합니다.
repl-lang-usage = :lang에는 ko 또는 en을 주세요. 예: :lang en
repl-color-usage = :color에는 on 또는 off를 주세요. 예: :color off
repl-seed-usage = :seed에는 0부터 4294967295까지의 정수를 주세요. 예: :seed 42
repl-unknown-command = 알 수 없는 명령 '{$command}'. 명령: {$commands}
repl-unknown-command-close = 알 수 없는 명령 '{$command}'. { JOSA($close, "을", quote: "'") } 입력하려던 건가요? 명령: {$commands}
repl-no-vars = 아직 변수가 없습니다. 예: x = [1.0, -2.0]
repl-has-grad = 기울기 있음
# The layer column of :vars: the kind of node that made each variable. $op is the layer's
# short name in code (leaf, data, mul, …); Korean names it in words, as the book does.
vars-layer = { $op ->
    [leaf] 잎 변수
    [data] 데이터
    [add] 덧셈 계층
    [sub] 뺄셈 계층
    [mul] 곱셈 계층
    [div] 나눗셈 계층
    [neg] 부호 반전
    [exp] exp 계층
    [relu] ReLU 계층
    [sigmoid] Sigmoid 계층
    [dot] 행렬 곱
    [affine] Affine 계층
    [softmax] Softmax 계층
    [cross_entropy_error] 교차 엔트로피 오차
    [softmax_with_loss] Softmax-with-Loss 계층
    [sum] 합
    [mean] 평균
    [max] 최댓값
    [log] 로그
    [sqrt] 제곱근
    [pow] 거듭제곱
    [tanh] tanh 계층
    [transpose] 전치
    [reshape] 형상 바꾸기
    [index] 인덱싱
    [compare] 비교
   *[other] {$op}
}
repl-no-lesson = 진행 중인 수업이 없습니다. :lessons로 목록을 보세요.
repl-no-such-lesson = { JOSA($which, "이라는", quote: "'") } 수업이 없습니다. 수업: {$lessons}
repl-no-such-lesson-close = { JOSA($which, "이라는", quote: "'") } 수업이 없습니다. '{$close}'인가요? 수업: {$lessons}
# The guided lesson's header, two lines that each fit in 80 columns: what the prompt holds,
# then the keys.
repl-guided-how = 프롬프트에 다음 문장이 채워집니다. Enter로 실행하거나 고쳐서 실행하세요.
repl-guided-keys = :next 건너뛰기, :prev 이전 단계, Ctrl-C 잠시 멈춤
repl-lesson-finished = 수업을 마쳤습니다! :lessons로 다음 수업을 고르세요.
repl-skip-needed = { JOSA($statement, "이", quote: "`") } 만드는 { JOSA($names, "을") } 뒤의 단계에서 씁니다. 지금 실행하려면 Enter를, 그래도 건너뛰려면 :next를 한 번 더 입력하세요.
repl-lesson-paused = (수업 일시 정지: :lesson으로 계속)
repl-no-terminal = 터미널을 편집용으로 열 수 없습니다: {$reason}
repl-cannot-read = 터미널에서 읽을 수 없습니다: {$reason}
step-pause-prompt = [Enter: 다음 노드, q: 그만]
history-cannot-read = 기록 파일 { JOSA($path, "을") } 읽을 수 없습니다. 기록 없이 계속합니다
history-cannot-write = 기록 파일 {$path}에 쓸 수 없습니다. 이번 세션에서는 기록을 끕니다
repl-memory-usage = :memory에는 2G, 512M, 64K 같은 크기를 주세요(1K = 1024바이트). 예: :memory 2G
repl-memory-set = 이제 메모리 예산은 {$budget}입니다.
repl-memory-total = 세션이 예산 {$budget} 중 { JOSA($held, "을") } 쓰고 있습니다.
repl-memory-unnamed = (이름이 닿지 않는 값, 마지막 back의 기울기)
arg-bad-memory = --max-memory에는 2G, 512M, 64K 같은 크기를 주세요(1K = 1024바이트). { JOSA($value, "은", quote: "'") } 안 됩니다
repl-digits-full = 이제 실수를 필요한 자릿수까지 모두 출력합니다 (numpy의 floatmode='unique'). :digits 8로 돌아갑니다.
repl-digits-numpy = 이제 실수를 numpy의 print()처럼 출력합니다 (최대 8자리).
repl-digits-usage = :digits에는 full 또는 8을 주세요. 예: :digits full
