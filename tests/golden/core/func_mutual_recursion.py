# Tests mutual recursion between functions defined later in the module.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
for n in (0, 1, 2, 7, 10, 301):
    print(n, is_even(n), is_odd(n))
def expr(tokens, pos):
    value, pos = term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "+-":
        op = tokens[pos]
        rhs, pos = term(tokens, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos
def term(tokens, pos):
    value, pos = atom(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "*/":
        op = tokens[pos]
        rhs, pos = atom(tokens, pos + 1)
        value = value * rhs if op == "*" else value // rhs
    return value, pos
def atom(tokens, pos):
    if tokens[pos] == "(":
        value, pos = expr(tokens, pos + 1)
        return value, pos + 1
    return int(tokens[pos]), pos + 1
for src in ["1 + 2 * 3", "( 1 + 2 ) * 3", "10 - 4 - 3", "2 * ( 3 + 4 ) * 5 / 7"]:
    print(src, "=", expr(src.split(), 0)[0])
