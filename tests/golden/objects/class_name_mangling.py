# Tests private name mangling: self.__x stored as _C__x, per-class mangling in subclasses.
class Vault:
    def __init__(self, secret):
        self.__secret = secret
        self._hint = secret[:1]

    def reveal(self):
        return self.__secret

    def __private_method(self):
        return "private:" + self.__secret

    def call_private(self):
        return self.__private_method()

v = Vault("opensesame")

print("-- access through methods")
print(v.reveal(), v.call_private(), v._hint)

print("-- mangled name from outside")
print(v._Vault__secret)
print(v._Vault__private_method())
print(hasattr(v, "__secret"), hasattr(v, "_Vault__secret"))

print("-- setting the mangled name from outside")
v._Vault__secret = "changed"
print(v.reveal())

print("-- outside a class no mangling happens")
v.__other = 5
print(v.__other, hasattr(v, "_Vault__other"))

class Child(Vault):
    def __init__(self, secret, own):
        super().__init__(secret)
        self.__secret = own

    def own_secret(self):
        return self.__secret

print("-- subclass gets its own mangled attribute")
c = Child("parent-secret", "child-secret")
print(c.reveal(), c.own_secret())
print(c._Vault__secret, c._Child__secret)

print("-- dunder names are not mangled")
class Dunder:
    def __init__(self):
        self.__value__ = 1
        self.__x = 2
d = Dunder()
print(d.__value__, d._Dunder__x)

print("-- leading underscores in class name are stripped")
class _Hidden:
    def __init__(self):
        self.__k = "k"
print(_Hidden()._Hidden__k)
