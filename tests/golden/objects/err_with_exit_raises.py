# Tests the traceback when __exit__ raises while handling a body exception (both shown, "During handling").
class Lock:
    def __enter__(self):
        print("acquire")
        return self

    def __exit__(self, et, ev, tb):
        print("release attempt after", et.__name__)
        raise RuntimeError("lock release failed")

with Lock():
    print("in body")
    data = {"a": 1}
    print(data["b"])
