# Malformed: 'if' header without a trailing colon.
x = 3
if x > 2
    print("big")
