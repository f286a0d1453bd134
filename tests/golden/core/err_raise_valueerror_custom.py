# Tests an uncaught explicitly raised ValueError with a formatted message from a nested call.
def validate(age):
    if age < 0:
        raise ValueError(f"age must be non-negative, got {age}")
    return age

def register(name, age):
    print("registering", name)
    return validate(age)

register("bob", 42)
register("eve", -1)
