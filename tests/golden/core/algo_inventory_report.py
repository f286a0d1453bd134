# Tests a realistic data-processing script: parse CSV-like lines, aggregate, sort, report.
DATA = """date,region,product,units,price
2024-01-03,north,widget,5,2.50
2024-01-03,south,gadget,2,10.00
2024-01-04,north,gadget,1,10.00
2024-01-05,east,widget,12,2.25
2024-01-05,north,widget,3,2.50
bad line here
2024-01-06,south,widget,,2.50
2024-01-07,east,gizmo,4,7.75"""
lines = DATA.splitlines()
header = lines[0].split(",")
print("columns:", header)
by_region = {}
by_product = {}
errors = []
for lineno, line in enumerate(lines[1:], start=2):
    parts = line.split(",")
    if len(parts) != len(header):
        errors.append(f"line {lineno}: expected {len(header)} fields, got {len(parts)}")
        continue
    date, region, product, units, price = parts
    try:
        revenue = int(units) * float(price)
    except ValueError as e:
        errors.append(f"line {lineno}: {e}")
        continue
    by_region[region] = by_region.get(region, 0.0) + revenue
    by_product.setdefault(product, []).append(int(units))
for region, revenue in sorted(by_region.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{region:<6} {revenue:>8.2f}")
for product in sorted(by_product):
    units = by_product[product]
    print(f"{product:<7} n={len(units)} total={sum(units)} max={max(units)}")
for e in errors:
    print("ERROR", e)
