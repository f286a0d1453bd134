# Tests a traceback where the error happens inside a lambda called by sorted().
records = [{"name": "a", "age": 3}, {"name": "b"}, {"name": "c", "age": 1}]
print("sorting", len(records), "records")
by_age = sorted(records, key=lambda r: r["age"])
print(by_age)
