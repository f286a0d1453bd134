# Tests a binary search tree class with recursive methods: insert, contains, in-order traversal, height.
class Tree:
    def __init__(self):
        self.root = None

    class _Node:
        def __init__(self, key):
            self.key = key
            self.left = None
            self.right = None

    def insert(self, key):
        self.root = self._insert(self.root, key)

    def _insert(self, node, key):
        if node is None:
            return Tree._Node(key)
        if key < node.key:
            node.left = self._insert(node.left, key)
        elif key > node.key:
            node.right = self._insert(node.right, key)
        return node

    def __contains__(self, key):
        node = self.root
        while node is not None:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False

    def inorder(self):
        out = []
        self._walk(self.root, out)
        return out

    def _walk(self, node, out):
        if node:
            self._walk(node.left, out)
            out.append(node.key)
            self._walk(node.right, out)

    def height(self, node="start"):
        if node == "start":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

t = Tree()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
t.insert(40)

print("-- traversal")
print(t.inorder())
print("-- membership")
print([k in t for k in [35, 36, 80, 10]])
print("-- height")
print(t.height())
print(type(t.root).__qualname__)

print("-- string keys")
s = Tree()
for w in "the quick brown fox jumps over the lazy dog".split():
    s.insert(w)
print(s.inorder(), s.height())
