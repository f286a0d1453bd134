# The classic pitfall of killing a thread with an exception: a bare `except:`
# swallows the SystemExit, so the soft kill does not stop this loop. After the
# grace period the hard kill does (no guest code runs after it).
#   vm run scripts/swallow.py --kill-after 500ms --grace 500ms   (status 137)
#   vm run scripts/swallow.py --kill-after 500ms --no-catch      (status 124)
swallowed = 0
while True:
    try:
        while True:
            pass
    except:
        swallowed += 1
        print("swallowed a SystemExit, carrying on (", swallowed, ")", flush=True)
        if swallowed > 1:
            print("  (with --no-catch this line never appears)")
