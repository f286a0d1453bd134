# An endless loop that only a kill can stop. The kill lands as SystemExit at
# the next instruction, so the `finally` block still prints its cleanup line.
#   vm run scripts/spin.py --kill-after 1s        (exit status 124)
count = 0
try:
    while True:
        count += 1
finally:
    print("cleanup: the spin loop was stopped after", count, "iterations")
