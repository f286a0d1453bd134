# Tests exiting with a status equal to the number of validation failures (2).
import sys
records = [{"id": 1, "age": 30}, {"id": 2, "age": -4}, {"id": 3}, {"id": 4, "age": 51}]
failures = 0
for r in records:
    age = r.get("age")
    if age is None or age < 0:
        failures += 1
        print(f"record {r['id']}: invalid age {age!r}")
    else:
        print(f"record {r['id']}: ok")
print("failures:", failures)
sys.exit(failures)
