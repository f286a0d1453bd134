# Tests pass in every kind of block and functions whose body is only a docstring.
def nothing():
    pass
def doc_only():
    """Just a docstring."""
print(nothing(), doc_only())
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except ValueError:
    pass
finally:
    pass
try:
    1 / 0
except ZeroDivisionError:
    pass
print("done", i)
"a bare string statement is fine"
42
None
print("still fine")
