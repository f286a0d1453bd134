"""Thread module: CPython's threading API over the VM's green threads.

This file is compiled by the VM when a guest imports `threading`. It is
shown to the guest under the path of CPython 3.11.7's threading.py, and
the `#@line N` markers pad it so that the lines a thread's traceback shows
(`self._target(...)` in `run`, `self.run()` in `_bootstrap_inner`) have
CPython's numbers: uncaught exceptions in threads print exactly what
CPython prints. `_thread` is the VM's native module (injected, not
imported, so a host's module allow-list does not hide it).
"""

get_ident = _thread.get_ident
Lock = _thread.allocate_lock
Event = _thread.Event
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX

_active = {}
_thread._set_active(_active)
_counter = 0


def _newname(name_template):
    global _counter
    _counter += 1
    return name_template % _counter


class Thread:
    """A class that represents a thread of control."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._started = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started:
            status = "started"
            if not self.is_alive():
                status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._ident = _thread.start_joinable_thread(self._bootstrap_inner, self._daemonic)
        _active[self._ident] = self
        self._started = True

#@line 971
    def run(self):
        """Method representing the thread's activity.

        You may override this method in a subclass. The standard run() method
        invokes the callable object passed to the object's constructor as the
        target argument, if any, with sequential and keyword arguments taken
        from the args and kwargs arguments, respectively.

        """
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Avoid a refcycle if the thread is running a function with
            # an argument that has a member that points to the thread.
            del self._target, self._args, self._kwargs

#@line 1028
    def _bootstrap_inner(self):
        # The thread leaves `_active` when it ends, whatever ends it (the
        # VM removes it).
#@line 1044
        try:
            self.run()
        except:
            _thread._report(self)

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is not None:
            # A negative timeout acts as 0, as in CPython.
            timeout = max(timeout, 0)
        _thread.join(self._ident, timeout)

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._started and _thread.is_alive(self._ident)

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = get_ident()
        _active[self._ident] = self

    def is_alive(self):
        return True


def current_thread():
    return _active.get(get_ident())


def main_thread():
    return _main_thread


def active_count():
    return len(_active)


def enumerate():
    return list(_active.values())


_main_thread = _MainThread()
currentThread = current_thread
activeCount = active_count
