# Tests late binding of closures created in loops and the default-argument fix.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print("late binding:", funcs[0](), funcs[1](), funcs[2]())
fixed = []
for i in range(3):
    fixed.append(lambda i=i: i)
print("bound by default:", fixed[0](), fixed[1](), fixed[2]())
def make(n):
    return lambda: n * n
made = []
for i in range(4):
    made.append(make(i))
results = []
for f in made:
    results.append(f())
print("factory:", results)
i = 100
print("after rebinding global i:", funcs[0]())
