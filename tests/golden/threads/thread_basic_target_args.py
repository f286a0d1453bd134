# Tests threading.Thread with target, args and kwargs; results collected after join.
import threading

results = []

def worker(a, b, scale=1, tag="none"):
    results.append((a + b) * scale)
    results.append(tag)

print("-- positional args")
t = threading.Thread(target=worker, args=(2, 3))
t.start()
t.join()
print(results)

print("-- args and kwargs")
results.clear()
t = threading.Thread(target=worker, args=(4, 5), kwargs={"scale": 10, "tag": "kw"})
t.start()
t.join()
print(results)

print("-- kwargs only")
results.clear()
t = threading.Thread(target=worker, kwargs={"a": 1, "b": 1, "tag": "only"})
t.start()
t.join()
print(results)

print("-- list args")
results.clear()
t = threading.Thread(target=worker, args=[7, 8], kwargs={"scale": 2})
t.start()
t.join()
print(results)
print("done")
