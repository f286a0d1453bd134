# Tests that each builtin exception is caught by itself, its parents, Exception and BaseException.
def check(exc, parents):
    for parent in parents:
        try:
            raise exc
        except parent:
            print(type(exc).__name__, "caught by", parent.__name__)
check(ZeroDivisionError("z"), [ZeroDivisionError, ArithmeticError, Exception, BaseException])
check(OverflowError("o"), [OverflowError, ArithmeticError, Exception])
check(IndexError("i"), [IndexError, LookupError, Exception])
check(KeyError("k"), [KeyError, LookupError, Exception])
check(UnboundLocalError("u"), [UnboundLocalError, NameError, Exception])
check(RecursionError("r"), [RecursionError, RuntimeError, Exception])
check(TimeoutError("t"), [TimeoutError, OSError, Exception])
check(TypeError("t"), [TypeError, Exception])
check(ValueError("v"), [ValueError, Exception])
check(AttributeError("a"), [AttributeError, Exception])
check(AssertionError("a"), [AssertionError, Exception])
check(StopIteration("s"), [StopIteration, Exception])
check(MemoryError("m"), [MemoryError, Exception])
check(SystemExit(1), [SystemExit, BaseException])
check(KeyboardInterrupt(), [KeyboardInterrupt, BaseException])
def not_caught_by(exc, wrong):
    try:
        try:
            raise exc
        except wrong:
            print("WRONG: caught", type(exc).__name__, "by", wrong.__name__)
    except BaseException as outer:
        print(type(outer).__name__, "not caught by", wrong.__name__)
not_caught_by(SystemExit(0), Exception)
not_caught_by(KeyboardInterrupt(), Exception)
not_caught_by(KeyError("x"), IndexError)
not_caught_by(ValueError(), TypeError)
not_caught_by(ZeroDivisionError(), LookupError)
