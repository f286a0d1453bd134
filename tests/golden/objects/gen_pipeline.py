# Tests a generator pipeline (generator feeding generator) with trace prints showing lazy interleaving.
def source(lines):
    for line in lines:
        print(f"  source -> {line!r}")
        yield line

def strip_comments(lines):
    for line in lines:
        if not line.startswith("#"):
            yield line

def parse(lines):
    for line in lines:
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()

def to_ints(pairs):
    for k, v in pairs:
        if v.isdigit():
            yield k, int(v)

text = ["# config", "a = 1", "b = two", "c=3", "# end", "d = 40"]

print("-- lazy: nothing happens until consumed")
pipe = to_ints(parse(strip_comments(source(text))))
print("pipeline built")
print("first:", next(pipe))
print("rest:")
for k, v in pipe:
    print("  got", k, v)

print("-- aggregate")
print(sum(v for k, v in to_ints(parse(strip_comments(iter(text))))))

print("-- word frequency pipeline")
def words(lines):
    for line in lines:
        for w in line.lower().split():
            yield w.strip(".,!")
def nonempty(ws):
    return (w for w in ws if w)
counts = {}
for w in nonempty(words(["The cat. The dog!", "A cat, a hat", " , "])):
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
