# Tests uncaught UnboundLocalError when a global is assigned later in the function.
counter = 10

def increment():
    counter = counter + 1
    return counter

print("before")
increment()
