# Tests a traceback through a named key function called by list.sort.
def by_length(s):
    return len(s)

words = ["ccc", "a", "bb"]
words.sort(key=by_length)
print(words)
words.append(None)
words.sort(key=by_length)
