# Malformed: a starred assignment target that is not in a tuple or list.
values = [1, 2, 3]
*rest = values
