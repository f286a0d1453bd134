# Tests raising/catching OSError, TimeoutError, MemoryError and KeyboardInterrupt manually.
try:
    raise TimeoutError("operation took too long")
except OSError as e:
    print("OSError clause got", type(e).__name__, "-", e)
try:
    raise OSError("disk full")
except TimeoutError:
    print("wrong: OSError is not a TimeoutError")
except OSError as e:
    print("plain OSError:", repr(e))
try:
    raise MemoryError
except Exception as e:
    print("MemoryError is an Exception:", repr(e), e.args)
try:
    try:
        raise KeyboardInterrupt("ctrl-c")
    except Exception:
        print("wrong: KeyboardInterrupt is not an Exception")
except BaseException as e:
    print("KeyboardInterrupt caught by BaseException:", repr(e))
for cls in (TimeoutError, MemoryError, KeyboardInterrupt, SystemExit, RecursionError):
    print(cls.__name__, isinstance(cls(), Exception), isinstance(cls(), BaseException))
