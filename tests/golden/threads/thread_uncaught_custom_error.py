# Tests an uncaught custom exception with chained cause inside a worker thread.
import threading

class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(f"bad config key {key!r}")
        self.key = key

def load(config, key):
    try:
        return config[key]
    except KeyError as e:
        raise ConfigError(key) from e

def worker(config):
    print("port:", load(config, "port"))
    print("host:", load(config, "host"))

t = threading.Thread(target=worker, args=({"port": 80},), name="loader")
t.start()
t.join()
print("loader alive:", t.is_alive())
