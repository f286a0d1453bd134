# Tests uncaught TypeError from sorting a list mixing int and str.
data = [3, 1, 2]
print(sorted(data))
data.append("a")
print(sorted(data))
