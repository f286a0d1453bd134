# Tests default equality (identity) for instances without __eq__, `is`, `in` on lists, and list.index/count.
class Token:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return f"Token({self.text!r})"

a = Token("x")
b = Token("x")
c = a

print("-- default == is identity")
print(a == b, a == c, a != b, a is c, a is not b)

print("-- in, index and count use identity here")
items = [a, b, Token("y")]
print(a in items, Token("x") in items, c in items)
print(items.index(b), items.count(a))

print("-- instances as dict keys use identity by default")
d = {a: 1, b: 2}
print(len(d), d[a], d[b], d[c])
print(Token("x") in d)

print("-- comparison with other types")
print(a == "x", a == None, a != 0)

print("-- removing by identity")
items.remove(b)
print(items)
