# Malformed: using the keyword 'class' as a variable name.
name = "x"
class = 3
print(class)
