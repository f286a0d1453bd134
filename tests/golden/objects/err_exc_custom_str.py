# Tests that an uncaught exception with a custom __str__ shows that text after the class name.
class ConfigError(Exception):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem

    def __str__(self):
        return f"config key {self.key!r} {self.problem}"

def load(cfg):
    for key in ["host", "port"]:
        if key not in cfg:
            raise ConfigError(key, "is missing")
        print(key, "=", cfg[key])

load({"host": "localhost", "port": 80})
load({"host": "example.org"})
