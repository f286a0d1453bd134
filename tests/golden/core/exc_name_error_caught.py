# Tests NameError messages (caught): str(e) has no "Did you mean" suggestion.
count = 5
try:
    print(coutn)
except NameError as e:
    print("NameError:", e)
try:
    undefined_function()
except NameError as e:
    print("NameError:", e, e.args)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print("NameError:", e)
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
try:
    print(Len("x"))
except NameError as e:
    print("NameError:", e)
