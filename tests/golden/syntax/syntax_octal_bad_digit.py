# Malformed: digit 8 in an octal literal.
perm = 0o755
bad = 0o78
