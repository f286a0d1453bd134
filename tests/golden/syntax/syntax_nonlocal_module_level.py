# Malformed: 'nonlocal' declaration at module level.
print("start")
nonlocal counter
counter = 1
