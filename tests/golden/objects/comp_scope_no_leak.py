# Tests that comprehension variables do not leak, shadow outer names only inside, and see enclosing locals.
x = "outer x"
i = -1
result = [x for x in range(3)]
print("-- loop variable does not leak")
print(result, x)
squares = {i: i * i for i in range(4)}
print(squares, i)
total = sum(i for i in range(100))
print(total, i)

print("-- comprehension reads outer variables")
factor = 10
print([n * factor for n in range(3)])

print("-- inside a function, locals are visible")
def scale_all(values, k):
    offset = 1
    return [v * k + offset for v in values]
print(scale_all([1, 2, 3], 5))

def local_filter(limit):
    allowed = [2, 4, 6, 8]
    return [n for n in range(limit) if n in allowed]
print(local_filter(7))

print("-- nested comprehension variables are separate")
print([[i for i in range(j)] for j in range(4)])
print(i)

print("-- the first iterable is evaluated in the enclosing scope")
def outer():
    data = [1, 2, 3]
    return [data for data in data]
print(outer())

print("-- names bound in the loop are local to the comprehension")
def f():
    y = "f's y"
    ys = [y for y in "ab"]
    return y, ys
print(f())
