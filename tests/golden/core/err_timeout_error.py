# Tests an uncaught TimeoutError with a message, raised after some output.
attempts = 0
while attempts < 3:
    attempts += 1
    print("attempt", attempts)
raise TimeoutError(f"gave up after {attempts} attempts")
