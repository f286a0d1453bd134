# Tests uncaught TypeError from concatenating str and int.
name = "Alice"
age = 30
print("Name: " + name)
print("Age: " + age)
