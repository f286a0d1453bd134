# Tests an uncaught user exception raised at module level: the last line is `MyError: msg` without __main__.
class MyError(Exception):
    pass

print("before raising")
try:
    raise MyError("handled one")
except MyError as e:
    print("handled:", e)
raise MyError("unhandled failure")
