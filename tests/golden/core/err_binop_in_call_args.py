# Tests caret placement for a failing binary operation nested inside call arguments.
def show(label, value):
    print(label, value)

num = 10
den = 0
show("ok", num / 2)
show("ratio", round(num / den, 2))
