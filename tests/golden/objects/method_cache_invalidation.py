# One call site sees different receivers and classes that change under it:
# every result must follow the current class, as in CPython.
class A:
    def who(self):
        return "A.who"

class B(A):
    pass

def call(x):
    return x.who()

a, b = A(), B()
print(call(a), call(b), call(a))
B.who = lambda self: "B.who"
print(call(a), call(b))
A.who = lambda self: "A.new"
print(call(a), call(b))
del B.who
print(call(b))
b.who = lambda: "instance"
print(call(b), call(a))
del b.who
print(call(b))

def upper_of(x):
    return x.upper()

class S:
    def upper(self):
        return "S.upper"

for v in ["abc", S(), "x", S()]:
    print(upper_of(v))
items = [[1, 2], (1, 2), {1: 2}, [1, 1]]
for v in items:
    print(v.count(1) if not isinstance(v, dict) else v.get(1))
try:
    del A.who
    call(a)
except AttributeError as e:
    print("AttributeError:", e)
