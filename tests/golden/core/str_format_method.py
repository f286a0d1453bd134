# Tests str.format: auto/manual numbering, keyword fields, format specs, braces.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:05d} {:.3f} {:x} {:,} {:e}".format(42, 3.14159, 255, 1234567, 0.5))
print("{{literal}} {}".format("x"), "{!r} {!s}".format("q", "q"))
print("{0:*^9}".format("mid"), "{:+d} {:+d}".format(5, -5))
print("{} {}".format([1, 2], {"a": 1}), "{}".format(None))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
