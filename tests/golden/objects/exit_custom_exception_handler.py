# Tests catching a custom exception from a method and converting it to sys.exit with a status code attribute.
import sys

class CLIError(Exception):
    def __init__(self, msg, status):
        super().__init__(msg)
        self.status = status

class Command:
    def parse(self, argv):
        if len(argv) < 2:
            raise CLIError("usage: prog FILE", 2)
        return argv[1]

def main():
    cmd = Command()
    try:
        name = cmd.parse(sys.argv)
        print("file:", name)
    except CLIError as e:
        print("error:", e, "->", e.status)
        return e.status
    return 0

print("argv:", sys.argv)
sys.exit(main())
