# Tests comprehensions with multiple for clauses, conditions between them, and nested comprehensions.
print("-- two for clauses")
print([(x, y) for x in range(3) for y in "ab"])
print([x * y for x in range(1, 4) for y in range(x)])

print("-- condition between loops")
print([(x, y) for x in range(5) if x % 2 for y in range(x) if y > 1])

print("-- flattening")
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row])
print([v for row in matrix for v in row if v % 2 == 0])

print("-- nested comprehension (transpose)")
print([[row[i] for row in matrix] for i in range(3)])

print("-- multiplication table")
table = [[i * j for j in range(1, 5)] for i in range(1, 5)]
for row in table:
    print(row)

print("-- pythagorean triples")
print([(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c])

print("-- later clause uses earlier variable")
words = ["hi", "yo", "abc"]
print([ch for w in words for ch in w if ch not in "aeiou"])
print([w[:i] for w in words for i in range(1, len(w) + 1)])

print("-- three levels")
print(len([(a, b, c) for a in range(4) for b in range(4) for c in range(4) if a < b < c]))
