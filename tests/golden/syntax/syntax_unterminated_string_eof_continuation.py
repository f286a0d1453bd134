# Malformed: a string literal that ends with a backslash continuation at end of file.
x = 1
s = "abc\
