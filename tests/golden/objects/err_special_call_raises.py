# Tests a traceback from __call__ on a callable instance used as a map() function.
class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x):
        return x * self.factor

half = Scaler(0.5)
print(list(map(half, [2, 4])))
bad = Scaler(None)
print(list(map(bad, [1, 2])))
