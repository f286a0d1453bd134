# Tests that an exception escaping an except clause that doesn't match shows one traceback.
def parse(s):
    try:
        return int(s)
    except TypeError:
        return 0

print(parse("4"))
print(parse(None))
print(parse("x"))
