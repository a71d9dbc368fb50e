# session

## Names
unknown-name-close = unknown name '{$name}'; did you mean '{$close}'?
unknown-name-first = unknown name '{$name}'; define it first, e.g. {$name} = 1.0
unknown-name-known = unknown name '{$name}'; known names: {$names}
# The first ten names, then how many more: "known names: a, b, … and 4990 more".
unknown-name-known-more = unknown name '{$name}'; known names: {$names}, … and {$count} more

## back, grad() and mask()
back-boolean = '{$name}' is a boolean array, and no gradient flows through a comparison; run back from a number array
dout-not-broadcast = dout could not be broadcast
dout-shape = dout has shape {$dout} but '{$name}' has shape {$shape}; give a dout of the same shape, or `ones`
grad-before-back = no gradients yet: run `back NAME` first, then grad({$name})
grad-took-no-part = '{$name}' took no part in the last back, which ran from '{$output}'
grad-of-data = '{$name}' is data (what `load` gave, or a value computed from it alone, as x = x_train[batch] is), and data takes no gradient; ask for the gradient of a parameter such as W1
# $maker is one of the made-by messages below.
mask-not-relu = '{$name}' was made by {$maker}, not by relu, so it has no mask; mask() takes a name made by relu(...)
made-by-literal = a literal value
made-by-data = data (what `load` gave, or a value computed from it alone)
made-by-comparison = a comparison ('{$symbol}')
made-by-layer = the {$layer} layer

## Calls and literals
# $what is the construct as it is written: for, if, +=, x[...], .T, **, @, sum, axis=, True, …
not-yet-supported = '{$what}' is parsed but not evaluated yet
call-arity = {$func} takes {$expected} argument(s), got {$got}
sizes-missing = {$func} takes at least one size, e.g. {$func}(2, 3)
sizes-not-whole = {$func} takes sizes that are whole numbers of 0 or more, e.g. {$func}(2, 3)
# $reason is ndarray's own description of the mismatch.
array-malformed = malformed array literal: {$reason}

## Warnings: numpy's RuntimeWarning, then how many elements it hit.
# numpy's RuntimeWarning text word for word, so a learner can search for it.
numpy-overflow-exp = overflow encountered in exp
numpy-overflow-divide = overflow encountered in divide
numpy-divide-by-zero = divide by zero encountered in divide
numpy-invalid-divide = invalid value encountered in divide
numpy-overflow-multiply = overflow encountered in multiply
numpy-overflow-add = overflow encountered in add
numpy-overflow-subtract = overflow encountered in subtract
numpy-divide-by-zero-log = divide by zero encountered in log
numpy-invalid-log = invalid value encountered in log
numpy-invalid-sqrt = invalid value encountered in sqrt
numpy-invalid-power = invalid value encountered in power
numpy-divide-by-zero-power = divide by zero encountered in power
numpy-overflow-power = overflow encountered in power
numpy-invalid-remainder = invalid value encountered in remainder
numpy-divide-by-zero-floor-divide = divide by zero encountered in floor_divide
# $numpy is one of the numpy- messages above.
overflow-warning = {$numpy}: {$bad} of {$count} element(s) became inf or nan

## The line editor's hints, after `ones(`, `zeros(` and `randn(`
hint-sizes = rows, cols)
too-many-dims = an array may have at most {$max} dimensions, as in numpy; this one would have {$count}
print-not-value = print of several values (or of none) is a statement of its own; it gives no value to use here
