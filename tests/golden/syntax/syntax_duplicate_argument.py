# Malformed: duplicate parameter names in a def.
def area(w, h, w):
    return w * h
print(area(1, 2, 3))
