# Malformed: empty expression in an f-string replacement field.
x = 1
print(f"value: {}")
