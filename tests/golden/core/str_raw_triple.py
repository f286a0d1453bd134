# Tests raw strings, triple-quoted strings and implicit concatenation.
r = r"C:\new\table\x41"
print(r, len(r), repr(r))
print(r'\n is two chars', len(r'\n'), R"\\", len(R"\\"))
t = """first line
  second "quoted" line
third 'line'"""
print(t)
print(repr(t))
u = '''single
triple'''
print(u.splitlines())
empty = """"""
print(repr(empty), len(empty))
joined = "abc" 'def' """ghi"""
print(joined)
multi = ("implicit "
         "concatenation "
         "across lines")
print(multi)
print(r"raw" "\tnot raw" r"\t raw again")
print("""a\
b""")
doc = """
    indented
"""
print(repr(doc))
