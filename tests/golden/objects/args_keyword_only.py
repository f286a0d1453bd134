# Tests keyword-only arguments (bare * and after *args), defaults, and caught TypeError messages.
def connect(host, *, port=80, timeout):
    return f"{host}:{port} t={timeout}"

def log(*messages, level="INFO"):
    return f"[{level}] " + " ".join(messages)

print("-- keyword-only with and without defaults")
print(connect("a", timeout=5))
print(connect("b", port=443, timeout=1))
print(connect(timeout=2, host="c"))

print("-- after *args")
print(log("x", "y"))
print(log("x", level="WARN"))

print("-- errors")
def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)

show(lambda: connect("a"))
show(lambda: connect("a", 81, timeout=1))
show(lambda: connect("a", timeout=1, retries=3))
show(lambda: connect())
show(lambda: log("a", lvl="x"))

def two_kwonly(*, a, b):
    return a + b
show(lambda: two_kwonly())
show(lambda: two_kwonly(b=1))
show(lambda: two_kwonly(1, 2))
print(two_kwonly(b=1, a=2))

print("-- methods with keyword-only arguments")
class Greeter:
    def greet(self, name, *, loud=False):
        s = f"hello {name}"
        return s.upper() if loud else s
g = Greeter()
print(g.greet("ann"), g.greet("bob", loud=True))
show(lambda: g.greet("x", True))
show(lambda: g.greet(name="x", volume=3))
