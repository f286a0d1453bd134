# Tests the uncaught TypeError when __bool__ returns a non-bool value.
class Flag:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v

print(bool(Flag(True)), bool(Flag(False)))
if Flag(1):
    print("unreachable")
