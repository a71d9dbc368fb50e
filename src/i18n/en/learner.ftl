# The learner's own layers: back, step, graph and check over classes with forward and backward.
lr-returned-none = {$class}.backward returned None: it must return the gradient of each input of forward (return dx, or return dx, dy)
lr-count = {$class}.backward returned {$count} {$count ->
    [one] value
   *[other] values
}, forward took {$inputs} {$inputs ->
    [one] input
   *[other] inputs
} ({$names})
lr-grad-type = {$class}.backward gave the gradient of {$param} as a {$kind}; it must be an array or a number
lr-shape = {$class}.backward: the gradient of {$param} has shape {$got}, but {$param} has shape {$want}
lr-param-shape = {$class}.d{$name} has shape {$got}, but {$class}.{$name} has shape {$want}{$hint}
lr-hint-transposed = ; it looks transposed: swap the operands of np.dot (dW = np.dot(x.T, dout))
lr-hint-batch = ; it still has the batch axis: sum it over the batch, np.sum(dout, axis=0)
lr-hint-none = .
lr-reused = {$object} ({$class}) ran forward again ({$later}) after the call this node comes from ({$first}): its cache now holds the later call's values, and back used them here. A layer object keeps one forward's values, so the book makes one object per use (mul_apple_layer, mul_tax_layer)
lr-dout-changed = {$class}.backward changed the dout it was given (as dout[mask] = 0 does): back handed it its own copy, so the gradients are right, but a caller that kept that array would see it changed
lr-changed-in-place = {$class}.{$name} was changed in place after forward ran ({$call}): backward would use values forward never saw. Change a copy (x = x * 2, not x *= 2), or run forward again before back
lr-check-error = {$kind}: {$message}
lr-hint-cache = forward must keep what backward reads: set it in forward (self.x = x), then backward can use it
lr-no-grad = {$class}.backward gave None for {$param}
lr-pattern-swapped = {$name} got the gradient that belongs to {$other}: are the two swapped in backward? (each input's gradient is dout times the other input)
lr-pattern-should-be-zero = the gradient should be 0 here, and backward gives numbers
lr-pattern-sign = every element has the wrong sign: look for a minus sign that should not be there, or one missing
lr-pattern-batch-times = every element is {$n} times the right one, and {$n} is the batch size: divide by the batch size (dx = (y - t) / batch_size)
lr-pattern-batch-divided = every element is 1/{$n} of the right one, and {$n} is the batch size: it is divided by the batch size once too often
lr-pattern-factor = every element is {$factor} times the right one: a constant factor is off
lr-pattern-all-zero = backward gives zeros where the gradient is not zero: is a mask blocking it (inverted, or taken from the wrong array?), or is dout lost on the way?
lr-pattern-mask = the gradient is 0 where it should flow, or flows where it should be 0: look at the mask (is it inverted, or taken from an array changed after?)
lr-check-class-use = check {$class} needs an object: {$class}() takes arguments, so run forward on one first, then check {$class}
lr-bad-rest = cannot read '{$text}' here: write ones, an expression for dout, or sample N
lr-bad-shape = '{$text}' is not a shape check can draw: write one such as (2, 3), of at most 100000 elements
lr-step-heading = step {$name}: {$count} {$count ->
    [one] layer
   *[other] layers
} of yours, in the order back visits them; dout = {$dout}
lr-step-returned = {$class}.backward(dout) returned
lr-step-summed = d{$param} had shape {$from}, the shape {$param} was broadcast to: summed back to {$param}'s shape
lr-graph-heading = the layers of yours this value came through ({$count}), in the order forward ran them:
lr-graph-grad = grad
lr-check-heading = check {$name}: {$count ->
    [one] your layer on its own
   *[other] each of your {$count} layers on its own
}, backward against central differences of forward (h = 1e-4), on random dout
lr-check-class-heading = check {$class}: backward against central differences of forward (h = 1e-4), on random inputs and dout
lr-check-row = max |diff| {$max} at {$at}
lr-check-sampled = compared {$count} of {$of} elements, drawn at random
lr-check-row-number = max |diff| {$max}
lr-check-whole = check {$name}: numerical gradient of sum({$name} * dout) (central difference, h = 1e-4) against back, with dout = {$dout}, forward run again through your layers for each nudge
lr-dout-shape = dout '{$text}' has shape {$got}, but the value it starts from has shape {$want}: give one of that shape, or ones
lr-tool-in-layer = `{$text}` inside a layer's own methods would walk into itself: run back, step, graph and check from outside the layer
lr-graph-rest = graph of your layers takes nothing after the name ('{$text}'): it draws them as text; --dot is for the graph statements' own graph
lr-not-a-value = {$tool} needs an array or a number, and {$name} is a {$kind}: give it the value a layer or an expression made
