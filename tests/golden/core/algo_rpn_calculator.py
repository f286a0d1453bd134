# Tests a reverse-Polish calculator with a dict of lambdas and error reporting.
OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b,
}
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in OPS:
            if len(stack) < 2:
                return "error: stack underflow"
            b = stack.pop()
            a = stack.pop()
            try:
                stack.append(OPS[tok](a, b))
            except ZeroDivisionError as e:
                return "error: " + str(e)
        else:
            try:
                stack.append(int(tok))
            except ValueError:
                stack.append(float(tok))
    if len(stack) != 1:
        return f"error: {len(stack)} values left"
    return stack[0]
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "7 2 /", "7 2 //", "-7 2 %", "2 10 **",
          "1 0 /", "1 +", "1 2", "2.5 2 *", "9 0 %"]:
    print(f"{e!r:>22} => {rpn(e)!r}")
