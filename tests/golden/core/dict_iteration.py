# Tests iterating dicts: keys, values, items with unpacking, enumerate, sorted views.
prices = {"apple": 1.25, "bread": 3.5, "milk": 0.99}
for k in prices:
    print(k, prices[k])
for name, price in prices.items():
    print(f"{name:>6}: {price:5.2f}")
total = 0
for v in prices.values():
    total += v
print("total", round(total, 2))
for i, (k, v) in enumerate(prices.items(), start=1):
    print(i, k, v)
for k in sorted(prices, key=lambda name: prices[name]):
    print("cheap first", k)
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
print(list(prices.items())[1], len(prices.keys()), "milk" in prices.keys(), 0.99 in prices.values())
