# Tests printing dict views and nested dict repr, and dict equality ignoring order.
d = {"b": 1, "a": [1, 2], "c": {"x": None}}
print(d.keys())
print(d.values())
print(d.items())
print(len(d.items()), ("b", 1) in d.items(), list(d.values())[1])
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {})
print({"t": (1,), "e": (), "s": "q'", 3: -0.0, 4.5: True})
print({1: {2: {3: {}}}}, str({"k": "v"}), repr({"k": "v"}))
keys = d.keys()
d["z"] = 26
print(keys, len(keys))
