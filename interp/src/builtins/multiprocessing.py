"""Process-based parallelism: CPython's multiprocessing.Process over the
host's fork.

This file is compiled by the VM when a guest imports `multiprocessing`
(only when the host granted child processes). It is shown to the guest
under the path of CPython 3.11.7's multiprocessing/process.py, and the
`#@line N` markers pad it so that the lines a child's traceback shows
(`self.run()` in `_bootstrap`, `self._target(...)` in `run`) have
CPython's numbers. `_mp` is the VM's native module (injected, not
imported): `fork`, `poll`, `signal`, `sleep`, `_report` and
`_write_stderr`.
"""

_counter = 0
# Started processes not yet known to have ended (CPython's `_children`).
_children = []


def _cleanup():
    for p in list(_children):
        if p._popen_poll() is not None:
            _children.remove(p)


def active_children():
    _cleanup()
    return list(_children)


class Process:
    """Process objects represent activity that is run in a separate
    process."""

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs={}, *, daemon=None):
        assert group is None, 'group argument may be None for now'
        global _counter
        _counter += 1
        self._identity = (_counter,)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + str(_counter)
        self._daemonic = bool(daemon)
        self._pid = None
        self._exitcode = None

#@line 103
    def run(self):
        '''
        Method to be run in sub-process; can be overridden in sub-class
        '''
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        '''
        Start child process
        '''
        assert self._pid is None, 'cannot start a process twice'
        _cleanup()
        self._pid = _mp.fork(self._bootstrap)
        _children.append(self)

    def _popen_poll(self):
        if self._exitcode is None and self._pid is not None:
            self._exitcode = _mp.poll(self._pid)
        return self._exitcode

    def terminate(self):
        '''
        Terminate process; sends SIGTERM signal
        '''
        if self._pid is not None and self._popen_poll() is None:
            _mp.signal(self._pid, 15)

    def kill(self):
        '''
        Terminate process; sends SIGKILL signal
        '''
        if self._pid is not None and self._popen_poll() is None:
            _mp.signal(self._pid, 9)

    def join(self, timeout=None):
        '''
        Wait until child process terminates
        '''
        assert self._pid is not None, 'can only join a started process'
        # Polled with growing sleeps: each sleep lets other guest threads
        # run and wakes at once on a kill.
        delay = 0.0001
        waited = 0.0
        while self._popen_poll() is None:
            if timeout is not None:
                left = timeout - waited
                if left <= 0:
                    return
                delay = min(delay, left)
            _mp.sleep(delay)
            waited += delay
            delay = min(delay * 2, 0.005)
        if self in _children:
            _children.remove(self)

    def is_alive(self):
        '''
        Return whether process is alive
        '''
        if self._pid is None:
            return False
        if self._popen_poll() is None:
            return True
        if self in _children:
            _children.remove(self)
        return False

    def close(self):
        if self._pid is not None and self._popen_poll() is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        '''
        Return whether process is a daemon
        '''
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        '''
        Set whether process is a daemon
        '''
        assert self._pid is None, 'process has already started'
        self._daemonic = daemonic

    @property
    def exitcode(self):
        '''
        Return exit code of process or `None` if it has yet to stop
        '''
        if self._pid is None:
            return None
        return self._popen_poll()

    @property
    def ident(self):
        '''
        Return identifier (PID) of process or `None` if it has yet to start
        '''
        return self._pid

    pid = ident

    def __repr__(self):
        exitcode = None
        if self._pid is None:
            status = 'initial'
        else:
            exitcode = self._popen_poll()
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None:
            info.append('pid=%s' % self._pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % exitcode)
        if self._daemonic:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

#@line 290
    def _bootstrap(self, parent_sentinel=None):
        # Runs in the child; its result is the child's exit status.
        global _children, _current
        _children = []
        _current = self
        try:
            try:
#@line 314
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _mp._write_stderr(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            _mp._report(self.name)
        return exitcode


def _exit_function():
    # At the end of a run (and of a child): daemonic children are
    # terminated, every child is waited for, as CPython's atexit handler.
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()


class _MainProcess:
    name = 'MainProcess'
    daemon = False
    ident = None
    pid = None


_current = _MainProcess()


def current_process():
    return _current
