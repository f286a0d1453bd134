# Tests custom exception __init__ calling super().__init__(msg) and storing extra attributes.
class HTTPError(Exception):
    def __init__(self, status, reason, url=None):
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason
        self.url = url

class NotFound(HTTPError):
    def __init__(self, url):
        super().__init__(404, "Not Found", url)

def fetch(url):
    if url.endswith("missing"):
        raise NotFound(url)
    if url.startswith("bad"):
        raise HTTPError(400, "Bad Request", url)
    return "content of " + url

for url in ["/home", "/page/missing", "bad:/x"]:
    print("--", url)
    try:
        print(fetch(url))
    except HTTPError as e:
        print("caught", type(e).__name__)
        print("  str:", e)
        print("  args:", e.args)
        print("  repr:", repr(e))
        print("  attrs:", e.status, e.reason, e.url)

print("-- exception that does not call super().__init__")
class Bare(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise Bare(7)
except Bare as e:
    print(e.code, e.args, repr(str(e)), repr(e))

print("-- attributes added after creation")
e = ValueError("base")
e.note = "extra"
print(e, e.note)
