# Tests lambda: immediate invocation, defaults, as sort keys, returning lambdas, nesting.
print((lambda: "immediate")())
print((lambda x, y=3: x * y)(4), (lambda x, y=3: x * y)(4, 5))
square = lambda n: n * n
print(square(9), list(map(square, [1, 2, 3])))
pairs = [(1, "d"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
cond = lambda n: "big" if n > 10 else "small"
print(cond(5), cond(50))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("a")("b")("c"))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "pow": lambda a, b: a ** b}
for name in ops:
    print(name, ops[name](2, 5))
