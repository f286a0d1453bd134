# Tests a linked list built from two classes with __repr__, __len__, __iter__ and mutating methods.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def __repr__(self):
        return f"Node({self.value!r})"

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in items:
            self.append(item)

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def prepend(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def remove(self, value):
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False

    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __iter__(self):
        cur = self.head
        while cur is not None:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"

print("-- build")
ll = LinkedList([1, 2, 3])
ll.prepend(0)
ll.append("four")
print(ll, len(ll))

print("-- remove")
print(ll.remove(2), ll.remove(99), ll.remove(0))
print(ll, len(ll))

print("-- reverse and iterate")
ll.reverse()
print(ll)
print(list(ll), [v for v in ll if isinstance(v, int)])
print(ll.head, ll.head.next)

print("-- empty list")
e = LinkedList()
print(e, len(e), list(e), bool(e))
