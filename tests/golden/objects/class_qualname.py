# Tests __name__ and __qualname__ of classes, methods, nested classes, and functions inside methods.
class Outer:
    class Inner:
        def method(self):
            return "inner"

    def method(self):
        def helper():
            return 1
        return helper

    @staticmethod
    def smethod():
        pass

    @classmethod
    def cmethod(cls):
        pass

def make_class():
    class Local:
        def go(self):
            pass
    return Local

print("-- classes")
print(Outer.__name__, Outer.__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)

print("-- methods through the class")
print(Outer.method.__name__, Outer.method.__qualname__)
print(Outer.Inner.method.__qualname__)
print(Outer.smethod.__qualname__, Outer.cmethod.__qualname__)

print("-- methods through an instance")
o = Outer()
print(o.method.__name__, o.method.__qualname__)
print(o.cmethod.__name__, o.smethod.__name__)

print("-- function defined inside a method")
h = o.method()
print(h.__name__, h.__qualname__, h())

print("-- class defined inside a function")
L = make_class()
print(L.__name__, L.__qualname__)
print(L.go.__qualname__)
print(type(L()).__qualname__)

print("-- plain functions and lambdas")
def top():
    pass
f = lambda: 0
print(top.__name__, top.__qualname__, f.__name__, f.__qualname__)
