//! `KillHandle`: how any thread stops a running VM. Every method returns at
//! once (it only raises bits in the VM's attention word); waiting for the
//! run to end is the caller's business ([`Running::join`]).
//!
//! A handle is either aimed at one run (the handles of [`Running`] are) or
//! at whatever run the VM is doing when it is used (the `vm` command's
//! Ctrl-C handler, [`Engine::kill_handle`]). A run ends by advancing the
//! attention epoch, atomically with respect to every request made here, so
//! a kill aimed at a run that has ended never reaches a later one.
//!
//! [`Running`]: crate::Running
//! [`Running::join`]: crate::Running::join
//! [`Engine::kill_handle`]: crate::Engine::kill_handle

use std::sync::Arc;
use std::time::Duration;

use interp::{Attention, KillReason, ThreadRequest};

use crate::watchdog;

/// A handle that kills a VM's run. `Clone + Send + Sync`; cheap to clone.
///
/// The first [`kill`](KillHandle::kill) of a run is soft (`SystemExit` at
/// the guest's next instruction; `finally` blocks run) and turns hard when
/// the grace period ends; a second kill of the same run (from any handle,
/// the deadline or the budget) is hard at once.
#[derive(Clone)]
pub struct KillHandle {
    attention: Arc<Attention>,
    grace: Option<Duration>,
    /// The run (attention epoch) this handle is aimed at; `None`: the run
    /// current when a method is called.
    run: Option<u64>,
}

impl std::fmt::Debug for KillHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KillHandle")
            .field("grace", &self.grace)
            .field("run", &self.run)
            .finish()
    }
}

impl KillHandle {
    /// A handle on `attention`, aimed at whatever run is current when it is
    /// used, whose soft kills turn hard after `grace` (`None`: only a
    /// second kill escalates; zero: every kill is hard).
    pub fn new(attention: Arc<Attention>, grace: Option<Duration>) -> KillHandle {
        KillHandle {
            attention,
            grace,
            run: None,
        }
    }

    /// A handle aimed at run `run` only (an epoch from
    /// [`Attention::epoch`] read after `Vm::begin_run`): once that run has
    /// ended, every method does nothing and returns `false`.
    pub fn for_run(attention: Arc<Attention>, run: u64, grace: Option<Duration>) -> KillHandle {
        KillHandle {
            attention,
            grace,
            run: Some(run),
        }
    }

    /// The attention word this handle raises.
    pub fn attention(&self) -> &Arc<Attention> {
        &self.attention
    }

    /// The run this handle is aimed at, if it is aimed at one.
    pub fn run(&self) -> Option<u64> {
        self.run
    }

    /// The grace period between a soft and a hard kill.
    pub fn grace(&self) -> Option<Duration> {
        self.grace
    }

    /// Whether the run this handle is aimed at is still the VM's current
    /// run (always true for a handle not aimed at one run). A run that has
    /// ended is never current again.
    pub fn is_current(&self) -> bool {
        self.run.map_or(true, |r| r == self.attention.epoch())
    }

    /// The run a request goes to: the handle's own, or the current one.
    fn target(&self) -> Option<u64> {
        Some(self.run.unwrap_or_else(|| self.attention.epoch()))
    }

    /// Soft kill: `SystemExit` at the guest's next instruction (its
    /// `finally` blocks run; a blocking `time.sleep` wakes at once). The
    /// hard kill follows when the grace period ends, or at a second kill.
    /// Does not wait for the run to end. Returns whether the request
    /// reached the run (`false`: it had already ended).
    pub fn kill(&self) -> bool {
        self.kill_for(KillReason::Host)
    }

    /// [`kill`](KillHandle::kill) with an explicit reason (reported in the
    /// outcome; the first reason of a run wins).
    pub fn kill_for(&self, reason: KillReason) -> bool {
        watchdog::kill_now(&self.attention, self.target(), reason, self.grace)
    }

    /// Hard kill: no more guest code runs, not even `finally`; the VM drops
    /// every frame and reports where the kill landed. Returns whether the
    /// request reached the run.
    pub fn kill_hard(&self) -> bool {
        self.kill_hard_for(KillReason::Host)
    }

    /// [`kill_hard`](KillHandle::kill_hard) with an explicit reason.
    pub fn kill_hard_for(&self, reason: KillReason) -> bool {
        self.attention
            .deliver_kill(self.target(), reason, true)
            .is_some()
    }

    /// Raises an exception of the builtin class `kind` (e.g.
    /// `"TimeoutError"`; an unknown name raises `RuntimeError`) with
    /// `message` in the guest at its next instruction, like CPython's
    /// `PyThreadState_SetAsyncExc`: a matching `except` catches it. Returns
    /// whether the request reached the run.
    pub fn raise_exception(&self, kind: &str, message: &str) -> bool {
        self.attention.inject_into(self.target(), kind, message)
    }

    /// `KeyboardInterrupt` at the next instruction (what Ctrl-C does).
    /// Returns whether the request reached the run.
    pub fn interrupt(&self) -> bool {
        self.attention.raise_in(self.target(), Attention::INTERRUPT)
    }

    /// Soft kill of one guest thread, named by its ident
    /// (`threading.get_ident()` in it, `Thread.ident` elsewhere): a
    /// `SystemExit` at that thread's next instruction, in that thread only
    /// (its `finally` blocks run; a blocking `sleep`, `join`, `wait` or
    /// `acquire` wakes at once), like the article's `KThread.kill()`. The
    /// rest of the run goes on. Returns whether the request reached the
    /// run; a thread that has ended (or never existed) ignores it.
    pub fn kill_thread(&self, ident: i64) -> bool {
        self.attention
            .request_thread(self.target(), ident, ThreadRequest::Kill)
    }

    /// [`raise_exception`](KillHandle::raise_exception) in one guest thread
    /// only (see [`kill_thread`](KillHandle::kill_thread)): what
    /// `PyThreadState_SetAsyncExc` does in CPython.
    pub fn raise_in_thread(&self, ident: i64, kind: &str, message: &str) -> bool {
        self.attention.request_thread(
            self.target(),
            ident,
            ThreadRequest::Raise(kind.to_string(), message.to_string()),
        )
    }
}
