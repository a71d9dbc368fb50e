# show

# Used by the catalogue's own test.
test-nodes = {$count ->
    [one] {$count} node
   *[other] {$count} nodes
}

## check
check-heading = check {$name}: numerical gradient of sum({$name}) (central difference, h = 1e-4) against back with dout = ones
check-row = mean |diff| {$mean}  max |diff| {$max}
check-ok = ok
check-mismatch = MISMATCH
check-kinks = {$count ->
    [one] 1 element of {$name} sits at a ReLU kink (an input at or within h of 0), where the numerical and the backprop gradient may rightly disagree; it was left out:
   *[other] {$count} elements of {$name} sit at a ReLU kink (an input at or within h of 0), where the numerical and the backprop gradient may rightly disagree; they were left out:
}
check-kink-row = numerical {$numerical}  back {$back}
check-tolerance = tolerance: |numerical − back| ≤ {$tolerance} × (1 + |back|) in every element

## step
step-heading = step {$name}: {$count ->
    [one] 1 node
   *[other] {$count} nodes
}, in the order back visits them; dout = {$dout}
step-done = done: these are the gradients back gives
step-cached = cached
step-nothing = nothing
step-relu-rule = dout, zeroed where mask is True
step-summed = {" "}(summed to shape {$shape})
step-added = , added up so far: {$total}
check-sampled = sampled {$count} {$count ->
    [one] element
   *[other] elements
} of each variable (drawn from the random stream: seed N repeats them)
check-sampled-by-default = sampled {$count} elements of each variable, because checking every element would pass the limit; ask for more with check NAME sample N
progress-check = {$done} of {$total} elements nudged
progress-loop = {$done}/{$total} iterations, {$rate}/s, {$left} s left
plot-too-narrow = (the terminal is too narrow to draw this; widen it)
