# py_syntax
