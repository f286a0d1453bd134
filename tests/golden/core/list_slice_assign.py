# Tests slice assignment (grow/shrink/insert), extended slice assignment and del with slices.
a = list(range(8))
a[2:4] = ["x", "y", "z"]; print(a)
a[1:6] = []; print(a)
a[0:0] = [-2, -1]; print(a)
a[len(a):] = [100]; print(a)
a[:] = [1, 2, 3, 4, 5, 6]; print(a)
a[::2] = ["e", "e", "e"]; print(a)
a[::-2] = [0, 0, 0]; print(a)
a[2:4] = "ab"; print(a)
a[1:2] = (); print(a)
del a[::2]; print(a)
b = list(range(10))
del b[2:5]; print(b)
del b[-2:]; print(b)
del b[:]; print(b)
try:
    c = [1, 2, 3, 4]
    c[::2] = [9]
except ValueError as e:
    print("ValueError:", e)
