# Tests raise SystemExit (the class, no args): status 0.
print("raise SystemExit class")
raise SystemExit
