# Tests generators stored on instances, resumed by methods across calls, with send() used by a class API.
class IdAllocator:
    def __init__(self, prefix):
        self._gen = self._ids(prefix)
        next(self._gen)

    def _ids(self, prefix):
        n = 0
        reset_to = None
        while True:
            reset_to = yield f"{prefix}-{n}"
            if reset_to is not None:
                n = reset_to
            else:
                n += 1

    def next_id(self):
        return next(self._gen)

    def reset(self, value):
        return self._gen.send(value)

alloc = IdAllocator("user")
print([alloc.next_id() for _ in range(3)])
print(alloc.reset(100))
print(alloc.next_id(), alloc.next_id())

other = IdAllocator("order")
print(other.next_id(), alloc.next_id())
