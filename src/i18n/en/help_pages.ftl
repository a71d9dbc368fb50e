# The pages of `:help NAME`, one message each, all in English. src/app/help.rs adds the
# example and, for a layer, the path of its Rust file.

## Layers: each is a node of the graph, and back runs its backward rule.

help-page-add =
    add(x, y), x + y — the addition layer (AddLayer)
      computes: out = x + y
      forward caches: nothing
      backward: dx = dout, dy = dout (addition hands dout on unchanged)
      An input that was broadcast gets dout summed over the cells it was
      copied to, so its gradient has its own shape.

help-page-sub =
    x - y — subtraction
      computes: out = x - y
      forward caches: nothing
      backward: dx = dout, dy = -dout
      A broadcast input gets dout summed back to its own shape, as with add.

help-page-mul =
    mul(x, y), x * y — the multiplication layer (MulLayer)
      computes: out = x * y, element by element
      forward caches: x and y
      backward: dx = dout * y, dy = dout * x (each input gets the other one)

help-page-div =
    x / y — division
      computes: out = x / y, element by element
      forward caches: x and y
      backward: dx = dout / y, dy = -dout * x / y ** 2
      With x = 1 this is the book's reciprocal node: dout times -out ** 2.

help-page-neg =
    -x — negation, the book's multiply-by-minus-one node
      computes: out = -x
      forward caches: nothing
      backward: dx = -dout
      A minus sign written on a number, as in -2, is part of the number and
      makes no node.

help-page-dot =
    dot(a, b), a @ b — the matrix product
      computes: out = a @ b, as np.dot does for 1-D and 2-D arrays
      forward caches: a and b
      backward: da = dout @ b.T, db = a.T @ dout
      The shapes must line up: the last axis of a against the first of b.

help-page-pow =
    x ** p — power
      computes: out = x ** p; p broadcasts against x (2 is the usual p)
      forward caches: x, p and out
      backward: dx = dout * p * x ** (p - 1), dp = dout * out * log(x)
      The power binds tighter than a sign: -2 ** 2 is -(2 ** 2).

help-page-exp =
    exp(x) — the exponential node
      computes: out = e ** x, element by element
      forward caches: out
      backward: dx = dout * out (exp is its own derivative)

help-page-log =
    log(x) — the natural logarithm node
      computes: out = log(x), element by element
      forward caches: x
      backward: dx = dout / x
      log(0) is -inf; the loss functions add 1e-7 inside the log to avoid it.

help-page-sqrt =
    sqrt(x) — the square root node
      computes: out = sqrt(x), element by element
      forward caches: out
      backward: dx = dout / (2 * out)

help-page-relu =
    relu(x) — the ReLU layer (Relu)
      computes: out = x where x > 0, and 0 elsewhere
      forward caches: mask = (x <= 0)
      backward: dx = dout, with 0 where mask is True
      At exactly x = 0 the gradient is 0, because the mask uses x <= 0.
      mask(r) shows the mask that made r.
      The book's Python writes zeros into the dout it gets; this layer
      writes them into a new array.

help-page-sigmoid =
    sigmoid(x) — the Sigmoid layer
      computes: out = 1 / (1 + exp(-x))
      forward caches: out
      backward: dx = dout * (1 - out) * out (only the output is needed)

help-page-tanh =
    tanh(x) — the hyperbolic tangent layer
      computes: out = tanh(x), between -1 and 1
      forward caches: out
      backward: dx = dout * (1 - out ** 2) (like sigmoid, only the output)

help-page-affine =
    affine(x, W, b) — the Affine layer, a fully connected layer
      computes: out = x @ W + b; each row of x is one sample of the batch
      forward caches: x and W (b is not needed again)
      backward: dx = dout @ W.T, dW = x.T @ dout, db = sum(dout, axis=0)
      b was added to every row, so its gradient sums dout over the rows.
      The arguments come in the book's order: x, then W, then b.

help-page-softmax =
    softmax(a) — the softmax function, row by row
      computes: out = exp(a) / sum(exp(a)) along the last axis; the largest
                value is taken off first so that exp cannot overflow
      forward caches: out
      backward: da = out * (dout - sum(dout * out, last axis))
      Each row of out is positive and adds up to 1.

