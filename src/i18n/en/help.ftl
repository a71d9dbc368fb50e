# help

usage =
    backprop: chapter 5 of Deep Learning from Scratch, as a language you can type

    usage:
      backprop [OPTIONS]                 interactive session (a script when stdin is a pipe)
      backprop run [OPTIONS] FILE...     run scripts; `-` reads stdin
      backprop lesson [N|NAME]           list the lessons, or play one

    options:
      --color auto|always|never   colour (default auto: only on a terminal, never with NO_COLOR)
      --keep-going                run: carry on after an error (the exit status is still 1)
      --seed N                    the seed for randn (default 0)
      --max-memory SIZE           the most the session may hold, e.g. 2G or 512M (default: half the RAM)
      --lang ko|en                the language of the program (default from LANG)
      --no-history                do not read or write the REPL history file
      --no-pause                  lesson: play straight through
      -h, --help                  this text
      -V, --version               the version

help-overview =
    The language (each line prints its result unless it ends in ';'):
      x = [[1.0, -0.5], [-2.0, 3.3]]    bind a name; arrays nest with [ ]
      r = relu(x)                       a layer call builds a node of the graph
      x <= 0                            comparisons give boolean arrays (the mask)
      back r ones                       backward from r, with dout = ones (the default)
      back price 1                      ... or with any dout of price's shape
      grad(x)   dx                      the gradient of x from the last back
      mask(r)                           the mask the ReLU that made r cached
      graph price                       draw the graph that made price (--dot [FILE] for Graphviz)
      step price 1                      the backward pass one node at a time
      check y                           compare back with central differences (h = 1e-4)
      plot xs, relu(xs)                 a line chart of 1-D arrays (against xs, or the index)
      imshow(x_test[0])                 an image: a 2-D array, or 64 values as 8×8
      for i in range(3):                a block, as in Python; W -= 0.1 * grad(W) updates W
      seed 0                            numpy's random stream after np.random.seed(0) (a session starts so)
      load digits                       x_train, t_train, x_test, t_test: data, which takes no gradient

    Operators: -x, * /, + -, < <= > >= == !=  (numpy's precedence; arrays broadcast like numpy)
    Functions: relu sigmoid exp add mul ones(2, 3) zeros(2, 3) ones_like(x) randn(2, 3) rand(2, 3) choice(10, 3) grad mask

    Try:
      apple = 100; apple_num = 2; tax = 1.1
      price = apple * apple_num * tax
      back price 1

    Commands: :help [LAYER]  :vars  :memory [SIZE]  :digits full|8  :reset  :lessons  :lesson [NAME]  :next  :prev
              :lang ko|en  :color on|off  :seed N  :quit
    Layers with their own page: :help add | mul | relu | sigmoid | exp | div | neg | sub

help-add =
    add — AddLayer (x + y, add(x, y))
      forward:  out = x + y                 caches: nothing
      backward: dx = dout * 1, dy = dout * 1  (addition passes dout through unchanged)
      A broadcast input receives the sum of dout over the cells it was copied to.

help-mul =
    mul — MulLayer (x * y, mul(x, y))
      forward:  out = x * y                 caches: x and y
      backward: dx = dout * y, dy = dout * x  (the inputs swap)

help-relu =
    relu — Relu (relu(x))
      forward:  mask = (x <= 0); out = x with the masked cells set to 0   caches: mask
      backward: dx = dout with the masked cells set to 0
      At exactly 0 the gradient is 0, because the mask uses x <= 0.
      The book's Python writes into the caller's dout; this layer copies it first.

help-sigmoid =
    sigmoid — Sigmoid (sigmoid(x))
      forward:  out = 1 / (1 + exp(-x))     caches: out
      backward: dx = dout * (1 - out) * out  (only the output is needed)

help-exp =
    exp — the exp node (exp(x))
      forward:  out = exp(x)                caches: out
      backward: dx = dout * out             (exp is its own derivative)

help-div =
    div — division (x / y)
      forward:  out = x / y                 caches: x and y
      backward: dx = dout / y, dy = -dout * x / y**2
      With x = 1 this is the book's '/' node: multiply dout by -out**2.

help-neg =
    neg — negation (-x), the book's ×(−1) node
      forward:  out = -x                    caches: nothing
      backward: dx = -dout                  (the sign flips)

help-sub =
    sub — subtraction (x - y)
      forward:  out = x - y                 caches: nothing
      backward: dx = dout, dy = -dout

help-source-heading = Source (as compiled into this program)
