# Malformed: a name used before its 'global' declaration in the same function.
counter = 0
def bump():
    counter += 1
    global counter
