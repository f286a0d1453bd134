# Malformed: augmented assignment to a tuple of names.
a = b = 1
a, b += 1
