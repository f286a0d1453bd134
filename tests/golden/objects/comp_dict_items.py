# Tests comprehensions over dict items/keys/values: filtering, transforming, sorting and merging.
stock = {"apples": 5, "pears": 0, "plums": 12, "kiwis": 3, "figs": 0}

print("-- over items")
print([k for k, v in stock.items() if v == 0])
print({k: v * 2 for k, v in stock.items() if v})
print([f"{k}={v}" for k, v in sorted(stock.items())])

print("-- over keys and values")
print([k.upper() for k in stock])
print(sum(v for v in stock.values()), max(stock.values()))
print(sorted(k for k in stock.keys() if "p" in k))

print("-- sort items by value then key")
print([k for k, v in sorted(stock.items(), key=lambda kv: (-kv[1], kv[0]))])

print("-- nested dicts")
scores = {"ann": {"math": 90, "art": 70}, "bob": {"math": 60, "art": 95}}
print({name: max(subj, key=subj.get) for name, subj in scores.items()})
print({name: sum(s.values()) / len(s) for name, s in scores.items()})
print([(n, s, v) for n, d in scores.items() for s, v in d.items() if v > 80])

print("-- merging two dicts")
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print({k: a.get(k, 0) + b.get(k, 0) for k in list(a) + [k for k in b if k not in a]})
