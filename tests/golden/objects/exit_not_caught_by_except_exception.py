# Tests that `except Exception` in a method does not catch SystemExit, while a user exception is caught.
import sys

class Worker:
    def step(self, n):
        if n == 2:
            raise ValueError("bad step")
        if n == 4:
            sys.exit(9)
        return n

    def run(self):
        for n in range(6):
            try:
                print("step", self.step(n))
            except Exception as e:
                print("recovered from", type(e).__name__, e)

Worker().run()
