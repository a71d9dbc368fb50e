# py_array
