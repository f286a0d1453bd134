# Malformed: triple-quoted string never closed (runs to end of file).
intro = "ok"
doc = """This docstring
never ends
print(intro)
