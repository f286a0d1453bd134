# Tests printf-style % formatting of strings with many conversion types.
print("%d %s %r %5.2f %x" % (42, "str", "str", 3.14159, 255))
print("%i|%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5, 6))
print("%s" % "single", "%s" % (("tuple", "in", "tuple"),), "%s %s" % ("a", 1))
print("%o %X %#x %#o %e %E %.3e" % (8, 255, 255, 8, 1234.5, 0.001, 98765.4321))
print("100%% sure, %c%c" % (72, "i"), "%%d" % ())
print("%10s|%-10s|%.2s|" % ("right", "left", "truncate"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 40})
print("%r %r %r" % (None, [1, "a"], 1.5), "%s" % [1, 2])
print("%d" % 3.99, "%d" % True, "%.1f%%" % 99.5, "%g" % 1e-5)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
