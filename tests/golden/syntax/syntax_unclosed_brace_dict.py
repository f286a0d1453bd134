# Malformed: '{' of a dict literal never closed.
d = {"a": 1,
     "b": 2
