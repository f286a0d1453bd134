# Tests uncaught TypeError for a unary operator on an unsupported type.
values = [5, -2.5, "text"]
for v in values:
    print(-v)
