# Tests bare raise of the active exception reaching top level (single traceback, two frames).
def risky():
    return [][0]

def wrapper():
    try:
        risky()
    except IndexError:
        print("logging and re-raising")
        raise

wrapper()
