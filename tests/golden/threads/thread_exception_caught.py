# Tests try/except/finally inside worker threads, with results passed back.
import threading

outcomes = {}

class AppError(Exception):
    pass

def risky(key, value):
    try:
        if value < 0:
            raise AppError(f"negative {value}")
        if value == 0:
            raise ZeroDivisionError("zero")
        outcomes[key] = ("ok", 100 // value)
    except AppError as e:
        outcomes[key] = ("app", str(e))
    except ZeroDivisionError as e:
        outcomes[key] = ("zero", str(e))
    finally:
        outcomes[key + "_finally"] = True

threads = []
for key, value in [("a", 5), ("b", -2), ("c", 0)]:
    threads.append(threading.Thread(target=risky, args=(key, value)))
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in ["a", "b", "c"]:
    print(key, outcomes[key], outcomes[key + "_finally"])
