# Tests hasattr/getattr/setattr/delattr on instances, with defaults and dynamic attribute names.
class Record:
    kind = "record"

    def __init__(self, **fields):
        for name in fields:
            setattr(self, name, fields[name])

    def get(self, name):
        return getattr(self, name, None)

r = Record(name="ann", age=31)

print("-- getattr")
print(getattr(r, "name"), getattr(r, "age"), getattr(r, "kind"))
print(getattr(r, "missing", "default"), r.get("missing"))

print("-- hasattr")
print(hasattr(r, "name"), hasattr(r, "kind"), hasattr(r, "nope"), hasattr(r, "get"))

print("-- setattr with computed names")
for i in range(3):
    setattr(r, f"field{i}", i * i)
print(r.field0, r.field1, r.field2)

print("-- delattr")
delattr(r, "age")
print(hasattr(r, "age"))
del r.field1
print(hasattr(r, "field1"), getattr(r, "field1", "gone"))

print("-- getattr of a method gives a bound method")
m = getattr(r, "get")
print(m("name"))

print("-- errors")
try:
    getattr(r, "age")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(r, "age")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(r, "kind")
except AttributeError as e:
    print("AttributeError:", e)

print("-- class attribute via setattr on the class")
setattr(Record, "kind", "changed")
print(r.kind, Record.kind)
setattr(Record, "shout", lambda self: self.name.upper())
print(r.shout())
