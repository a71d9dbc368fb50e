# picture

## graph NAME
# The word `grad` in front of a gradient is not here: it is what grad(x) is called, a label of
# the language that pictures keep in every language, like the layers' names (mul, relu).
picture-gone = (this value is no longer in the graph)
picture-no-gradients = (no gradients here yet: run back {$name}, then graph {$name} again)
# After the title of a value drawn a second time: "x (again)".
picture-again = (again)
# A gradient that is the sum of more uses than the picture writes out: "grad 5.0, the sum over 5 uses".
picture-sum-over = {$total}, the sum over {$count} uses

## Under the drawing, for each value used more than once: "x is used 2 times: grad 3.0 + 3.0 = 6.0"
# $uses is one of the picture-used messages, $grad the gradient after the label grad.
picture-note = {$name} {$uses}: {$grad}
picture-used = is used {$times}
picture-used-outside = is used {$times} outside this picture
picture-used-both = is used {$here} here and {$elsewhere} elsewhere
picture-times = {$count ->
    [one] once
   *[other] {$count} times
}

## The tree view of a large graph
picture-more-nodes = … {$count ->
    [one] {$count} more node
   *[other] {$count} more nodes
}
picture-shown-above = (*) shown above
# After a value expanded in the numbered section $number.
picture-see = (see [{$number}])
# After a value whose inputs continue in the numbered section $number.
picture-continued = … continued in [{$number}]
