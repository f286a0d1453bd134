# Tests backtracking: counting N-Queens solutions and printing the first 6x6 solution.
def solve(n):
    cols = []
    solutions = []
    def safe(r, c):
        for pr, pc in enumerate(cols):
            if pc == c or abs(pc - c) == r - pr:
                return False
        return True
    def place(r):
        if r == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if safe(r, c):
                cols.append(c)
                place(r + 1)
                cols.pop()
    place(0)
    return solutions
for n in range(1, 8):
    print(n, len(solve(n)))
first = solve(6)[0]
for c in first:
    print(". " * c + "Q " + ". " * (6 - c - 1))
