# The smallest script: prints a greeting, a computed value and an f-string.
name = "world"
total = sum(i * i for i in range(10)) if False else sum([1, 2, 3])
print("Hello,", name + "!")
print(f"1 + 2 + 3 = {total}")
