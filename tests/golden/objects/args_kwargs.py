# Tests **kwargs in definitions: dict of extra keywords, order preserved, combined with named params.
def options(**kwargs):
    return kwargs

def build(name, version=1, **extra):
    parts = [f"{name} v{version}"]
    for key, value in extra.items():
        parts.append(f"{key}={value!r}")
    return " ".join(parts)

print("-- kwargs is a dict in call order")
print(options(), options(b=2, a=1, c=3))
print(type(options(x=1)).__name__)

print("-- named params are not in kwargs")
print(build("app"))
print(build("app", 2, debug=True, path="/tmp"))
print(build(version=3, name="lib", z=0, a=1))

print("-- keys can be any identifier")
print(list(options(if_=1, _private=2, CamelCase=3).keys()))

print("-- modifying kwargs does not affect the caller's dict")
def pop_one(**kw):
    kw.pop("a", None)
    return kw
d = {"a": 1, "b": 2}
print(pop_one(**d), d)

print("-- all parameter kinds")
def everything(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(everything(1, c=3))
print(everything(1, 20, 30, 40, c=3, e=5, f=6))
print(everything(c=1, a=0, z=9))
