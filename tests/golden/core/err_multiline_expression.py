# Tests traceback line/caret reporting when the failing operand is on a continuation line.
prices = {"apple": 1.5, "pear": 2.0}
print("computing total")
total = (
    prices["apple"]
    + prices["pear"]
    + prices["banana"]
    + 10
)
print(total)
