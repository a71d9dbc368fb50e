# lesson

lesson-header = Lesson {$number} · {$title}
lesson-listing = Lessons (backprop lesson N, or :lesson NAME):
lesson-pause-prompt = [Enter: go on, q: quit]
lesson-not-found = no lesson '{$which}'; the lessons are: {$lessons}
lesson-cannot-record = could not record the finished lesson: {$reason}

## A malformed lesson file
lesson-no-english-twin = lesson {$number} has no English twin in lessons/en
lesson-no-korean-twin = lesson {$number} has no Korean twin in lessons/ko
lesson-slug-differs = slug '{$slug}' differs from '{$other}' in {$path}
lesson-statement-differs = statement '{$statement}' differs from '{$other}' at {$path}:{$line}
lesson-statement-missing = statement '{$statement}' of {$path}:{$line} is missing here
lesson-statement-no-twin = statement '{$statement}' has no twin in {$path}
lesson-unknown-language = unknown language folder '{$folder}'
lesson-file-name = the file name must start with the lesson number, e.g. 03-relu.md
lesson-no-front-matter = missing front matter: start the file with ---, title: ..., slug: ..., ---
lesson-no-title = missing title in the front matter
lesson-no-slug = missing slug in the front matter
lesson-block-untagged = a code block without a tag; tag statements ```backprop and sketches ```python
lesson-block-unknown-tag = unknown block tag '{$tag}'; lessons hold only ```backprop and ```python blocks
lesson-block-indented = an indented code block; use a ```backprop or ```python fence
lesson-statement-parse = statement does not parse: {$message} (column {$column})
