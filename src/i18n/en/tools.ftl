# step, check, grad, back and graph: rules of the section-5.6 layers, and what they say about
# a variable that was bound again after a value was computed from it.

## step: the backward rule of a reduction, an index (the words between "dx =" and "= values")
step-rule-sum = dout copied into every element of shape {$shape}
step-rule-sum-axis = dout repeated along axis {$axis} to shape {$shape}
step-rule-mean = dout / {$count}, copied into every element of shape {$shape}
step-rule-mean-axis = dout / {$count}, repeated along axis {$axis} to shape {$shape}
step-rule-max = dout where the element was the maximum (ties share it), 0 elsewhere
step-rule-index = zeros of shape {$shape}, with dout added where the index took its elements

## check with a chosen dout
check-heading-dout = check {$name} {$dout}: numerical gradient of sum({$name} * {$dout}) (central difference, h = 1e-4) against back with dout = {$dout}

## A name bound again after a value was computed from it (W1 -= 0.1 * grad(W1) after loss)
before-update = {$name} (before the update)
rebound-note = {$names} changed after {$output} was computed: {$output} used the older values, shown as "{$example} (before the update)". Computing {$output} again will use the new ones.
grad-rebound = '{$name}' changed after '{$output}' was computed, so the last back, from '{$output}', has no gradient for the new {$name}: it has one for the older {$name} that {$output} used (graph {$output} shows it as "{$name} (before the update)"). Compute {$output} again, then back {$output}, to get the gradient of the new {$name}

## imshow of something that is not one picture
imshow-too-large = an image of {$rows} × {$cols} pixels is too large to draw: at most {$max_rows} × {$max_cols} fit here (the terminal's size, and never more than 256 × 256); pick one image or a part of it, e.g. imshow(x_train[0]) or x[0:20]

## The end of a guided lesson that has a next one
repl-lesson-finished-next = Lesson finished! :next starts lesson {$number}, {$title}; :lessons lists them all.

## range, arange and linspace
range-zero-step = {$func}'s step must not be 0: the sequence would never reach its end, e.g. {$func}(0, 10, 2)
linspace-count = linspace's third number is how many values to make: a whole number from 0, e.g. linspace(-3, 3, 61)

## step stopped at a pause
step-stopped = (step stopped; the gradients of its back are bound all the same: {$names})

## A whole number asked for by name
axis-not-whole = axis= takes a whole number, the axis to reduce along, e.g. axis=0 or axis=-1

## if on an array with no element
if-empty = the truth value of an empty array is ambiguous (numpy): this array of shape {$shape} has no element to test; to ask whether it is empty, compare its size (len(x) > 0 in numpy)
reshape-not-whole = reshape takes the new shape as whole numbers (one of them may be -1), e.g. reshape(x, 2, 3) or reshape(x, -1)
eye-not-whole = eye takes one whole number of 0 or more, the size of the square, e.g. eye(3)
