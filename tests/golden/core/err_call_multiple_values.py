# Tests uncaught TypeError for an argument given both positionally and by keyword.
def scale(a, factor=2):
    return a * factor

print(scale(5))
print(scale(5, a=3))
