# Requests for absurd amounts of memory are MemoryError (or CPython's
# ValueError/OverflowError for sizes it keeps in a C int), never a crash.
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", len(r))
    except (MemoryError, ValueError, OverflowError) as e:
        print(label, type(e).__name__, e)

attempt("list repeat", lambda: [0] * 10**13)
attempt("list pair repeat", lambda: [0, 1] * 10**13)
attempt("tuple repeat", lambda: (1,) * 10**13)
attempt("str repeat", lambda: "ab" * 10**13)
attempt("ljust", lambda: "a".ljust(10**13))
attempt("center", lambda: "a".center(10**13))
attempt("zfill", lambda: "a".zfill(10**13))
attempt("f-string width", lambda: f"{1:>100000000000000}")
attempt("format width", lambda: "{:>100000000000000}".format(1))
attempt("format() width", lambda: format(1.5, "100000000000000"))
attempt("percent width", lambda: "%100000000000000d" % 1)
attempt("percent star width", lambda: "%*d" % (10**14, 1))
attempt("percent str width", lambda: "%-100000000000000s" % "a")
attempt("percent precision", lambda: "%.100000000000f" % 1.5)
attempt("percent star precision", lambda: "%.*f" % (10**11, 1.0))
attempt("percent width digits", lambda: "%99999999999999999999d" % 1)
attempt("percent precision digits", lambda: "%.99999999999999999999f" % 1.0)
attempt("percent int precision", lambda: "%.3000000000d" % 1)
attempt("percent str precision", lambda: "%.3000000000s" % "ab")
attempt("f-string precision", lambda: f"{1.5:.100000000000f}")
attempt("expandtabs", lambda: "a\tb".expandtabs(10**11))
attempt("list(range)", lambda: list(range(10**14)))
attempt("sorted(range)", lambda: sorted(range(10**14)))
attempt("star range", lambda: [*range(10**14)])
attempt("tuple(range)", lambda: tuple(range(10**14)))

l = [1]
try:
    l *= 10**14
except MemoryError as e:
    print("list imul MemoryError", len(l))

# Large but possible: precisions past what Rust's formatter takes.
print(len(f"{1.5:.70000f}"), f"{0.1:.70000f}"[:40], f"{0.1:.70000f}"[-3:])
print(len("%.70000e" % 2.5), ("%.70000e" % 2.5)[-6:])
print(len(f"{0.5:#.70000g}"), f"{0.5:.70000g}")
print(len(f"{0.5:.70000%}"), f"{5e-324:.1100f}"[-5:], len(f"{5e-324:.2000f}"))
print(len(f"{7:>70000}"), len("%70000.3f" % 1.0), len("a\tb".expandtabs(70000)))
print("done")
# Empty sequences repeated a huge number of times are empty at once.
print([] * 10**18, "" * 10**18 == "", () * 9223372036854775807, [] * -5)
l = []
l *= 10**18
print(l)
# A list is a "mapping" to %-formatting: an unused one is no error.
print('3' % [0, 1], 'x' % range(3))
