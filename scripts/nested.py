# A kill that lands deep in a call stack: SystemExit unwinds every frame and
# each `finally` runs, innermost first.
#   vm run scripts/nested.py --kill-after 500ms
def level(n):
    try:
        if n == 0:
            while True:
                pass
        level(n - 1)
    finally:
        print("finally at depth", n)


try:
    level(5)
finally:
    print("finally at module level")
