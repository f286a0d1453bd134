# Tests the traceback for `raise CustomError(...) from e`: both tracebacks and the "direct cause" line.
class LoadError(Exception):
    pass

class Loader:
    def parse(self, text):
        return int(text)

    def load(self, text):
        try:
            return self.parse(text)
        except ValueError as e:
            raise LoadError(f"cannot load {text!r}") from e

loader = Loader()
print(loader.load("12"))
print(loader.load("twelve"))
