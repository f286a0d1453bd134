# Malformed: 'try' block not followed by except or finally.
try:
    x = 1
print(x)
