# Tests return inside finally overriding try's return value and swallowing exceptions.
def override():
    try:
        return "from try"
    finally:
        return "from finally"
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def side_effect():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")
print(side_effect())
def value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  finally set x =", x)
print(value_captured())
def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("  finally after except-return")
print(except_return())
