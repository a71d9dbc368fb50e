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
