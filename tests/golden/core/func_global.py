# Tests global declarations: reading, rebinding, creating module globals from functions.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print("counter", counter, bump())
def read_only():
    return counter * 2
print(read_only())
def make_new():
    global created
    created = "made inside function"
make_new()
print(created)
def local_shadow():
    counter = -1
    return counter
print(local_shadow(), counter)
config = {"debug": False}
def enable():
    config["debug"] = True
enable()
print(config)
def nested():
    def inner():
        global counter
        counter = 1000
    inner()
nested()
print(counter)
