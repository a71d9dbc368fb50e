# py
py-array-ragged = setting an array element with a sequence. The requested array has an inhomogeneous shape after { $depth } dimensions.
py-array-element = an array cannot hold a { $kind } (only numbers, booleans, and lists or tuples of them)
