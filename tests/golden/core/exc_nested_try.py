# Tests nested try blocks: inner handler, propagation to outer, exceptions in handlers.
def level(n):
    try:
        try:
            if n == 1:
                raise ValueError("v")
            if n == 2:
                raise KeyError("k")
            if n == 3:
                raise TypeError("t")
            return "no error"
        except ValueError as e:
            return "inner handled " + str(e)
        except KeyError:
            raise IndexError("converted in inner handler")
    except IndexError as e:
        return "outer handled " + str(e)
    except TypeError as e:
        return "outer handled type error " + str(e)
for n in range(4):
    print(n, level(n))
try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e:
            print("inner-inner caught", e)
        print("back in first handler")
except Exception:
    print("not reached")
print("done")
