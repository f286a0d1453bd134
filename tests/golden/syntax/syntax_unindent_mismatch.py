# Malformed: dedent to a column that matches no outer indentation level.
def f(x):
    if x:
        return 1
      return 2
print(f(0))
