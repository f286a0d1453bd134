# Tests the mutable default argument gotcha and the None-sentinel fix.
def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_bad(1))
print(append_bad(2))
print(append_bad(3, []))
print(append_bad(4))
def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(append_good(1), append_good(2))
def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(counter(), counter(), counter({}), counter())
