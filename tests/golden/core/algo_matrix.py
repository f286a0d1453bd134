# Tests matrix multiplication, transpose and identity with nested lists.
def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    out = []
    for i in range(rows):
        row = []
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            row.append(s)
        out.append(row)
    return out
def transpose(m):
    out = []
    for j in range(len(m[0])):
        col = []
        for i in range(len(m)):
            col.append(m[i][j])
        out.append(col)
    return out
def identity(n):
    out = []
    for i in range(n):
        row = [0] * n
        row[i] = 1
        out.append(row)
    return out
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B))
print(transpose(A))
print(matmul(A, identity(3)) == A, identity(2))
M = [[1, 1], [1, 0]]
P = identity(2)
for _ in range(30):
    P = matmul(P, M)
print("fib via matrix:", P[0][1])
for row in matmul(B, A):
    line = ""
    for v in row:
        line += f"{v:5d}"
    print(line)
