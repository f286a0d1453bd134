# Tests __str__/__repr__ inherited and extended with super(), and str() falling back to __repr__.
class Animal:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def __str__(self):
        return f"dog {self.name}"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def __repr__(self):
        return super().__repr__()[:-1] + f", age={self.age})"

    def __str__(self):
        return super().__str__() + f" (puppy, {self.age}mo)"

a = Animal("generic")
d = Dog("rex")
p = Puppy("bit", 3)

print("-- str falls back to repr")
print(a, str(a), repr(a))
print("-- own __str__, inherited __repr__")
print(d, repr(d))
print("-- both extended")
print(p, repr(p))
print("-- containers use repr")
print([a, d, p])
print({"pet": p}, (d,))
print("-- f-strings")
print(f"{p} | {p!r} | {d!s}")
