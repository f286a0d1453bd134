# Tests sys.exit invoked through a lambda stored in a dispatch dict: status 8.
import sys
commands = {
    "hello": lambda: print("hello!"),
    "quit": lambda: sys.exit(8),
}
for cmd in ["hello", "hello", "quit", "hello"]:
    print("command:", cmd)
    commands[cmd]()
