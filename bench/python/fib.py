# (h1) function calls: the naive doubly recursive Fibonacci of 27, 196418 (about 630,000 calls).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(27))
