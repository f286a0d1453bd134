# Tests a dict-like class with __getitem__/__setitem__/__delitem__/__contains__/__len__/__iter__ plus helper methods.
class DefaultDict:
    def __init__(self, factory):
        self.factory = factory
        self.data = {}

    def __getitem__(self, key):
        if key not in self.data:
            self.data[key] = self.factory()
        return self.data[key]

    def __setitem__(self, key, value):
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def items(self):
        return list(self.data.items())

    def __repr__(self):
        return f"DefaultDict({self.data})"

print("-- grouping with list factory")
groups = DefaultDict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, len(groups))

print("-- counting with int factory")
counts = DefaultDict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts.items())
print(sorted(counts, key=lambda k: -counts[k]))

print("-- contains does not create keys")
print("z" in counts, len(counts))
print(counts["z"], "z" in counts, len(counts))

print("-- delete")
del counts["z"]
del counts["m"]
print(list(counts), counts)
try:
    del counts["q"]
except KeyError as e:
    print("KeyError:", e)
