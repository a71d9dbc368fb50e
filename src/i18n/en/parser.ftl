# parser

## Statements
parse-unexpected-end = unexpected end of line
parse-assign-built-in = cannot assign to '{$name}': it is a built-in name; choose another name
parse-expected-name = expected a name
parse-expected-equals = expected '='
parse-expected-name-after = expected a name after '{$keyword}'
parse-target-built-in = expected a name after '{$keyword}', but '{$name}' is a built-in name
parse-keyword-not-function = '{$keyword}' is a statement, not a function; write it without parentheses, e.g. {$keyword} y
parse-graph-unknown-option = unknown option '{$option}' for graph; the only option is '--dot'
parse-unclosed-quote = expected '"' to close '"'
parse-expected-file-name = expected a file name inside the quotes

## Blocks: for and if
parse-expected-in = expected 'in'
# $keyword is for, if, elif or else.
parse-expected-colon = expected ':' at the end of the '{$keyword}' line
# Followed by where the header is: "… after the 'for' line at 1:1".
parse-expected-block = expected an indented block after the '{$keyword}' line
parse-unexpected-indent = unexpected indent: this line is indented more than the lines of its block
parse-bad-dedent = unindent does not match any outer indentation level; line it up with its block or an enclosing one
parse-block-not-first = '{$keyword}' must start its own line; it cannot follow ';' or the ':' of another block
parse-else-without-if = '{$keyword}' has no 'if' to belong to; line it up with the 'if' above it
parse-statement-after-block = this line is not indented, so the block has ended; in the REPL, enter an empty line to end a block before the next statement
parse-blocks-too-deep = blocks nest at most {$max} deep (an elif counts as one more)

## Expressions
parse-expected-expression-after = expected an expression after '{$after}'
parse-chained-comparison = comparisons cannot be chained; add parentheses, e.g. (a < b) == c
parse-tuple = a tuple is only a shape here, as in zeros((2, 3)) or x.reshape((2, -1))
parse-tuple-not-shape = { $function } takes no tuple here; a tuple is a shape, as in zeros((2, 3)) or reshape(x, (2, -1))
parse-numpy-unknown = { $name } is not here; the numpy names are { $names }
parse-keyword-not-value = '{$keyword}' is a statement keyword, not a value; use it at the start of a statement, e.g. {$keyword} y
parse-function-not-value = '{$function}' is a function; call it like {$example}
parse-too-many-operators = too many operators in one statement (at most {$max}); split it into several statements
parse-expressions-too-deep = expressions nest at most {$max} deep
parse-block-keyword-not-value = '{$keyword}' is a keyword of for and if, not a value
parse-unknown-attribute = unknown attribute '.{$name}'; an array has .T and the methods reshape, sum, mean, max, argmax, copy, flatten and transpose

## Calls
parse-unknown-function-close = unknown function '{$name}'; did you mean '{$close}'?
parse-unknown-function = unknown function '{$name}'; the functions are {$functions}
parse-takes-a-name = {$function} takes a variable name, e.g. {$function}(x)
# $wanted is parse-arguments or parse-arguments-or-more.
parse-arity = {$function} takes {$wanted}, got {$got}
parse-arguments = {$count ->
    [one] {$count} argument
   *[other] {$count} arguments
}
parse-arguments-or-more = {$count} or more arguments
parse-arguments-between = {$least} to {$most} arguments
# Followed by where the first keyword argument is: "… after the keyword argument at 1:9".
parse-positional-after-keyword = a positional argument cannot come after the keyword argument
parse-repeated-keyword = the keyword argument '{$keyword}' is given twice
parse-no-keywords = {$function} takes no keyword arguments
parse-unknown-keyword = {$function} has no keyword argument '{$keyword}'; it takes {$allowed}

## Numbers and arrays
parse-expected-number = expected a number
parse-expected-list = expected a list
parse-expected-number-after = expected a number after '{$sign}'
parse-invalid-number = invalid number '{$text}'
parse-number-too-large = number '{$text}' is too large for float64 (the largest is about 1.8e308)
parse-arrays-too-deep = arrays nest at most {$max} deep
# Rows of one parent are numbered from 1.
parse-ragged-rows = ragged array: row {$row} has {$count ->
    [one] {$count} item
   *[other] {$count} items
} where row {$first_row} has {$first_count}
# Lists in different parents are named by their numpy index, e.g. [1][0].
parse-ragged-lists = ragged array: the list at {$at} has {$count ->
    [one] {$count} item
   *[other] {$count} items
} where the list at {$first_at} has {$first_count}

## What was expected, and what was found instead
# $expected is one of the parse-expected messages; $found is one of the parse-token messages.
parse-found = {$expected}, found {$found}
parse-token = '{$token}'
parse-token-end-of-line = end of line
parse-token-line-break = a line break
parse-token-list = a list
parse-token-number = a number
parse-expected-end = expected ';' or end of line
parse-expected-statement = expected a statement
parse-expected-statement-before-semicolon = expected a statement before ';'
parse-expected-name-before-equals = expected a name before '='
parse-assign-to-expression = cannot assign to an expression; the left side of '=' must be a name or an indexed name, e.g. x or x[i]
parse-unexpected-close = unexpected '{$token}'
parse-unclosed-paren = expected ')' to close '('
parse-unclosed-bracket = expected ']' to close '['
parse-unexpected-character = unexpected character '{$char}'

parse-seed-number = seed takes a whole number, as np.random.seed does, e.g. seed 0
parse-seed-range = seed {$seed} is out of range; numpy's seeds are whole numbers from 0 to 4294967295 (2**32 - 1)
parse-sample-count = sample takes how many elements of each variable to check, a whole number from 1, e.g. check y sample 10
parse-plot-needs-array = plot and imshow take arrays to draw, e.g. plot xs, relu(xs) or imshow(x_test[0])
parse-plot-close = expected ')' to close the list plot draws, e.g. plot(xs, y)
parse-import-unknown = there is no module '{ $module }' here; what can be imported is numpy (import numpy as np, from numpy import …) and numpy.random (from numpy.random import randn, rand, choice)
parse-import-alias = numpy is imported as np here (import numpy as np), not as '{ $alias }'
parse-import-name = '{ $name }' is not in { $module } here; it has { $names }
parse-expected-import = expected 'import' after the module, as in from numpy import *
parse-leading-zeros = '{ $text }': an int may not start with 0, as in Python; write { $fixed }
