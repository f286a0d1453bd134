# Tests execution order of try/except/else/finally with and without exceptions.
def run(fail):
    print("start", fail)
    try:
        print("  try body")
        if fail:
            raise ValueError("boom")
        print("  try body end")
    except ValueError as e:
        print("  except:", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("end", fail)
run(False)
run(True)
def no_except():
    try:
        print("  try")
    finally:
        print("  finally only")
    print("  after")
no_except()
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally runs before outer except")
except KeyError as e:
    print("outer caught", e)
