# Tests a KeyError raised from inside __getitem__, with the traceback showing the subscript and the method.
class Env:
    def __init__(self, **vars):
        self.vars = vars

    def __getitem__(self, name):
        return self.vars[name.upper()]

env = Env(HOME="/home/ann", SHELL="/bin/sh")
print(env["home"], env["shell"])
print(env["path"])
