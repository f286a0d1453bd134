# Malformed: digit 2 in a binary literal.
flags = 0b101
bad = 0b102
