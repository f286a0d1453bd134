# Tests uncaught ValueError: not enough values to unpack.
line = "alice,30"
print("parsing", line)
name, age, city = line.split(",")
