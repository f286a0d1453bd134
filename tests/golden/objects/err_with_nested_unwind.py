# Tests nested with blocks unwinding in reverse order before a custom exception's traceback is printed.
class Stage:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, "saw", et.__name__ if et else None)

class PipelineError(Exception):
    pass

def run():
    with Stage("outer"), Stage("middle"):
        with Stage("inner"):
            raise PipelineError("stage inner failed")

run()
