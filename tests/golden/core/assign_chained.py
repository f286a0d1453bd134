# Tests chained assignment (shared object, left-to-right targets) and swap idioms.
a = b = c = 0
print(a, b, c)
a = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
lst = [0, 0, 0]
i = 0
i = lst[i] = 2
print(i, lst)
p, q = r = (1, 2)
print(p, q, r)
m = n = "s"
m += "t"
print(m, n)
u, v = v, u = 1, 2
print(u, v)
