# Tests sys.exit raised inside a generator: the generator's finally runs and the consumer's with exits.
import sys

class Scope:
    def __enter__(self):
        print("scope enter")
    def __exit__(self, et, ev, tb):
        print("scope exit:", et.__name__ if et else None)

def items():
    try:
        for i in range(10):
            if i == 3:
                print("generator requesting exit")
                sys.exit(4)
            yield i
    finally:
        print("generator finally")

with Scope():
    for x in items():
        print("got", x)
