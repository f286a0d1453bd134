# Tests uncaught TypeError from int(None).
values = {"a": "5", "b": None}
for k in values:
    print(k, int(values[k]))
