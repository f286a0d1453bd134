//! Child processes for `multiprocessing.Process`: a capability the host
//! grants, never something the VM can do on its own.
//!
//! The VM crate reaches no operating-system process API (the sandbox test
//! checks its sources). A host that lets guests start processes installs a
//! [`ProcessHost`] with [`Vm::set_process_host`]; only then does `import
//! multiprocessing` find the module. The `killer` crate's implementation
//! forks the whole process, as CPython's default start method on Linux
//! does: the child continues with a copy of the VM, runs the `Process`'s
//! target in it and exits with its exit code, and the parent gets the
//! child's pid.
//!
//! What the VM does around a fork (see `builtins/multiprocessing.rs`):
//! guest output is flushed before it, so nothing buffered is written twice;
//! in the child, the other guest threads are forgotten (only the forking
//! thread exists after `fork`, as in CPython) and output is flushed at
//! every write, so a child stopped by `SIGTERM` loses none of what it
//! printed.

use crate::vm::Vm;

/// What [`ProcessHost::fork`] returns on each side of the fork.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forked {
    /// In the parent: the child's process id.
    Parent(i64),
    /// In the child.
    Child,
}

/// A signal the guest may send to a child it started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildSignal {
    /// `Process.terminate()`: `SIGTERM`.
    Terminate,
    /// `Process.kill()`: `SIGKILL`.
    Kill,
}

/// Starts and watches child processes for the guest. Implemented by the
/// host (`killer::ForkProcesses`); every method is called on the thread
/// running the VM.
pub trait ProcessHost: Send {
    /// Forks the process. Guest output has been flushed.
    ///
    /// # Errors
    ///
    /// The operating system's reason (the guest gets an `OSError`).
    fn fork(&mut self) -> Result<Forked, String>;

    /// The exit code of child `pid` once it has ended (negative: killed by
    /// that signal, as CPython's `Process.exitcode`), reaping it; `None`
    /// while it runs. Asking again after the end returns the same code.
    fn poll(&mut self, pid: i64) -> Option<i64>;

    /// Sends `signal` to child `pid` if it has not been reaped (a reaped
    /// pid may already belong to another process).
    fn signal(&mut self, pid: i64, signal: ChildSignal);

    /// Ends the child process with `status`, at once (no destructors, no
    /// exit handlers of the parent's copy), after the VM flushed its output.
    fn exit_child(&mut self, status: i32) -> !;
}

impl Vm {
    /// Grants (or, with `None`, withdraws) the right to start child
    /// processes: `multiprocessing` is importable only while a host is
    /// installed (and `Config::allowed_modules` allows it).
    pub fn set_process_host(&mut self, host: Option<Box<dyn ProcessHost>>) {
        self.process_host = host;
    }

    /// Whether child processes are granted.
    pub fn has_process_host(&self) -> bool {
        self.process_host.is_some()
    }
}