help-page-cross-entropy-error =
    cross_entropy_error(y, t) — the cross entropy error, a loss function
      computes: loss = -sum(t * log(y + 1e-7)) / batch, one number
      t is one-hot rows shaped like y, or the right class of each row
      forward caches: y and t (as one-hot rows)
      backward: dy = -dout * t / (y + 1e-7) / batch
      batch is the number of rows of y (1 for a 1-D y).

help-page-softmax-with-loss =
    softmax_with_loss(a, t) — the Softmax-with-Loss layer
      computes: y = softmax(a), then loss = cross_entropy_error(y, t)
      forward caches: y and t (as one-hot rows)
      backward: da = dout * (y - t) / batch
      The two layers together have a far simpler backward than each alone:
      the difference between the prediction and the answer.

help-page-sum =
    sum(x), sum(x, axis=N, keepdims=True), x.sum(axis=N) — the sum node
      computes: the sum of every element, or along axis N
      forward caches: the shape of x
      backward: dx = dout copied to every element that was summed
      keepdims=True keeps the summed axis with length 1.

help-page-mean =
    mean(x), mean(x, axis=N, keepdims=True) — the mean node
      computes: the average of every element, or along axis N
      forward caches: the shape of x
      backward: dx = dout / n copied to each of the n averaged elements

help-page-max =
    max(x), max(x, axis=N, keepdims=True) — the maximum node
      computes: the largest element, or the largest along axis N
      forward caches: x and out
      backward: dx = dout at the largest element, 0 elsewhere
      Elements that tie for the largest share dout equally.

help-page-transpose =
    transpose(x), x.T — the transpose
      computes: out = x with its axes in reverse order; no value changes
      forward caches: nothing
      backward: dx = dout.T

help-page-reshape =
    reshape(x, d1, d2, ...), x.reshape((d1, d2)) — a new shape for the same values
      computes: out = the values of x in row order, in the shape d1, d2, ...
      one size may be -1, which means whatever the rest leaves
      forward caches: the shape of x
      backward: dx = dout reshaped to the shape of x

help-page-index =
    x[i], x[i, j], x[a:b], x[:, j], x[idx], x[x > 0] — indexing
      computes: the elements picked, as numpy picks them: a whole number
      drops its axis, a slice a:b:c keeps it, an array of whole numbers or
      of True and False picks several
      forward caches: the index and the shape of x
      backward: dx = zeros shaped like x, with dout added where it picked;
      an element picked twice gets both
      x[i] = v and x[i] += v write into x: see :help x[...]=.

## Functions and operators whose value is a leaf: no gradient flows through them.

help-page-compare =
    x < y, x <= y, x > y, x >= y, x == y, x != y — comparisons
      computes: an array of True and False, element by element, broadcast
      like arithmetic
      makes a leaf: caches nothing, no backward
      x <= 0 is the mask the ReLU layer keeps; x[x > 0] keeps what is true.

