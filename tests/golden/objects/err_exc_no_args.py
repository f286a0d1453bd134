# Tests an uncaught user exception raised as a bare class (no args): the last line is just the class name.
class Abort(Exception):
    pass

def work(n):
    if n == 3:
        raise Abort
    return n * 2

for i in range(5):
    print(work(i))
