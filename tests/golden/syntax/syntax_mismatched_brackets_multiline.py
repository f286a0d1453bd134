# Malformed: '{' opened on one line and closed by ')' on a later line.
config = {
    "a": 1,
    "b": 2,
)
print(config)
