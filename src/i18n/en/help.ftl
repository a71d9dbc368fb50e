# help

usage =
    backprop: chapter 5 of Deep Learning from Scratch, as a language you can type

    usage:
      backprop [OPTIONS]                 interactive session (a script when stdin is a pipe)
      backprop run [OPTIONS] FILE...     run scripts; `-` reads stdin
      backprop lesson [N|NAME]           list the lessons, or play one
      backprop exercise [NAME] [--check] [--hint]
                                         list the exercises, or write one to exercises/
                                         and grade it on every save (--check: once)

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
    The language is Python with numpy's names; each line prints its result unless it
    ends in ';', and class, def, lists, dicts and strings work as in Python:
      x = np.array([[1.0, -0.5], [-2.0, 3.3]])
                                        an array (or array(...)); [1, 2] is a list
      r = relu(x)                       a layer call builds a node of the graph
      x <= 0                            comparisons give boolean arrays (the mask)
      back r ones                       backward from r, with dout = ones
      back price 1                      ... or with any dout of price's shape
      grad(x)   dx                      the gradient of x from the last back
      mask(r)                           the mask the ReLU that made r cached
      graph price                       draw the graph that made price
      step price 1                      the backward pass one node at a time
      check y                           compare back with central differences
      plot xs, relu(xs)                 a line chart of 1-D arrays
      imshow(x_test[0])                 an image: a 2-D array, or 64 values
      for i in range(3):                a block, as in Python
      W -= 0.1 * grad(W)                update W (a learning step)
      seed 0                            numpy's random numbers after seed 0
      load digits                       x_train, t_train, x_test, t_test

    Operators, tightest first: **, -x, * / @ %, + -, < <= > >= == !=
    (numpy's precedence; arrays broadcast as in numpy)

    Try:
      apple = 100; apple_num = 2; tax = 1.1
      price = apple * apple_num * tax
      back price 1

    Commands: :help [NAME]  :vars  :memory [SIZE]  :digits full|8  :reset
              :lessons  :lesson [NAME]  :next  :prev  :lang ko|en
              :exercises  :exercise NAME  :hint  :solution
              :color on|off  :seed N  :quit

help-names-heading = :help NAME shows a page for NAME: what it computes or does, and an example.
help-names-layers = Layers (back flows through them; the page gives the backward rule):
help-names-functions = Functions and operators whose value takes no gradient:
help-names-statements = Statements:
help-example-heading = Example (runs as typed):
help-source-file = This layer's Rust code in this program: {$path}
help-unknown = no help for '{$topic}'; :help lists every name that has a page
help-unknown-close = no help for '{$topic}'; close names: {$close} (:help lists every name)
