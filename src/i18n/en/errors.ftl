# errors


## Labels of diagnostics
error-label = error:
warning-label = warning:
# "at 3:5": the second place an error refers to.
related-at = at {$line}:{$column}

## The engine
broadcast-shapes = operands could not be broadcast together with shapes {$lhs} {$rhs}
array-too-large = an array of shape {$shape} would have {$count} elements; the limit is {$max} (10^8)
array-too-large-overflow = an array of shape {$shape} would have too many elements; the limit is {$max} (10^8)
check-boolean = '{$name}' is a boolean array; check needs numbers
check-no-variable = '{$name}' depends on no named variable; check compares gradients of names such as x = [1.0, 2.0]
check-too-large = checking '{$name}' would nudge {$elements} elements, each costing two forward passes: {$work} element operations, more than the {$max} a check may take; check fewer elements, e.g. check {$name} sample 10, or a smaller graph
dot-too-many-nodes = '{$name}' comes from {$count} nodes; --dot writes at most {$max} (Graphviz cannot lay out more in reasonable time); `graph {$name}` draws it as a tree
# numpy's own words for choice's bad arguments.
choice-empty = a must be greater than 0 unless no samples are taken
choice-too-large = high is out of bounds for int64
# Ctrl-C stopped a statement; it never happened.
interrupted = interrupted
load-unknown = there is no data set '{$name}'; the data sets are: {$known}
memory-budget = this needs {$needed} more, but the session holds {$held} of its {$budget} budget; the largest holders are {$largest}. Free some with del NAME, or raise the budget with :memory SIZE (or --max-memory SIZE)
memory-budget-unnamed = this needs {$needed} more, but the session holds {$held} of its {$budget} budget. Raise the budget with :memory SIZE (or --max-memory SIZE)
memory-refused = the system would not give the {$needed} this needs; nothing was changed. Free some memory (del NAME) and try again
index-not-whole = an index must be a whole number, such as 0, 2 or -1; write x[0], not x[0.5]
index-mask-length = a boolean index of length {$length} does not match the axis, which has {$size} elements; the mask must have one True or False per element
index-shape = an index must be a whole number, a 1-D array of whole numbers or a slice such as 1:3, not an array of shape {$shape}
keepdims-not-bool = keepdims takes True or False
range-not-number = {$func} takes finite numbers, e.g. {$func}(10) or {$func}(0, 10, 2)
range-not-whole = range takes whole numbers; for fractions use arange, e.g. arange(0, 1, 0.25)
for-not-iterable = a for loop needs something to go through: an array, or range(n), e.g. for i in range(10):
for-too-long = this loop would run {$count} times; a loop may run at most {$max}; use a smaller range
if-ambiguous = the truth value of an array with more than one element is ambiguous (numpy): an if needs one value, and this is an array of shape {$shape}; compare one element (x[0] > 0), or reduce it first (sum(x) > 0)
update-shape = the result has shape {$result}, but '{$name}' has shape {$shape}; an update such as -= keeps the variable's shape, so the right side must broadcast to it
interrupted-loop = interrupted after {$done} of {$total} iterations; what they did stays
affine-not-aligned = affine: x has {$features} features per sample (shape {$x}), but W has {$rows} rows (shape {$w}); W needs one row per feature: shape {$expected}
plot-not-1d = plot draws 1-D arrays, and this has shape {$shape}; pick a row or column (x[0], x[:, 0]) or flatten it (reshape(x, -1))
plot-no-finite = there is nothing to draw: no value here is a finite number
plot-lengths = plot draws series of one length: the first has {$expected} values, this one {$got}
imshow-shape = imshow draws a 2-D array, or a row of 64 (8×8) or 784 (28×28) values, not shape {$shape}; pick one image, e.g. imshow(x_test[0])
plot-height = height= takes a whole number of rows from {$min} to {$max}, e.g. plot losses, height=8
