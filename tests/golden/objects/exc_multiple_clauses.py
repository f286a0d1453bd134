# Tests try/except/else/finally with user exceptions in loops, re-raise with bare raise, and handler order.
class Retry(Exception):
    pass

class Fatal(Exception):
    pass

def attempt(n):
    if n % 3 == 0:
        raise Retry(f"attempt {n}")
    if n == 7:
        raise Fatal("seven")
    return n * 10

print("-- else and finally")
for n in [1, 3, 4]:
    try:
        r = attempt(n)
    except Retry as e:
        print("retry:", e)
    else:
        print("ok:", r)
    finally:
        print("finally", n)

print("-- bare raise re-raises the same object")
def wrapper(n):
    try:
        return attempt(n)
    except Retry as e:
        print("  logging", e)
        e.logged = True
        raise

try:
    wrapper(6)
except Retry as e:
    print("outer got", e, e.logged)

print("-- loop with continue and break from handlers")
results = []
for n in range(1, 10):
    try:
        results.append(attempt(n))
    except Retry:
        continue
    except Fatal as e:
        print("fatal:", e)
        break
print(results)

print("-- handler raising a different user exception")
try:
    try:
        attempt(3)
    except Retry as e:
        raise Fatal("gave up after " + str(e))
except Fatal as e:
    print(e, "| context:", repr(e.__context__))
