# Tests nonlocal across several levels, and nonlocal vs local shadowing.
def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    res = middle()
    return res, x
print(outer())
def accumulate(values):
    total = 0
    history = []
    def add(v):
        nonlocal total
        total += v
        history.append(total)
    for v in values:
        add(v)
    return total, history
print(accumulate([1, 2, 3, 4]))
def toggler():
    state = False
    def flip():
        nonlocal state
        state = not state
        return state
    return flip
t = toggler()
print(t(), t(), t())
def shadow():
    y = "outer"
    def inner():
        y = "inner local"
        return y
    inner()
    return y
print(shadow())
