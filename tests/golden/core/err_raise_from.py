# Tests chained traceback with explicit cause: raise X from Y.
def load(config, key):
    try:
        return config[key]
    except KeyError as e:
        raise RuntimeError(f"missing setting {key!r}") from e

cfg = {"a": 1}
print(load(cfg, "a"))
load(cfg, "b")
