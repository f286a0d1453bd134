# Tests uncaught TypeError for None + int from a function that forgot to return.
def compute(x):
    result = x * 2

value = compute(4)
print("value is", value)
print(value + 1)
