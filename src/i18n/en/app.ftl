# app

## Input and output
cannot-write-output = cannot write the output: {$reason}
io-not-found = no such file
io-permission-denied = permission denied
io-other = {$reason}
write-failed = could not write the output
dot-cannot-write = cannot write '{$file}': {$reason}
dot-wrote = wrote {$file}; render it with: dot -Tsvg {$file} -o graph.svg
cannot-read-stdin = cannot read standard input: {$reason}
script-is-directory = '{$path}' is a directory; give a script file such as lesson.bp
cannot-read-file = cannot read '{$path}': {$reason}
not-utf8 = the file is not valid UTF-8 (byte {$byte}); save it as UTF-8 text

## The command line
arg-not-utf8 = argument {$arg} is not valid UTF-8
arg-needs-value = {$flag} needs a value
arg-bad-color = --color takes auto, always or never, not '{$value}'
arg-bad-seed = --seed takes a whole number from 0 to 4294967295, as np.random.seed does, not '{$value}'
arg-bad-lang = --lang takes ko or en, not '{$value}'
arg-unknown-option = unknown option '{$flag}'; see backprop --help
arg-run-needs-file = run needs a script: backprop run FILE (or - for stdin)
arg-lesson-extra = lesson takes one lesson, not also '{$extra}'
arg-unknown-command = unknown command '{$command}'; the commands are run and lesson (see backprop --help)

## The REPL
repl-banner = — :help for the language, :lessons for the lessons, Ctrl-D leaves
repl-reset = All variables forgotten.
repl-lang-set = Now in English.
repl-lang-usage = :lang takes ko or en, e.g. :lang ko
repl-color-usage = :color takes on or off, e.g. :color off
repl-seed-usage = :seed takes a whole number from 0 to 4294967295, e.g. :seed 42
repl-unknown-command = unknown command '{$command}'; the commands are {$commands}
repl-unknown-command-close = unknown command '{$command}'; did you mean '{$close}'? the commands are {$commands}
repl-no-vars = No variables yet. Try: x = [1.0, -2.0]
repl-has-grad = has grad
# The layer column of :vars: the kind of node that made each variable. $op is the layer's
# short name in code (leaf, data, mul, …), which English shows as it is.
vars-layer = {$op}
repl-no-lesson = No lesson is running; :lessons lists them.
repl-no-such-lesson = no lesson '{$which}'; the lessons are {$lessons}
repl-no-such-lesson-close = no lesson '{$which}'; did you mean '{$close}'? the lessons are {$lessons}
# The guided lesson's header, two lines that each fit in 80 columns: what the prompt holds,
# then the keys.
repl-guided-how = The prompt is filled with the next statement: Enter runs it, or edit it first.
repl-guided-keys = :next skips, :prev goes back, Ctrl-C pauses
repl-lesson-finished = Lesson finished! :lessons to pick the next one.
repl-skip-needed = `{$statement}` makes {$names}, which later steps use. Press Enter to run it now, or type :next again to skip it anyway.
repl-lesson-paused = (lesson paused: :lesson carries on)
repl-no-terminal = cannot open the terminal for editing: {$reason}
repl-cannot-read = cannot read the terminal: {$reason}
step-pause-prompt = [Enter: next node, q: stop]
history-cannot-read = cannot read the history file {$path}; carrying on without it
history-cannot-write = cannot write the history file {$path}; history is off for this session
repl-memory-usage = :memory takes a size such as 2G, 512M or 64K (binary units), e.g. :memory 2G
repl-memory-set = The memory budget is now {$budget}.
repl-memory-total = The session holds {$held} of its {$budget} budget.
repl-memory-unnamed = (values no name reaches, and the last back's gradients)
arg-bad-memory = --max-memory takes a size such as 2G, 512M or 64K (binary units), not '{$value}'
repl-digits-full = Floats now print every digit they need (numpy's floatmode='unique'); :digits 8 goes back.
repl-digits-numpy = Floats now print as numpy's print() does (8 digits at most).
repl-digits-usage = :digits takes full or 8, e.g. :digits full
