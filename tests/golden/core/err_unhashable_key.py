# Tests uncaught TypeError using a list as a dict key.
cache = {}
key = [1, 2]
print("storing under", key)
cache[key] = "value"
