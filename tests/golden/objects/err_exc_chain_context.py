# Tests the traceback for an exception raised while handling another: "During handling..." between them.
class CleanupError(Exception):
    pass

class Job:
    def run(self):
        return [1, 2][5]

    def safe_run(self):
        try:
            return self.run()
        except IndexError:
            self.cleanup()

    def cleanup(self):
        raise CleanupError("cleanup failed too")

print("starting job")
Job().safe_run()
