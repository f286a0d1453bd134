# Tests a reusable context manager that tracks nesting depth (indentation) across nested and repeated withs.
class Indenter:
    def __init__(self):
        self.level = 0

    def __enter__(self):
        self.level += 1
        return self

    def __exit__(self, et, ev, tb):
        self.level -= 1

    def say(self, text):
        print("    " * self.level + text)

ind = Indenter()
ind.say("level 0")
with ind:
    ind.say("level 1")
    with ind:
        ind.say("level 2")
        with ind as same:
            same.say("level 3")
            print(same is ind, ind.level)
        ind.say("back to 2")
    ind.say("back to 1")
ind.say("back to 0")

print("-- used in a recursive function")
def show_tree(node, ind):
    name, children = node
    ind.say(name)
    with ind:
        for child in children:
            show_tree(child, ind)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
show_tree(tree, Indenter())

print("-- level restored after an exception")
try:
    with ind:
        with ind:
            raise ValueError("deep")
except ValueError:
    pass
print(ind.level)
