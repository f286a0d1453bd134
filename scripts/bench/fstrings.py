# f-string formatting: conversions, widths, alignment, precision, thousands
# separators, nested fields, and str.format for comparison.
rows = []
total = 0
for i in range(50000):
    name = "item" + str(i % 13)
    price = i * 1.0375
    line = f"{i:>6} | {name:<8} | {price:10.2f} | {i * 977:,} | {i % 256:#04x} | {name!r}"
    total += len(line)
    if i % 5000 == 0:
        rows.append(line)
    label = "{}:{:03d}".format(name, i % 1000)
    total += len(label) + len(f"{price:.3e}") + len(f"{i / 7:.1%}")
for r in rows:
    print(r)
print(total)
