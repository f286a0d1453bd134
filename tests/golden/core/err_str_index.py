# Tests uncaught IndexError for a string index out of range.
word = "hey"
for i in range(4):
    print(i, word[i])
