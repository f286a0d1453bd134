# Malformed: single-quoted string not closed before end of line.
name = 'world
print(name)
