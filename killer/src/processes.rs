//! Child processes: the host side of `multiprocessing` ([`ForkProcesses`],
//! the `interp::ProcessHost` the `vm` command and
//! [`EngineBuilder::allow_processes`](crate::EngineBuilder::allow_processes)
//! install), and the children's fate when a run ends ([`Children`]).
//!
//! A child is a `fork` of the whole process, like CPython's default start
//! method on Linux: it continues with a copy of the VM, runs the guest's
//! target and leaves with `_exit`. Only the forking thread exists in the
//! child, so the child must not wait on anything another thread of the
//! parent owns: it gets its own empty child list, default `SIGTERM` and
//! `SIGINT` dispositions (the `vm` command's signal handler lived on a
//! thread that is gone, and `Process.terminate()` must end the child as
//! it does in CPython), and no deadline (the parent's watchdog thread is
//! gone too; the parent's kill reaches the child as a signal instead).
//!
//! When a run ends, children it started that are still alive are stopped
//! ([`Children::stop_all`]): after a normal end the guest's own exit
//! handler has already terminated daemonic children and waited for the
//! others (CPython's `atexit` behaviour), so only a kill leaves any. A
//! soft kill sends them `SIGTERM`, a hard kill `SIGKILL`; either way they
//! are reaped, so no zombie outlives the run. A child also receives
//! `SIGKILL` if the thread that forked it dies without that cleanup (the
//! parent process was killed from outside): `PR_SET_PDEATHSIG`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use interp::{ChildSignal, Forked, ProcessHost};
use nix::sys::signal::{self, SigHandler, SigSet, SigmaskHow, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{self, ForkResult, Pid};

/// How long a child stopped with `SIGTERM` at the end of a run has to
/// exit before it gets `SIGKILL`.
const TERM_GRACE: Duration = Duration::from_secs(1);

/// One child: its pid and, once reaped, its exit code.
#[derive(Debug, Clone, Copy)]
struct Child {
    pid: Pid,
    code: Option<i64>,
}

/// The children a VM started, shared by its [`ForkProcesses`] (which adds
/// and reaps them) and the host (which stops the rest when a run ends).
#[derive(Debug, Clone, Default)]
pub struct Children(Arc<Mutex<Vec<Child>>>);

impl Children {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Child>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Pids of the children not yet reaped.
    pub fn alive(&self) -> Vec<i64> {
        self.lock()
            .iter()
            .filter(|c| c.code.is_none())
            .map(|c| c.pid.as_raw() as i64)
            .collect()
    }

    /// Stops every child still alive (`SIGKILL` when `hard`, else
    /// `SIGTERM` and, after a second, `SIGKILL`), reaps every child, and
    /// forgets them all.
    pub fn stop_all(&self, hard: bool) {
        let mut list = self.lock();
        let first = if hard {
            Signal::SIGKILL
        } else {
            Signal::SIGTERM
        };
        for c in list.iter_mut() {
            if c.code.is_none() && reap(c, false).is_none() {
                let _ = signal::kill(c.pid, first);
            }
        }
        let until = Instant::now() + TERM_GRACE;
        for c in list.iter_mut() {
            while c.code.is_none() && reap(c, false).is_none() {
                if Instant::now() >= until {
                    let _ = signal::kill(c.pid, Signal::SIGKILL);
                    reap(c, true);
                    break;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        list.clear();
    }
}

/// `waitpid` on `c` (blocking when `block`): records and returns its exit
/// code once it has ended. A child that cannot be waited for (`ECHILD`:
/// something else reaped it) counts as ended with 0, so that no caller
/// waits for it forever.
fn reap(c: &mut Child, block: bool) -> Option<i64> {
    if c.code.is_some() {
        return c.code;
    }
    let flags = if block {
        None
    } else {
        Some(WaitPidFlag::WNOHANG)
    };
    c.code = match waitpid(c.pid, flags) {
        Ok(WaitStatus::Exited(_, code)) => Some(code as i64),
        Ok(WaitStatus::Signaled(_, sig, _)) => Some(-(sig as i32 as i64)),
        Ok(_) => None,
        Err(nix::errno::Errno::EINTR) => None,
        Err(_) => Some(0),
    };
    c.code
}

/// The `interp::ProcessHost` that forks: install it with
/// `Vm::set_process_host` (the `vm` command and
/// [`EngineBuilder::allow_processes`](crate::EngineBuilder::allow_processes)
/// do), and keep its [`children`](Self::children) to stop them when the
/// run ends.
#[derive(Debug, Default)]
pub struct ForkProcesses {
    children: Children,
}

impl ForkProcesses {
    /// A host with no children yet.
    pub fn new() -> ForkProcesses {
        ForkProcesses::default()
    }

    /// The shared list of children, for [`Children::stop_all`].
    pub fn children(&self) -> Children {
        self.children.clone()
    }
}

impl ProcessHost for ForkProcesses {
    fn fork(&mut self) -> Result<Forked, String> {
        use std::io::Write;
        // The VM flushed its writers; these are the process's own buffers.
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // A `terminate()` right after `start()` may reach the child before
        // it restores the default `SIGTERM` disposition, when the parent's
        // handler (whose thread is gone) would swallow it: the signals stay
        // blocked across the fork and are unblocked once the default is in.
        let mut blocked = SigSet::empty();
        blocked.add(Signal::SIGTERM);
        blocked.add(Signal::SIGINT);
        let mut old = SigSet::empty();
        let _ = signal::pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&blocked), Some(&mut old));
        // SAFETY: the child only continues the VM thread's work: it takes
        // no lock another thread of the parent could have held at the fork
        // (the VM's own state is single-threaded, the child list is
        // replaced below, and glibc's allocator is fork-safe), and it ends
        // with `_exit`, never running the parent's exit code.
        let forked = unsafe { unistd::fork() };
        if !matches!(forked, Ok(ForkResult::Child)) {
            let _ = signal::pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&old), None);
        }
        match forked {
            Ok(ForkResult::Parent { child }) => {
                self.children.lock().push(Child {
                    pid: child,
                    code: None,
                });
                Ok(Forked::Parent(child.as_raw() as i64))
            }
            Ok(ForkResult::Child) => {
                self.children = Children::default();
                // SAFETY: restoring default dispositions installs no
                // handler; nothing in the child relies on the old ones.
                unsafe {
                    let _ = signal::signal(Signal::SIGTERM, SigHandler::SigDfl);
                    let _ = signal::signal(Signal::SIGINT, SigHandler::SigDfl);
                }
                let _ = signal::pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&old), None);
                let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGKILL);
                Ok(Forked::Child)
            }
            Err(e) => Err(e.desc().to_string()),
        }
    }

    fn poll(&mut self, pid: i64) -> Option<i64> {
        let mut list = self.children.lock();
        let c = list.iter_mut().find(|c| c.pid.as_raw() as i64 == pid)?;
        reap(c, false)
    }

    fn signal(&mut self, pid: i64, sig: ChildSignal) {
        let list = self.children.lock();
        // Only a child not yet reaped: a reaped pid may be reused.
        if let Some(c) = list
            .iter()
            .find(|c| c.pid.as_raw() as i64 == pid && c.code.is_none())
        {
            let s = match sig {
                ChildSignal::Terminate => Signal::SIGTERM,
                ChildSignal::Kill => Signal::SIGKILL,
            };
            let _ = signal::kill(c.pid, s);
        }
    }

    fn exit_child(&mut self, status: i32) -> ! {
        use std::io::Write;
        // The guest's exit handler waited for its own children; any left
        // (it was interrupted) must not outlive it.
        self.children.stop_all(false);
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // SAFETY: `_exit` ends the process without running anything.
        unsafe { nix::libc::_exit(status) }
    }
}
