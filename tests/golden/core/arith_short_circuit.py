# Tests that and/or return operands (not bools) and short-circuit evaluation.
def t(label, value):
    print("  called", label)
    return value

print("-- values --")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "x")
print(None or 0, 0 or None, None and 1, "a" and "b" and "c", "a" and "" and "c")
print("-- short circuit --")
print(t("A", 0) and t("B", 1))
print(t("A", 1) and t("B", 0) and t("C", 1))
print(t("A", 1) or t("B", 1))
print(t("A", 0) or t("B", "") or t("C", "last"))
print("-- not --")
print(not 0, not 1, not [], not [0], not None)
x = None
print(x is None, x is not None, not x is None)
name = ""
print(name or "anonymous", len(name or "anonymous"))
