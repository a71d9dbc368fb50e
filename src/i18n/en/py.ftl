# py
py-array-ragged = setting an array element with a sequence. The requested array has an inhomogeneous shape after { $depth } dimensions.
py-array-element = an array cannot hold a { $kind } (only numbers, booleans, and lists or tuples of them)
py-broadcast = operands could not be broadcast together with shapes { $a } { $b }{" "}
py-slice-index = slice indices must be integers or None or have an __index__ method (got { $kind })
py-slice-step-zero = slice step cannot be zero
py-text = { $text }
py-arity-exact = { $name }() takes exactly { $expected } { $expected ->
    [one] argument
   *[other] arguments
  } ({ $given } given)
py-arity-least = { $name }() expected at least { $expected } { $expected ->
    [one] argument
   *[other] arguments
  }, got { $given }
py-arity-most = { $name }() expected at most { $expected } { $expected ->
    [one] argument
   *[other] arguments
  }, got { $given }
py-too-many-args = { $name }() takes { $expected } positional { $expected ->
    [one] argument
   *[other] arguments
  } but { $given } { $given ->
    [one] was
   *[other] were
  } given
py-missing-args = { $name }() missing { $count } required positional { $count ->
    [one] argument
   *[other] arguments
  }: { $names }
py-multiple-values = { $name }() got multiple values for argument '{ $arg }'
py-unexpected-kw = { $name }() got an unexpected keyword argument '{ $arg }'
py-repeated-kw = keyword argument repeated: { $arg }
py-starstar = argument after ** must be a mapping, not { $kind }
py-kw-not-str = keywords must be strings
py-array-to-scalar = only length-1 arrays can be converted to Python scalars
py-attr-name = attribute name must be string, not '{ $kind }'
py-bad-abs = bad operand type for abs(): '{ $kind }'
py-bad-base = a class can only inherit from a class defined with `class` (got { $kind })
py-bad-round = type { $kind } doesn't define __round__ method
py-bad-operands = unsupported operand type(s) for { $op }: '{ $a }' and '{ $b }'
py-bad-unary = bad operand type for unary { $op }: '{ $kind }'
py-bad-compare = '{ $op }' not supported between instances of '{ $a }' and '{ $b }'
py-cannot-assign = cannot assign to this expression
py-cannot-delete = cannot delete this expression
py-cannot-import = cannot import name '{ $name }' from '{ $module }'
py-no-module = No module named '{ $name }' (modules here: numpy, numpy.random, collections, math, dataset.digits)
py-chr-range = chr() arg not in range(0x110000)
py-class-no-args = { $name }() takes no arguments
py-class-no-attr = type object '{ $class }' has no attribute '{ $name }'
py-module-no-attr = module '{ $module }' has no attribute '{ $name }'
py-no-attr = '{ $kind }' object has no attribute '{ $name }'
py-readonly-attr = '{ $kind }' object attribute '{ $name }' is read-only
py-complex-power = a negative number raised to a fractional power is a complex number, which this program does not have
py-dict-pair = dictionary update sequence element has length { $got }; 2 is required
py-except-type = catching classes that do not inherit from BaseException is not allowed (got { $kind })
py-float-from = float() argument must be a string or a real number, not '{ $kind }'
py-int-from = int() argument must be a string, a bytes-like object or a real number, not '{ $kind }'
py-float-literal = could not convert string to float: { $text }
py-int-literal = invalid literal for int() with base { $base }: { $text }
py-float-range = (34, 'Numerical result out of range')
py-format-spec = format() argument 2 must be str, not { $kind }
py-in-str = 'in <string>' requires string as left operand, not { $kind }
py-index-range = { $seq } index out of range
py-seq-index-type = { $seq } indices must be integers or slices, not { $kind }
py-list-assign-range = list assignment index out of range
py-inf-to-int = cannot convert float infinity to integer
py-nan-to-int = cannot convert float NaN to integer
py-init-returned = __init__() should return None, not '{ $kind }'
py-int-arg = '{ $kind }' object cannot be interpreted as an integer
py-int-overflow = the result does not fit in 64 bits (from -9223372036854775808 to 9223372036854775807); Python would grow the int, this program keeps 64 bits
py-interrupted = interrupted (Ctrl-C)
py-isinstance-arg = isinstance() arg 2 must be a type, a tuple of types, or a union
py-len-int = __len__() should return a non-negative int
py-loop-outside = 'break' or 'continue' outside loop
py-return-outside = 'return' outside function
py-map-args = map() must have at least two arguments.
py-math-arg = must be real number, not { $kind }
py-math-domain = math domain error
py-math-range = math range error
py-minmax-empty = { $name }() arg is an empty sequence
py-minmax-empty-args = { $name } expected at least 1 argument, got 0
py-name-error = name '{ $name }' is not defined
py-unbound-local = cannot access local variable '{ $name }' where it is not associated with a value
py-negative-shift = negative shift count
py-no-item-assign = '{ $kind }' object does not support item assignment
py-no-item-delete = '{ $kind }' object does not support item deletion
py-no-len = object of type '{ $kind }' has no len()
py-no-nonlocal = no binding for nonlocal '{ $name }' found
py-not-callable = '{ $kind }' object is not callable
py-not-in-list = value is not in list
py-not-in-tuple = tuple.index(x): x not in tuple
py-remove-missing = list.remove(x): x not in list
py-not-iterable = '{ $kind }' object is not iterable
py-not-iterator = '{ $kind }' object is not an iterator
py-not-subscriptable = '{ $kind }' object is not subscriptable
py-ord-len = ord() expected a character, but string of length { $count } found
py-ord-type = ord() expected string of length 1, but { $kind } found
py-pop-empty = pop from empty list
py-pop-range = pop index out of range
py-print-end = end must be None or a string, not { $kind }
py-print-sep = sep must be None or a string, not { $kind }
py-raise-type = exceptions must derive from BaseException (got { $kind })
py-range-slice = slicing a range is not supported here; use list(range(...))[a:b]
py-range-step = range() arg 3 must not be zero
py-recursion = maximum recursion depth exceeded
py-reraise = No active exception to reraise
py-slice-assign-size = attempt to assign sequence of size { $got } to extended slice of size { $expected }
py-str-returned = __str__ returned non-string (type { $kind })
py-sum-str = sum() can't sum strings [use ''.join(seq) instead]
py-too-long = cannot make a sequence of { $count } items: the memory was refused, or it is past this program's limit of 2^28 items
py-tool-in-python = `{ $text }` is one of backprop's own statements; a .py file runs Python only
py-unhashable = unhashable type: '{ $kind }'
py-unpack-few = not enough values to unpack (expected { $expected }, got { $got })
py-unpack-many = too many values to unpack (expected { $expected })
py-zero-division = { $what }
py-traceback = Traceback (most recent call last):
py-traceback-frame = {"  "}File "{ $file }", line { $line }, in { $function }
py-traceback-cut = {"  "}[... { $count } more calls ...]
py-exception = { $kind }: { $message }
py-crashed = the Python program stopped on an internal error (a bug in backprop; please report it)
py-no-thread = could not start the thread that runs the Python program (out of memory?)
py-step-limit = the program ran longer than the step limit set for it
py-unbound-method = descriptor '{ $name }' needs a '{ $kind }' object as its first argument
py-layer-arity = { $name }() takes { $count } positional arguments but { $given } were given
py-grad-unknown = this array took no part in the last back: run `back` on a value computed from it first (grad of a number goes by its name, on a line of its own: grad(apple))
py-exception-suggest = { $kind }: { $message }. Did you mean: '{ $name }'?
