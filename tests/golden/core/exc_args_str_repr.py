# Tests exception .args, str() and repr() for zero, one and several arguments.
samples = [
    ValueError(),
    ValueError("one"),
    ValueError("two", 2),
    ValueError(42),
    KeyError("k"),
    KeyError(1),
    KeyError(),
    KeyError("a", "b"),
    IndexError("list index out of range"),
    TypeError(None),
    RuntimeError(""),
    Exception([1, 2]),
    ZeroDivisionError("division by zero"),
    SystemExit(3),
    StopIteration(7),
    AssertionError("msg"),
    OSError("plain"),
    TimeoutError("slow"),
    MemoryError(),
    BaseException("base"),
]
for e in samples:
    print(type(e).__name__, "| args:", e.args, "| str:", str(e), "| repr:", repr(e))
e = ValueError("with 'quotes'")
print(e, repr(e), [e], (e,))
print(f"{e}", f"{e!r}")
