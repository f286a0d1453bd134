# Tests a traceback for an error raised inside a generator consumed by a for loop (generator frame shown).
def parse_lines(lines):
    for n, line in enumerate(lines, 1):
        key, value = line.split("=")
        yield key, int(value)

config = ["a=1", "b=2", "c=x", "d=4"]
for key, value in parse_lines(config):
    print(key, value)
