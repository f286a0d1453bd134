# Tests AttributeError with a "Did you mean" suggestion for a misspelled list method.
stack = [1, 2, 3]
stack.append(4)
print(stack)
stack.apend(5)
