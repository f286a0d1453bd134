# Tests a three-level exception chain mixing implicit context and explicit cause.
def step1():
    return {}["key"]

def step2():
    try:
        step1()
    except KeyError:
        int("not a number")

def step3():
    try:
        step2()
    except ValueError as e:
        raise RuntimeError("step3 failed") from e

print("running")
step3()
