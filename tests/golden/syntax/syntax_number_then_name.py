# Malformed: a number literal immediately followed by a name (1st).
place = 1st
