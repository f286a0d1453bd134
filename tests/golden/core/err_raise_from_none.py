# Tests that raise ... from None suppresses the context in the traceback.
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        raise ValueError("b must not be zero") from None

print(safe_div(1, 2))
safe_div(1, 0)
