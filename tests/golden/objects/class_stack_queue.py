# Tests Stack and Queue classes wrapping lists, including an RPN calculator that uses the stack.
class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()

    def peek(self):
        return self._items[-1]

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Stack({self._items})"

class Queue:
    def __init__(self):
        self._in = []
        self._out = []

    def put(self, x):
        self._in.append(x)

    def get(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        return self._out.pop()

    def __len__(self):
        return len(self._in) + len(self._out)

def rpn(expr):
    s = Stack()
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
           "*": lambda a, b: a * b, "/": lambda a, b: a // b}
    for tok in expr.split():
        if tok in ops:
            b = s.pop()
            a = s.pop()
            s.push(ops[tok](a, b))
        else:
            s.push(int(tok))
    return s.pop()

print("-- stack")
s = Stack()
for i in range(4):
    s.push(i * 10)
print(s, len(s), s.peek())
print(s.pop(), s.pop(), s)

print("-- queue is FIFO")
q = Queue()
for ch in "abc":
    q.put(ch)
print(q.get(), len(q))
q.put("d")
print(q.get(), q.get(), q.get(), len(q))

print("-- rpn")
print(rpn("3 4 + 2 *"))
print(rpn("5 1 2 + 4 * + 3 -"))
try:
    rpn("1 +")
except IndexError as e:
    print("IndexError:", e)
