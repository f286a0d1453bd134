# Malformed: a closing parenthesis with no opener on its own line.
x = 1
)
print(x)
