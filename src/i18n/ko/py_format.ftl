# py_format
