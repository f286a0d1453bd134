# Malformed: lambda parameter with '=' but no default value.
f = lambda x: x
g = lambda x=: x
print(f(1))
