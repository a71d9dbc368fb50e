# py
py-array-ragged = setting an array element with a sequence. The requested array has an inhomogeneous shape after { $depth } dimensions.
py-array-element = an array cannot hold a { $kind } (only numbers, booleans, and lists or tuples of them)
py-broadcast = operands could not be broadcast together with shapes { $a } { $b }
py-slice-index = slice indices must be integers or None or have an __index__ method (got { $kind })
py-slice-step-zero = slice step cannot be zero
