# Malformed: two starred targets in one assignment.
values = [1, 2, 3, 4]
a, *b, *c = values
