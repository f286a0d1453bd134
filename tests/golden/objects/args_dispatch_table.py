# Tests a command dispatcher mapping names to functions/methods, calling with *args and **kwargs from parsed input.
class Calculator:
    def __init__(self):
        self.memory = 0

    def add(self, *nums):
        self.memory += sum(nums)
        return self.memory

    def scale(self, factor, *, offset=0):
        self.memory = self.memory * factor + offset
        return self.memory

    def reset(self, value=0):
        self.memory = value
        return self.memory

def parse(line):
    parts = line.split()
    name = parts[0]
    args = []
    kwargs = {}
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=")
            kwargs[k] = int(v)
        else:
            args.append(int(p))
    return name, args, kwargs

calc = Calculator()
commands = {"add": calc.add, "scale": calc.scale, "reset": calc.reset}
script = ["add 1 2 3", "scale 2", "scale 3 offset=1", "reset", "add", "reset value=7", "add 1", "scale 2 3", "bogus 1"]
for line in script:
    name, args, kwargs = parse(line)
    fn = commands.get(name)
    if fn is None:
        print(f"{line!r}: unknown command")
        continue
    try:
        print(f"{line!r} -> {fn(*args, **kwargs)}")
    except TypeError as e:
        print(f"{line!r}: TypeError: {e}")
