# Tests splitlines with different line endings and keepends.
s = "one\ntwo\r\nthree\rfour\n\nsix"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "x\n".splitlines(), "x\n\n".splitlines())
print("trailing\n".splitlines(keepends=True), "a\x0bb\x0cc\x1cd".splitlines())
print("no newline".splitlines(), "a\n".split("\n"))
