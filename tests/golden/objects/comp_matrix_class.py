# Tests a Matrix class built on nested comprehensions: transpose, multiply, identity, and __eq__/__repr__/__mul__.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return (len(self.rows), len(self.rows[0]) if self.rows else 0)

    def transpose(self):
        return Matrix([[row[j] for row in self.rows] for j in range(self.shape[1])])

    def __mul__(self, other):
        if isinstance(other, int):
            return Matrix([[v * other for v in row] for row in self.rows])
        cols = other.transpose().rows
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

a = Matrix([[1, 2, 3], [4, 5, 6]])
b = Matrix([[7, 8], [9, 10], [11, 12]])
print("-- shapes and transpose")
print(a.shape, b.shape, a.transpose())
print("-- multiply")
print(a * b, b * a)
print(a * 3)
print("-- identity")
i3 = Matrix.identity(3)
print(i3, a * i3 == a, a.transpose().transpose() == a)
print("-- powers of a 2x2 matrix (fibonacci)")
m = Matrix([[1, 1], [1, 0]])
p = Matrix.identity(2)
for k in range(1, 11):
    p = p * m
    if k % 5 == 0:
        print(k, p)
