# Malformed: function body is not indented.
def greet(name):
return "hi " + name

print(greet("a"))
