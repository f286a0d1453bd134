# Tests break and continue inside try/finally within loops (finally always runs).
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after for")
n = 0
while True:
    n += 1
    try:
        try:
            if n == 2:
                raise ValueError(n)
            if n == 4:
                break
        except ValueError as e:
            print("caught", e)
            continue
        print("iteration", n)
    finally:
        print("outer finally", n)
print("after while", n)
def ret_in_loop():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("cleanup", i)
print("returned", ret_in_loop())
