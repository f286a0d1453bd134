# Tests a three-level exception hierarchy: catching by the leaf, the middle, the root and Exception; clause order.
class AppError(Exception):
    pass

class DatabaseError(AppError):
    pass

class ConnectionLost(DatabaseError):
    pass

class QueryError(DatabaseError):
    pass

class ConfigError(AppError):
    pass

def fail(kind):
    if kind == "lost":
        raise ConnectionLost("socket closed")
    if kind == "query":
        raise QueryError("syntax error near FROM")
    if kind == "config":
        raise ConfigError("missing key")
    if kind == "app":
        raise AppError("generic")
    raise ValueError(kind)

print("-- first matching clause wins")
for kind in ["lost", "query", "config", "app", "other"]:
    try:
        fail(kind)
    except ConnectionLost as e:
        print(kind, "-> ConnectionLost handler:", e)
    except DatabaseError as e:
        print(kind, "-> DatabaseError handler:", type(e).__name__, e)
    except AppError as e:
        print(kind, "-> AppError handler:", type(e).__name__, e)
    except Exception as e:
        print(kind, "-> Exception handler:", type(e).__name__, e)

print("-- base clause first shadows the leaf clause")
try:
    fail("lost")
except AppError as e:
    print("AppError caught", type(e).__name__)
except ConnectionLost:
    print("never here")

print("-- tuple of classes")
for kind in ["query", "config"]:
    try:
        fail(kind)
    except (ConfigError, QueryError) as e:
        print("tuple caught", type(e).__name__)

print("-- hierarchy checks")
print(issubclass(ConnectionLost, AppError), issubclass(ConfigError, DatabaseError))
print(issubclass(QueryError, (ConfigError, ConnectionLost)), issubclass(AppError, Exception))
