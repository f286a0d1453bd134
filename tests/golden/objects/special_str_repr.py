# Tests __str__ vs __repr__: print, str(), repr(), f-string conversions, format and %-formatting.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __repr__(self):
        return f"Money({self.cents})"

m = Money(12345)
print("-- print uses __str__")
print(m)
print("-- str and repr")
print(str(m), repr(m))
print("-- f-string conversions")
print(f"{m}", f"{m!s}", f"{m!r}", f"[{m!r:>14}]")
print("-- %-formatting")
print("%s and %r" % (m, m))
print("-- string concatenation")
print("total: " + str(m))
print("-- containers show repr")
print([m, Money(5)], (m,), {"price": m})
print("-- nested containers")
print([[Money(1)], {"k": [Money(200)]}])
print("-- repr of a string attribute")
class Named:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Named(" + repr(self.name) + ")"
print(Named("it's"), [Named('say "hi"')])
print("-- only __str__ defined: repr stays default, str works")
class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyStr(), str(OnlyStr()), f"{OnlyStr()}")
