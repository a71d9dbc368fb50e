# The numerical gradient of chapter 4 (`from common.gradient import numerical_gradient`):
# central differences, one element at a time, each put back as it was.
import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        kept = x[idx]
        x[idx] = kept + h
        above = f(x)
        x[idx] = kept - h
        below = f(x)
        grad[idx] = (above - below) / (2 * h)
        x[idx] = kept
    return grad
