"""load_digits for CPython: the same split and scaling backprop's built-in module gives.

backprop embeds data/digits.csv.gz and answers `from dataset.digits import load_digits` itself.
This file lets `python3 examples/two_layer_net.py` run the same program under CPython + numpy,
so the two outputs can be compared.
"""

import gzip
import os

import numpy as np

_HERE = os.path.dirname(os.path.abspath(__file__))
_CSV = os.path.join(_HERE, "..", "..", "data", "digits.csv.gz")
TRAIN_ROWS = 1500


def load_digits(normalize=True, flatten=True, one_hot_label=False):
    with gzip.open(_CSV, "rt") as f:
        rows = np.array([[int(v) for v in line.split(",")] for line in f if line.strip()])
    pixels, labels = rows[:, :64], rows[:, 64]
    x = pixels / 16.0 if normalize else pixels
    if not flatten:
        x = x.reshape(-1, 1, 8, 8)
    t = np.eye(10)[labels] if one_hot_label else labels
    return (x[:TRAIN_ROWS], t[:TRAIN_ROWS]), (x[TRAIN_ROWS:], t[TRAIN_ROWS:])
