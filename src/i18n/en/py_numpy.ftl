# py_numpy
