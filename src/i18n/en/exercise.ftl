# The exercises: their grades, the commands that reach them.
ex-passed = ✓ passed: every check holds on inputs drawn fresh
ex-error = your code stopped with {$kind}: {$message} (line {$line})
ex-unknown = there is no exercise or class '{$name}'
ex-no-class = define the class {$class} (with forward and backward), as the task asks
ex-input-changed = {$class}.forward changed its input {$name} in place: the caller's array must stay as it was (work on a copy: out = {$name}.copy())
ex-forward = {$class}.forward gives other values than the book's layer
ex-case = for the input {$input}, forward gave {$got}; the book's layer gives {$want}
ex-case-back = for the input {$input} and dout = ones, backward gave {$got}; the book's layer gives {$want}
ex-backward = {$class}.backward is wrong for {$name}: the gradient check does not match
ex-cache = {$class}.backward used values of an earlier forward: after two forwards, backward must use the second's inputs (keep them in forward, self.x = x, every time)
ex-nudge = stuck? :hint (or --hint) shows a hint
ex-missing = the file does not set {$name}: the task asks for it by that name
ex-number = {$name} is {$got}, but the book's number is {$want}
ex-grads-key = gradient() returns no '{$key}': return a dict with W1, b1, W2 and b2
ex-grads-shape = grads['{$key}'] does not have the shape of params['{$key}']
ex-gradient = grads['{$key}'] is {$got} at element {$at}, but the numerical gradient of loss is {$want}
ex-accuracy = test_acc is {$got}: the exercise asks for at least 0.93
ex-listing = The exercises (backprop exercise NAME writes one to exercises/ and grades it on every save):
ex-next = next: backprop exercise {$name}  (in the REPL: :exercise {$name})
ex-all-done = every exercise passed
ex-hint-heading = hint {$n} of {$of}
ex-no-more-hints = that was the last hint; :solution shows the model solution
ex-wrote = wrote {$file}: fill in the TODOs, then save
ex-watching = watching {$file}: each save is graded again; q stops
ex-solution-confirm = the model solution gives the answer away: type :solution again to see it
ex-solution-heading = a model solution:
ex-started = exercise {$name}: the skeleton is on the prompt; edit it (arrow keys move between its lines), then Enter runs it, or type your own class
ex-none-active = no exercise is open: :exercise NAME opens one (:exercises lists them)
ex-sigmoid-x = backward computes dout * (1 - x) * x: the derivative is y(1 - y) of the output y = sigmoid(x), which forward keeps in self.out
