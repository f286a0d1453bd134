# Tests handling errors inside loops and continuing: parsing mixed input data.
raw = ["10", "x", "3.5", "", "-4", "7e1", " 8 ", "1/2"]
total = 0
bad = []
for item in raw:
    try:
        total += int(item)
    except ValueError:
        try:
            total += float(item)
        except ValueError as e:
            bad.append(str(e))
print("total", total)
for b in bad:
    print("bad:", b)
ratios = []
for a, b in [(1, 2), (3, 0), (5, 5), (0, 0)]:
    try:
        ratios.append(a / b)
    except ZeroDivisionError:
        ratios.append(None)
print(ratios)
d = {"a": [1, 2], "b": [], "c": [3]}
for key in ["a", "b", "c", "d"]:
    try:
        print(key, d[key][0])
    except KeyError as e:
        print(key, "missing key", e)
    except IndexError as e:
        print(key, "empty list:", e)
