# Tests sys.exit with an integer status called from inside a method, with finally blocks running first.
import sys

class App:
    def __init__(self, args):
        self.args = args

    def run(self):
        try:
            for a in self.args:
                print("processing", a)
                if a == "quit":
                    self.shutdown(3)
        finally:
            print("run finally")

    def shutdown(self, code):
        print("shutting down with", code)
        sys.exit(code)

App(["one", "two", "quit", "three"]).run()
print("unreachable")
