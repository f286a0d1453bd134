# Tests the uncaught TypeError "'C' object is not callable" when calling an instance without __call__.
class Config:
    def __init__(self):
        self.debug = True

    def get(self, key):
        return getattr(self, key)

cfg = Config()
print(cfg.get("debug"))
value = cfg("debug")
