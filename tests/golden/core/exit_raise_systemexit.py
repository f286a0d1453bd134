# Tests raise SystemExit(5) directly: status 5, no traceback.
print("raising SystemExit")
raise SystemExit(5)
