# lesson

lesson-header = 수업 {$number} · {$title}
lesson-listing = 수업 목록 (backprop lesson N 또는 :lesson 이름):
lesson-pause-prompt = [Enter: 계속, q: 끝내기]
lesson-not-found = { JOSA($which, "이라는", quote: "'") } 수업이 없습니다. 수업: {$lessons}
lesson-cannot-record = 마친 수업을 기록할 수 없습니다: {$reason}

## A malformed lesson file
lesson-no-english-twin = 수업 {$number}에 대응하는 영어 수업이 lessons/en에 없습니다
lesson-no-korean-twin = 수업 {$number}에 대응하는 한국어 수업이 lessons/ko에 없습니다
lesson-slug-differs = slug { JOSA($slug, "이", quote: "'") } {$path}의 { JOSA($other, "과", quote: "'") } 다릅니다
lesson-statement-differs = 문장 { JOSA($statement, "이", quote: "'") } {$path}:{$line}의 { JOSA($other, "과", quote: "'") } 다릅니다
lesson-statement-missing = {$path}:{$line}의 문장 { JOSA($statement, "이", quote: "'") } 여기에 없습니다
lesson-statement-no-twin = 문장 '{$statement}'에 대응하는 문장이 {$path}에 없습니다
lesson-unknown-language = 알 수 없는 언어 폴더 '{$folder}'
lesson-file-name = 파일 이름은 수업 번호로 시작해야 합니다. 예: 03-relu.md
lesson-no-front-matter = 머리말이 없습니다. 파일을 ---, title: ..., slug: ..., ---로 시작하세요
lesson-no-title = 머리말에 title이 없습니다
lesson-no-slug = 머리말에 slug가 없습니다
lesson-block-untagged = 태그 없는 코드 블록입니다. 문장은 ```backprop, 스케치는 ```python으로 표시하세요
lesson-block-unknown-tag = 알 수 없는 블록 태그 '{$tag}'. 수업에는 ```backprop과 ```python 블록만 쓸 수 있습니다
lesson-block-indented = 들여쓴 코드 블록입니다. ```backprop 또는 ```python 울타리를 쓰세요
lesson-statement-parse = 문장을 해석할 수 없습니다: {$message} (열 {$column})
