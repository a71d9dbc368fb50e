# parser

## Statements
parse-unexpected-end = 줄이 예상보다 일찍 끝났습니다
parse-assign-built-in = '{$name}'에는 대입할 수 없습니다. 내장 이름이니 다른 이름을 고르세요
parse-expected-name = 이름이 와야 합니다
parse-expected-equals = '='가 와야 합니다
parse-expected-name-after = '{$keyword}' 뒤에 이름이 와야 합니다
parse-target-built-in = '{$keyword}' 뒤에는 이름이 와야 하는데 { JOSA($name, "은", quote: "'") } 내장 이름입니다
parse-keyword-not-function = { JOSA($keyword, "은", quote: "'") } 함수가 아니라 문장입니다. 괄호 없이 쓰세요. 예: {$keyword} y
parse-graph-unknown-option = graph에는 '{$option}' 옵션이 없습니다. 옵션은 '--dot' 하나뿐입니다
parse-unclosed-quote = 여는 따옴표 '"'에 맞는 닫는 따옴표 '"'가 없습니다
parse-expected-file-name = 따옴표 안에 파일 이름이 와야 합니다

## Blocks: for and if
parse-expected-in = 'in'이 와야 합니다
# $keyword is for, if, elif or else.
parse-expected-colon = '{$keyword}' 줄 끝에 ':'가 와야 합니다
# Followed by where the header is: "… (1:1 참고)".
parse-expected-block = '{$keyword}' 줄 다음에는 들여 쓴 블록이 와야 합니다
parse-unexpected-indent = 예상하지 못한 들여쓰기입니다. 이 줄은 같은 블록의 다른 줄보다 더 들여 썼습니다
parse-bad-dedent = 내어쓰기가 바깥 어느 블록의 들여쓰기와도 맞지 않습니다. 속한 블록이나 바깥 블록과 같은 깊이로 맞추세요
parse-block-not-first = { JOSA($keyword, "은", quote: "'") } 줄의 맨 앞에서 시작해야 합니다. ';'나 다른 블록의 ':' 뒤에는 쓸 수 없습니다
parse-else-without-if = '{$keyword}'에 짝이 되는 'if'가 없습니다. 위의 'if'와 같은 깊이로 들여 쓰세요
parse-statement-after-block = 들여 쓰지 않은 줄이라 블록은 이미 끝났습니다. REPL에서는 빈 줄을 입력해 블록을 끝낸 뒤 다음 문장을 입력하세요
parse-blocks-too-deep = 블록은 {$max}단계까지만 중첩할 수 있습니다(elif도 한 단계로 셉니다)

## Expressions
parse-expected-expression-after = '{$after}' 뒤에 식이 와야 합니다
parse-chained-comparison = 비교는 이어 쓸 수 없습니다. 괄호를 넣으세요. 예: (a < b) == c
parse-tuple = 여기서 튜플은 zeros((2, 3))이나 x.reshape((2, -1))처럼 형상으로만 쓸 수 있습니다
parse-tuple-not-shape = { $function }에는 여기에 튜플을 쓸 수 없습니다. 튜플은 zeros((2, 3))이나 reshape(x, (2, -1))처럼 형상을 나타냅니다
parse-numpy-unknown = { $name } 이름은 없습니다. 쓸 수 있는 numpy 이름: { $names }
parse-keyword-not-value = { JOSA($keyword, "은", quote: "'") } 값이 아니라 문장 키워드입니다. 문장 맨 앞에 쓰세요. 예: {$keyword} y
parse-function-not-value = { JOSA($function, "은", quote: "'") } 함수입니다. {$example}처럼 호출하세요
parse-too-many-operators = 한 문장에 연산자가 너무 많습니다(최대 {$max}개). 여러 문장으로 나누세요
parse-expressions-too-deep = 식은 {$max}단계까지만 중첩할 수 있습니다
parse-block-keyword-not-value = { JOSA($keyword, "은", quote: "'") } 값이 아니라 for와 if에 쓰는 키워드입니다
parse-unknown-attribute = 알 수 없는 속성 '.{$name}'. 배열에는 .T와 메서드 reshape, sum, mean, max, argmax, copy, flatten, transpose가 있습니다

