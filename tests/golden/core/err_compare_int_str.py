# Tests uncaught TypeError comparing int and str with <.
scores = [3, 1, 2]
print(max(scores))
print(1 < "a")
