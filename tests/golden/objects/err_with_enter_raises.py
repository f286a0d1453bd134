# Tests the traceback when __enter__ raises: the body and __exit__ never run.
class Connection:
    def __init__(self, host):
        self.host = host

    def __enter__(self):
        print("connecting to", self.host)
        if not self.host:
            raise ConnectionError("no host given")
        return self

    def __exit__(self, *exc):
        print("disconnect")

with Connection("db.local") as c:
    print("connected", c.host)
with Connection("") as c:
    print("unreachable")
