# Malformed: '(' closed by ']'.
values = [1, 2]
total = (values[0] + values[1]]
print(total)
