# Tests building Pascal's triangle row by row and centered printing.
rows = [[1]]
for i in range(1, 10):
    prev = rows[-1]
    row = [1]
    for a, b in zip(prev, prev[1:]):
        row.append(a + b)
    row.append(1)
    rows.append(row)
width = len(" ".join(map(str, rows[-1])))
for row in rows:
    print(" ".join(map(str, row)).center(width).rstrip())
print(sum(rows[-1]), rows[9][4])
