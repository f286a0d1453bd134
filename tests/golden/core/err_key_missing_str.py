# Tests uncaught KeyError with a string key (quoted in the message).
config = {"host": "localhost", "port": 8080}
print("host:", config["host"])
print("port:", config["port"])
print("user:", config["missing"])
