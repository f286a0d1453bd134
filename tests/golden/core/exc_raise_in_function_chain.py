# Tests exceptions propagating through several function frames, with finally in each.
def level3(x):
    try:
        if x < 0:
            raise ValueError(f"negative: {x}")
        return x * 2
    finally:
        print("  level3 finally")
def level2(x):
    try:
        return level3(x) + 1
    finally:
        print("  level2 finally")
def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        print("  level1 caught", e)
        return None
print(level1(5))
print(level1(-5))
