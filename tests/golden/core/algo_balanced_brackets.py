# Tests a stack-based bracket matcher reporting the position of the first problem.
PAIRS = {")": "(", "]": "[", "}": "{"}
def check(s):
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack:
                return f"unmatched {ch!r} at {i}"
            top, pos = stack.pop()
            if top != PAIRS[ch]:
                return f"mismatch {top!r}@{pos} vs {ch!r}@{i}"
    if stack:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    return "ok"
for s in ["()", "([]{})", "(]", "((", "", "a(b[c]d)e", "}", "{[()()]}[", "(()))"]:
    print(repr(s), check(s))
