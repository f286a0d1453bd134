# Tests KeyError str/repr quoting for different key types (caught).
d = {"a": 1}
for key in ["x", 1, 2.5, (1, 2), None, "it's", "", True]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError str:", str(e), "| repr:", repr(e), "| args:", e.args)
try:
    d.pop("gone")
except KeyError as e:
    print("pop:", e)
try:
    del d["nope"]
except KeyError as e:
    print("del:", e)
print(str(KeyError("msg with spaces")), str(KeyError()), str(KeyError(1, 2)))
