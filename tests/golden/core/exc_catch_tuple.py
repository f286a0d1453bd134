# Tests except with a tuple of types and with multiple except clauses (first match wins).
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return "a" + 1
    return "fine"
for kind in ("key", "index", "zero", "type", "none"):
    try:
        result = risky(kind)
        print(kind, "->", result)
    except (KeyError, IndexError) as e:
        print(kind, "-> lookup problem:", type(e).__name__, e)
    except (ZeroDivisionError, OverflowError) as e:
        print(kind, "-> math problem:", e)
    except Exception as e:
        print(kind, "-> other:", type(e).__name__, e)
try:
    [].pop()
except LookupError:
    print("LookupError clause first")
except IndexError:
    print("never reached")
errors = (ValueError, TypeError)
try:
    int("x")
except errors as e:
    print("caught via tuple variable:", e)