## Calls
parse-unknown-function-close = 알 수 없는 함수 '{$name}'. '{$close}'인가요?
parse-unknown-function = 알 수 없는 함수 '{$name}'. 함수: {$functions}
parse-takes-a-name = {$function}에는 변수 이름을 주세요. 예: {$function}(x)
# $wanted is parse-arguments or parse-arguments-or-more: "1개", "1개 이상".
parse-arity = { JOSA($function, "은") } 인자를 {$wanted} 받는데 {$got}개가 주어졌습니다
parse-arguments = {$count}개
parse-arguments-or-more = {$count}개 이상
parse-arguments-between = {$least}~{$most}개
# Followed by where the first keyword argument is: "… (1:9 참고)".
parse-positional-after-keyword = 키워드 인자 뒤에는 위치 인자를 쓸 수 없습니다
parse-repeated-keyword = 키워드 인자 { JOSA($keyword, "이", quote: "'") } 두 번 주어졌습니다
parse-no-keywords = { JOSA($function, "은") } 키워드 인자를 받지 않습니다
parse-unknown-keyword = {$function}에는 { JOSA($keyword, "이라는", quote: "'") } 키워드 인자가 없습니다. 받는 키워드 인자: {$allowed}

## Numbers and arrays
parse-expected-number = 숫자가 와야 합니다
parse-expected-list = 리스트가 와야 합니다
parse-expected-number-after = '{$sign}' 뒤에 숫자가 와야 합니다
parse-invalid-number = { JOSA($text, "은", quote: "'") } 올바른 숫자가 아닙니다
parse-number-too-large = 숫자 { JOSA($text, "은", quote: "'") } float64로 나타내기에 너무 큽니다(가장 큰 값은 약 1.8e308)
parse-arrays-too-deep = 배열은 {$max}단계까지만 중첩할 수 있습니다
# Rows of one parent are numbered from 1.
parse-ragged-rows = 들쭉날쭉한 배열입니다: {$row}행은 원소가 {$count}개인데 {$first_row}행은 {$first_count}개입니다
# Lists in different parents are named by their numpy index, e.g. [1][0].
parse-ragged-lists = 들쭉날쭉한 배열입니다: {$at}의 리스트는 원소가 {$count}개인데 {$first_at}의 리스트는 {$first_count}개입니다

## What was expected, and what was found instead
# $expected is one of the parse-expected messages (a whole sentence: "숫자가 와야 합니다");
# $found is one of the parse-token messages: "'x' 대신 숫자가 와야 합니다".
parse-found = {$found} 대신 {$expected}
parse-token = '{$token}'
parse-token-end-of-line = 줄 끝
parse-token-line-break = 줄바꿈
parse-token-list = 리스트
parse-token-number = 숫자
parse-expected-end = ';' 또는 줄 끝이 와야 합니다
parse-expected-statement = 문장이 와야 합니다
parse-expected-statement-before-semicolon = ';' 앞에 문장이 와야 합니다
parse-expected-name-before-equals = '=' 앞에 이름이 와야 합니다
parse-assign-to-expression = 식에는 대입할 수 없습니다. '='의 왼쪽은 x나 x[i]처럼 이름이거나 인덱스를 붙인 이름이어야 합니다
parse-unexpected-close = { JOSA($token, "과", quote: "'") } 짝이 맞는 여는 괄호가 없습니다
parse-unclosed-paren = 여는 괄호 '('에 맞는 닫는 괄호 ')'가 없습니다
parse-unclosed-bracket = 여는 대괄호 '['에 맞는 닫는 대괄호 ']'가 없습니다
parse-unexpected-character = { JOSA($char, "은", quote: "'") } 쓸 수 없는 문자입니다

parse-seed-number = seed에는 np.random.seed처럼 0 이상의 정수를 주세요. 예: seed 0
parse-seed-range = seed { JOSA($seed, "은") } 범위를 벗어납니다. numpy의 시드는 0부터 4294967295(2**32 - 1)까지의 정수입니다
parse-sample-count = sample 뒤에는 변수마다 확인할 원소 개수(1 이상의 정수)를 주세요. 예: check y sample 10
parse-plot-needs-array = plot과 imshow에는 그릴 배열을 주세요. 예: plot xs, relu(xs) 또는 imshow(x_test[0])
parse-plot-close = plot이 그릴 목록을 닫는 ')'가 와야 합니다. 예: plot(xs, y)
parse-import-unknown = 여기에는 '{ $module }' 모듈이 없습니다. 가져올 수 있는 것은 numpy(import numpy as np, from numpy import …)와 numpy.random(from numpy.random import randn, rand, choice)입니다
parse-import-alias = 여기서 numpy는 np라는 이름으로 가져옵니다(import numpy as np). 쓴 이름: '{ $alias }'
parse-import-name = 여기의 { $module }에는 '{ $name }' 이름이 없습니다. 있는 이름: { $names }
parse-expected-import = 모듈 다음에는 from numpy import *처럼 'import'가 와야 합니다
parse-leading-zeros = '{ $text }': 파이썬에서처럼 정수는 0으로 시작할 수 없습니다. 이렇게 쓰세요: { $fixed }
