# Malformed: a 'def' header missing its parentheses.
def broken:
    return 1
