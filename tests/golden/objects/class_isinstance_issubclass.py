# Tests isinstance and issubclass with user classes, builtin types and tuples of classes.
class Animal:
    pass

class Dog(Animal):
    pass

class Puppy(Dog):
    pass

class Cat(Animal):
    pass

class Rock:
    pass

d = Dog()
p = Puppy()
c = Cat()
r = Rock()

print("-- isinstance single class")
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Cat))
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Puppy))
print(isinstance(r, Animal), isinstance(r, object), isinstance(d, object))

print("-- isinstance with tuples")
print(isinstance(c, (Dog, Cat)), isinstance(r, (Dog, Cat)))
print(isinstance(r, (Dog, (Cat, Rock))))
print(isinstance(5, (str, Animal)), isinstance("s", (str, Animal)))

print("-- issubclass")
print(issubclass(Puppy, Dog), issubclass(Puppy, Animal), issubclass(Dog, Puppy))
print(issubclass(Dog, Dog), issubclass(Cat, object), issubclass(Rock, Animal))
print(issubclass(Puppy, (Cat, Rock)), issubclass(Puppy, (Cat, Dog)))
print(issubclass(bool, int), issubclass(int, bool))

print("-- exceptions are classes too")
class AppError(Exception):
    pass
print(issubclass(AppError, Exception), issubclass(AppError, BaseException))
print(isinstance(AppError("x"), Exception), isinstance(AppError, type))

print("-- classifying a mixed list")
things = [d, p, c, r, 3, "s", Animal()]
for t in things:
    if isinstance(t, Puppy):
        kind = "puppy"
    elif isinstance(t, Dog):
        kind = "dog"
    elif isinstance(t, Animal):
        kind = "animal"
    elif isinstance(t, (int, str)):
        kind = "builtin"
    else:
        kind = "other"
    print(type(t).__name__, kind)

print("-- isinstance of a class object")
print(isinstance(Dog, type), isinstance(d, type))
