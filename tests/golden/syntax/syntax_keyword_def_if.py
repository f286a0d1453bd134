# Malformed: using the keyword 'if' as a function name.
x = 1
def if():
    return x
