# Tests calling an int literal: CPython emits a compile-time SyntaxWarning on stderr, then the TypeError.
print("the warning above is printed before this line runs")
value = 5()
