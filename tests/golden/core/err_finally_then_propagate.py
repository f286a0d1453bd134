# Tests that finally blocks run (printing) before an uncaught exception's traceback.
def work():
    try:
        print("working")
        return {"a": 1}["b"]
    finally:
        print("cleanup in work")

try:
    work()
finally:
    print("cleanup at top level")
