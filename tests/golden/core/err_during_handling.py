# Tests chained traceback: an exception raised inside an except block (implicit context).
def parse(text):
    try:
        return int(text)
    except ValueError:
        return fallback[text]

print(parse("12"))
print(parse("twelve"))
