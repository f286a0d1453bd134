# Tests a few generations of Conway's Game of Life (blinker and glider) on a small grid.
def step(grid):
    h, w = len(grid), len(grid[0])
    new = []
    for r in range(h):
        row = []
        for c in range(w):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == 0 and dc == 0:
                        continue
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < h and 0 <= cc < w and grid[rr][cc]:
                        n += 1
            alive = grid[r][c]
            row.append(1 if (alive and n in (2, 3)) or (not alive and n == 3) else 0)
        new.append(row)
    return new
def show(grid):
    for row in grid:
        line = ""
        for cell in row:
            line += "#" if cell else "."
        print(line)
    print("-" * len(grid[0]))
g = []
for r in range(6):
    g.append([0] * 6)
g[0][1] = g[1][2] = g[2][0] = g[2][1] = g[2][2] = 1
for gen in range(4):
    show(g)
    g = step(g)
