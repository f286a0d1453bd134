# Tests formatting a text table with computed column widths, alignment and totals.
rows = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Thingamajig", 1, 100.0), ("Nut", 250, 0.05)]
headers = ("Item", "Qty", "Price", "Total")
table = []
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    table.append((name, str(qty), f"{price:.2f}", f"{total:,.2f}"))
widths = []
for i in range(4):
    w = len(headers[i])
    for r in table:
        w = max(w, len(r[i]))
    widths.append(w)
sep = "+" + "+".join(map(lambda w: "-" * (w + 2), widths)) + "+"
print(sep)
print("| " + " | ".join(map(lambda p: p[0].ljust(p[1]), zip(headers, widths))) + " |")
print(sep)
for r in table:
    cells = [r[0].ljust(widths[0])]
    for i in range(1, 4):
        cells.append(r[i].rjust(widths[i]))
    print("| " + " | ".join(cells) + " |")
print(sep)
print(f"Grand total: {grand:>12,.2f}")
print("%-12s|%6d|%9.3f" % ("pct-format", 42, 3.14159))
