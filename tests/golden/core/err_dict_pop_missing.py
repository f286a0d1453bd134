# Tests uncaught KeyError from dict.pop without a default.
settings = {"debug": True}
print(settings.pop("debug"))
print(settings)
settings.pop("k")