help-page-mod =
    x % y — the remainder
      computes: x - y * floor(x / y), as Python: the sign follows y
      makes a leaf: caches nothing, no backward
      For loop counters, as in: if i % 100 == 0: print(loss)
      x // y is the quotient rounded down, floor(x / y), also without a backward;
      both keep ints ints (7 // 2 is 3, -7 % 3 is 2).

help-page-grad =
    grad(x), dx — the gradient of x from the last back
      gives: an array shaped like x, the derivative of the output of back
      with respect to x
      makes a leaf: caches nothing, no backward
      dx means grad(x) until you bind a name dx yourself.

help-page-mask =
    mask(r) — the mask that the ReLU layer which made r cached
      gives: True where the input of relu was <= 0
      makes a leaf: caches nothing, no backward
      r must be the output of relu.

help-page-ones =
    ones(d1, d2, ...) — an array of ones
      makes: an array of the given shape filled with 1
      makes a leaf: caches nothing, no backward
      In back y ones, the word ones means ones shaped like y.

help-page-zeros =
    zeros(d1, d2, ...) — an array of zeros
      makes: an array of the given shape filled with 0
      makes a leaf: caches nothing, no backward
      A good start for a bias b or for a list of losses.

help-page-ones-like =
    ones_like(x) — ones shaped like x
      makes: an array of 1 with the shape of x
      makes a leaf: caches nothing, no backward

help-page-zeros-like =
    zeros_like(x) — zeros shaped like x
      makes: an array of 0 with the shape of x
      makes a leaf: caches nothing, no backward

help-page-numpy =
    numpy's spellings: np.array(x), np.zeros((2, 3)), x.reshape(2, -1), x.sum(0)
      makes: what the function they stand for makes; array(x) and x.copy()
      make an array of its own with the elements of x (a list, an array or a
      number), a new leaf with no path back to x
      makes a leaf: caches nothing, no backward
      np. and np.random. go in front of numpy's names, a shape may be a tuple,
      and the methods reshape, sum, mean, max, argmax, copy, flatten and
      transpose call the function of the same name on the array.
      import numpy as np and from numpy import * are accepted: the names are
      there from the start.

help-page-randn =
    randn(d1, d2, ...) — normally distributed random numbers
      makes: an array of the given shape, mean 0 and standard deviation 1,
      the same numbers as np.random.randn after the same seed
      makes a leaf: caches nothing, no backward
      Scaled by 0.01 it gives the book's first weights.

help-page-rand =
    rand(d1, d2, ...) — uniform random numbers
      makes: an array of the given shape with values from 0 up to 1, the
      same numbers as np.random.rand after the same seed
      makes a leaf: caches nothing, no backward

help-page-choice =
    choice(n, k) — k random whole numbers below n
      makes: a 1-D array of k numbers from 0 to n - 1, repeats allowed, as
      np.random.choice(n, k) after the same seed
      makes a leaf: caches nothing, no backward
      x_train[choice(1000, 100)] is a mini-batch of 100 samples.

help-page-eye =
    eye(n) — the identity matrix
      makes: an n by n array with 1 on the diagonal and 0 elsewhere
      makes a leaf: caches nothing, no backward
      Row k of eye(n) is the one-hot answer for class k.

help-page-range =
    range(stop), range(start, stop), range(start, stop, step)
      makes: the whole numbers from start (0 if left out) up to stop, stop
      left out, step apart; the bounds must be whole numbers
      makes a leaf: caches nothing, no backward
      for i in range(n): runs a block n times.

help-page-arange =
    arange(stop), arange(start, stop), arange(start, stop, step)
      makes: as range, but the bounds and the step may be fractions,
      as np.arange
      makes a leaf: caches nothing, no backward

help-page-linspace =
    linspace(start, stop, num) — evenly spaced numbers
      makes: num numbers from start to stop, both included, as np.linspace
      makes a leaf: caches nothing, no backward
      Good for the x axis of plot.

help-page-argmax =
    argmax(x), argmax(x, axis=N) — where the largest value is
      gives: the position of the largest element (the first, on a tie),
      over all elements or along axis N
      makes a leaf: caches nothing, no backward
      argmax(y, axis=1) is the predicted class of each row; compared with
      the answers it gives the accuracy.

help-page-print =
    print(x) — show a value
      does: prints x as numpy's print does, even inside a block and even
      after ';'
      gives x itself: no new node, caches nothing, no backward

help-page-array =
    numbers, arrays, True, False, nan, inf — values written out
      makes: a number such as 2 or 1e-4, or an array of numbers written as
      nested lists, rows of the same length; True and False are booleans
      (an array of them comes from a comparison); nan is not-a-number and
      inf is infinity
      makes a leaf: caches nothing, no backward

## Statements: they do something rather than make a value.

help-page-assign =
    NAME = expression — binding a name
      does: computes the expression and binds NAME to it, then prints
      NAME = value; a ';' at the end of the line keeps it quiet
      Binding a name again forgets its old value, not the nodes that used
      it. Built-in names such as relu cannot be bound.

help-page-aug-assign =
    NAME += e, NAME -= e, NAME *= e, NAME /= e — updating a name
      does: NAME = NAME + e (or -, *, /); the new value is a leaf, so the
      update itself is not part of the graph
      W -= 0.1 * grad(W) is one step of gradient descent with learning
      rate 0.1.

help-page-index-assign =
    NAME[index] = e, NAME[index] += e — writing into an array
      does: puts e (broadcast) into the elements the index picks, or adds
      to them; the index works as in reading, see :help index
      The result is a leaf: no gradient flows through the write.

help-page-back =
    back NAME [ones | dout] — the backward pass
      does: starts at NAME with dout (ones shaped like NAME if left out),
      walks the graph backwards and runs each node's backward rule; where
      a value was used twice, its gradients are added
      Afterwards grad(x) gives each gradient; the last back counts.

help-page-step =
    step NAME [ones | dout] — the backward pass, one node at a time
      does: what back does, but shows each node as it goes: what it cached,
      the dout it got and the gradient it passes on
      In the REPL it waits for Enter after each node; q stops.

help-page-check =
    check NAME [dout] [sample N] — gradient check
      does: runs back from NAME with dout = ones, then compares each
      gradient with a central difference (h = 1e-4) of sum(NAME)
      dout, as back takes it, checks sum(NAME * dout) against back NAME dout
      sample N checks N random elements of each array instead of all
      A row marked MISMATCH means the backward rule and the forward
      computation disagree.

help-page-graph =
    graph NAME [--dot [FILE]] — draw the computational graph
      does: draws the nodes that made NAME, with values, and the gradients
      once back has run; --dot writes it for Graphviz instead, to FILE or
      to the screen

help-page-layer =
    class NAME: with forward and backward — your own layer
      does: an object whose class has both methods is a layer. Each call
      layer.forward(a, b) outside a layer's own methods is one node of the
      graph: its inputs are the arguments that are arrays or numbers, its
      output what forward returns. back calls backward(dout) with its own
      copy of dout and hands the values it returns to the inputs in order:
      one value for one input, a tuple for several (labels named t may be
      left out). A gradient of the broadcast shape is summed back. An array
      self.W with a self.dW beside it after backward is a parameter: grad(W)
      finds its gradient. check grades each layer on its own, step shows
      its cache and what backward returned, graph draws it in a box.
      forward keeps one call's values: make one object per use. An array
      forward cached and changed in place before back is an error.
      For example, a layer that triples its input:
        class Triple:
            def forward(self, x):
                return 3 * x
            def backward(self, dout):
                return 3 * dout
      MulLayer, AddLayer, Relu, Sigmoid, Affine(W, b) and SoftmaxWithLoss
      are there from the start, as from common.layers import * gives them.

help-page-load =
    load digits — the hand-written digits data set
      does: binds x_train, t_train, x_test and t_test; each image is a row
      of 64 values (8 by 8), each answer a one-hot row of 10 (digits 0 to 9)
      The arrays are data: back gives them no gradient.

help-page-seed =
    seed N, seed(N), np.random.seed(N) — restart the random numbers
      does: randn, rand and choice then give the numbers numpy gives after
      np.random.seed(N); a session starts as after seed 0

help-page-for =
    for NAME in expression: — a loop
      does: runs the block once for each element of the expression (for a
      matrix, each row), with NAME bound to it
      The block is the lines indented under it, as in Python, or a
      statement on the same line after the ':'.

help-page-if =
    if condition: ... elif condition: ... else: ... — a choice
      does: runs the first block whose condition is true, or the else block
      A condition is a number (true unless 0) or one True or False.

help-page-del =
    del NAME, NAME, ... — forget names
      does: unbinds the names, so the memory they hold can be freed
      :memory shows what the session holds.

help-page-plot =
    plot y, plot xs, y1, y2, ... — a line chart
      does: draws 1-D arrays in the terminal, against their position or,
      with more than one, against the first one, xs

help-page-imshow =
    imshow(image) — show an image
      does: draws a 2-D array as shades of grey, or a row of 64 values as
      an 8 by 8 image, such as a digit of load digits
