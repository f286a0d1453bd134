# Tests NameError suggesting a builtin name for a typo inside a function.
def total_length(words):
    n = 0
    for w in words:
        n += lenn(w)
    return n

print(total_length(["a", "bb"]))
