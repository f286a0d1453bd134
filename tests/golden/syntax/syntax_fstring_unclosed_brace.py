# Malformed: f-string replacement field missing its closing brace.
name = "ann"
msg = f"hello {name"
print(msg)
