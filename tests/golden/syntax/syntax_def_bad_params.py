# Malformed: broken parameter list in a def (def f(:).
def f(:
    return 1
print(f())
