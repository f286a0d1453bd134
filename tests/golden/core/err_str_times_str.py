# Tests uncaught TypeError multiplying a sequence by a non-int.
pad = "-"
width = "8"
print("width is", width)
print(pad * width)
