# Tests raise SystemExit with two args: code is the tuple, printed to stderr, status 1.
print("raising SystemExit('failed', 2)")
raise SystemExit("failed", 2)
