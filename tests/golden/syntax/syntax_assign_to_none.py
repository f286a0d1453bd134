# Malformed: assignment to the keyword None.
value = 1
None = value
