# Tests uncaught ZeroDivisionError from integer modulo by zero inside an expression.
def is_multiple(a, b):
    return a % b == 0

print(is_multiple(10, 5))
print(is_multiple(10, 0))
