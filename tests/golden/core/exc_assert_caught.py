# Tests assert with and without messages, message expressions, and AssertionError args.
def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n
print(check(5))
try:
    check(-2)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e), e.args, "[" + str(e) + "]")
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("list message:", e.args)
assert True, "never raised"
assert 1 and "non-empty"
def side():
    print("  message evaluated")
    return "msg"
assert 1, side()
try:
    assert 0, side()
except AssertionError as e:
    print("got", e)
