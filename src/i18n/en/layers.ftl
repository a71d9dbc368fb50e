# layers


## Why a layer refuses its operands (LayerError::message). Every message starts with the
## operation as the learner wrote it ($what: dot, @, affine, sum, reshape, x[...]), gives the
## numbers as numpy's error does, and then says what to do. Shapes are written as numpy's tuples.

# $position counts the operands from 1; $choices is how many ranks the operation takes, from
# $first to $last.
layer-rank = {$what}: the {$position ->
    [1] first
    [2] second
    [3] third
   *[other] {$position}th
} operand has shape {$shape}, a {$ndim}-D array, but {$what} takes {$choices ->
    [1] only {$first}-D arrays
    [2] {$first}-D or {$last}-D arrays
   *[other] arrays of {$first}-D to {$last}-D
}; reshape it first: reshape(x, N, -1) makes a 2-D array of N rows, reshape(x, -1) a 1-D one
# $left is the size of axis $a_axis of the left operand, $right that of axis $b_axis of the right.
layer-not-aligned = {$what}: shapes {$a} and {$b} are not aligned: {$left} (axis {$a_axis} of the left) ≠ {$right} (axis {$b_axis} of the right); the left's columns must equal the right's rows — transpose one of them (x.T) or check the order
# $axis counts from the end (-1 is the last axis): the first pair of sizes that does not broadcast.
layer-broadcast = {$what}: operands could not be broadcast together with shapes {$a} and {$b}: at axis {$axis} the sizes {$left} and {$right} differ and neither is 1; compared from the last axis, sizes must be equal or one of them 1 — change one operand's shape with reshape, or transpose it (x.T), so that they line up
# $expected is the shape b should have: ($columns,).
layer-bias = {$what}: the Affine layer's bias b has shape {$b}, but W has {$columns ->
    [one] {$columns} column
   *[other] {$columns} columns
}; b must be a 1-D array of shape {$expected}, one entry per column of W (one per output neuron) — e.g. b = zeros({$columns})
layer-too-large = {$what}: the result would have shape {$shape}, more than {$max} (10^8) elements; work with smaller arrays, e.g. a smaller batch
# $last is $ndim - 1.
layer-axis = {$what}: axis {$axis} is out of bounds for array of dimension {$ndim}; {$ndim ->
    [0] a 0-d array has no axes, so leave axis out
    [1] a 1-D array has only axis 0 (or -1)
   *[other] a {$ndim}-D array has axes 0 to {$last} (or -{$ndim} to -1): for a batch of shape (N, D), axis=0 runs across the N samples and axis=1 across each sample's D values
}
layer-empty-max = {$what}: zero-size array to reduction operation maximum which has no identity; an array (or a row) with no elements has no largest one — look for a 0 in its shape, e.g. from an empty slice such as x[0:0]
# $shape is as the learner wrote it, -1 included. $kind: fixed (no -1; its sizes multiply to
# $product), unknown (the sizes other than -1 multiply to $product, which does not divide $size),
# zero (a -1 beside a 0), huge (the sizes multiply past any count).
layer-reshape-size = {$what}: cannot reshape array of size {$size} into shape {$shape}; {$kind ->
    [fixed] its sizes multiply to {$product}, not {$size} — change them, or write -1 for one of them to have it worked out
    [unknown] the sizes other than -1 multiply to {$product}, which does not divide {$size}, so no whole size fits the -1 — change the other sizes
    [zero] with a 0 among the other sizes, the -1 cannot be worked out — write every size out
   *[huge] its sizes multiply to far more than {$size} — choose sizes that multiply to {$size}
}
layer-reshape-unknowns = {$what}: can only specify one unknown dimension; -1 stands for the one size that makes the element count match, so only one size can be left to it — write every other size out, e.g. reshape(x, 2, -1)
# $rank is y's number of dimensions; $labels is the shape of a batch of labels, (N,).
layer-target = {$what}: the target t has shape {$t}, which does not fit y of shape {$y}; t must be one-hot with y's shape {$y}, or {$rank ->
    [1] a single label of shape () or (1,)
   *[other] labels of shape {$labels}, one class index per sample
} — check that t belongs to this y (the same batch, the same number of classes)
layer-label-not-whole = {$what}: label t[{$sample}] = {$value} is not a whole number; arrays used as indices must be of integer (or boolean) type — a label is a class index 0, 1, 2, …; argmax(t, axis=1) turns one-hot rows into labels
# $last is $classes - 1.
layer-label-range = {$what}: label t[{$sample}] = {$label} is out of bounds for axis 1 with size {$classes}; {$classes ->
    [0] y has no classes at all (its last axis is empty)
    [1] y has 1 class, so the only label is 0
   *[other] y has {$classes} classes, so a label must be 0 to {$last}
}
layer-too-many-indices = {$what}: too many indices for array: array is {$ndim}-dimensional, but {$given ->
    [one] {$given} was
   *[other] {$given} were
} indexed; {$ndim ->
    [0] a 0-d array takes no index — use it as it is
    [1] give 1 index
   *[other] give at most {$ndim} indices, one per axis
}
# $last is $size - 1.
layer-index-bounds = {$what}: index {$index} is out of bounds for axis {$axis} with size {$size}; {$size ->
    [0] the axis is empty, so no index fits
   *[other] valid indices are 0 to {$last}, or -{$size} to -1 counting from the end
}
layer-zero-step = {$what}: slice step cannot be zero; a step of 0 would never move — use a positive step such as 1 (the default: x[0:3] is x[0:3:1]) or a negative one such as -1 to walk backwards
# $shapes lists the index arrays' shapes.
layer-index-arrays = {$what}: shape mismatch: indexing arrays could not be broadcast together with shapes {$shapes}; integer index arrays are read in pairs (x[[0, 1], [2, 3]] picks x[0, 2] and x[1, 3]), so their lengths must match (or be 1)
layer-assign-shape = {$what}: could not broadcast input array from shape {$value} into shape {$selection}; the value must have the selection's shape {$selection} or broadcast to it (a single number always does) — check the index, or reshape the value
layer-assign-element = {$what}: setting an array element with a sequence: the index picks a single element, which holds one number, but the value has shape {$value} — assign a number (v[0] takes it out of an array of shape (1,)), or pick a slice such as x[i, :] to assign an array
