# Tests raise ... from with custom exceptions, __cause__/__context__, and wrapping low-level errors.
class ParseError(Exception):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line

def parse_number(text, line):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(line, f"bad number {text!r}") from e

def parse_all(lines):
    out = []
    for i, t in enumerate(lines, 1):
        out.append(parse_number(t, i))
    return out

print("-- success")
print(parse_all(["1", "22", "-3"]))

print("-- wrapped error")
try:
    parse_all(["5", "x5"])
except ParseError as e:
    print("ParseError:", e, "line", e.line)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__)

print("-- implicit context")
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise ParseError(0, "while handling")
except ParseError as e:
    print(repr(e.__context__), e.__cause__)

print("-- from None")
try:
    try:
        {}["missing"]
    except KeyError:
        raise ParseError(9, "clean") from None
except ParseError as e:
    print(e.__cause__, repr(e.__context__))
