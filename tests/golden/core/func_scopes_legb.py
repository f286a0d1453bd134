# Tests name resolution order: local, enclosing, global, builtin, and shadowing builtins.
x = "global x"
def f():
    x = "enclosing x"
    def g():
        x = "local x"
        return x
    def h():
        return x
    return g(), h()
print(f())
def uses_global():
    return x
print(uses_global())
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
max = lambda a, b: "module-level shadow"
print(max(1, 2))
del max
print(max(1, 2))
def param_shadow(x):
    return x
print(param_shadow("param"), x)
