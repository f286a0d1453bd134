# Tests NameError inside a function called through a dict of handlers.
def greet():
    return "hello"

def farewell():
    return goodbye_message

handlers = {"greet": greet, "farewell": farewell}
for key in ("greet", "farewell"):
    print(key, handlers[key]())
