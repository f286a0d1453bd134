# Tests sys.exit("...") with a formatted message after partial output in a loop.
import sys
total = 0
for n in [5, 10, -3, 8]:
    if n < 0:
        sys.exit(f"error: negative value {n} after total {total}")
    total += n
    print("total", total)
