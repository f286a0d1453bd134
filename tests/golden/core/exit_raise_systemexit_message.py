# Tests raise SystemExit("message"): message to stderr, status 1.
def fatal(msg):
    raise SystemExit("fatal: " + msg)
print("checking config")
fatal("config missing")
