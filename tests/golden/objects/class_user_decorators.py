# Tests simple user-written function decorators applied to functions and methods, forwarding *args/**kwargs.
calls = []

def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        result = fn(*args, **kwargs)
        print(f"  {fn.__name__} -> {result!r}")
        return result
    return wrapper

def twice(fn):
    def wrapper(*args, **kwargs):
        fn(*args, **kwargs)
        return fn(*args, **kwargs)
    return wrapper

@logged
def add(a, b=10):
    return a + b

class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
        self.count = 0

    @logged
    def greet(self, name, punct="!"):
        self.count += 1
        return f"{self.greeting}, {name}{punct}"

    @twice
    def bump(self):
        self.count += 100

print("-- decorated function")
add(1)
add(1, 2)
add(a=5, b=5)

print("-- decorated method")
g = Greeter("Hi")
g.greet("ann")
g.greet("bob", punct="?")
print(g.count)

print("-- stacked behaviour")
g.bump()
print(g.count)

print("-- the wrapper replaced the function")
print(add.__name__, Greeter.greet.__name__, Greeter.greet.__qualname__)
print(calls)

print("-- decorator with state in a closure")
def counted(fn):
    n = 0
    def wrapper(*args):
        nonlocal n
        n += 1
        return (n, fn(*args))
    return wrapper

@counted
def square(x):
    return x * x
print(square(2), square(3), square(4))
