//! `KillHandle`: how any thread stops a running VM. Every method returns at
//! once (it only raises bits in the VM's attention word); waiting for the
//! run to end is the caller's business.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use interp::{Attention, KillReason};

use crate::watchdog;

/// A handle that kills one VM's runs. `Clone + Send + Sync`.
#[derive(Clone)]
pub struct KillHandle {
    attention: Arc<Attention>,
    grace: Option<Duration>,
    /// `epoch + 1` of the run that already got a soft kill (0: none).
    soft: Arc<AtomicU64>,
}

impl std::fmt::Debug for KillHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KillHandle")
            .field("grace", &self.grace)
            .finish()
    }
}

impl KillHandle {
    /// A handle on `attention` whose soft kills escalate to hard after
    /// `grace` (`None`: only a second `kill` escalates).
    pub fn new(attention: Arc<Attention>, grace: Option<Duration>) -> KillHandle {
        KillHandle {
            attention,
            grace,
            soft: Arc::new(AtomicU64::new(0)),
        }
    }

    /// The attention word this handle raises.
    pub fn attention(&self) -> &Arc<Attention> {
        &self.attention
    }

    /// Soft kill: `SystemExit` at the guest's next instruction (its
    /// `finally` blocks run). A second call, or the end of the grace period,
    /// makes it hard.
    pub fn kill(&self) {
        self.kill_for(KillReason::Host);
    }

    /// `kill` with an explicit reason.
    pub fn kill_for(&self, reason: KillReason) {
        let tag = self.attention.epoch() + 1;
        if self.soft.swap(tag, Ordering::AcqRel) == tag {
            // Second kill of the same run.
            self.kill_hard_for(reason);
        } else {
            watchdog::kill_now(&self.attention, reason, self.grace);
        }
    }

    /// Hard kill: no more guest code runs, not even `finally`.
    pub fn kill_hard(&self) {
        self.kill_hard_for(KillReason::Host);
    }

    /// `kill_hard` with an explicit reason.
    pub fn kill_hard_for(&self, reason: KillReason) {
        self.attention.set_reason(reason);
        self.attention.raise(Attention::KILL_HARD);
    }

    /// Raises an exception of the builtin class `kind` (e.g. `"TimeoutError"`)
    /// in the guest at its next instruction, like
    /// `PyThreadState_SetAsyncExc`.
    pub fn raise_exception(&self, kind: &str, message: &str) {
        self.attention.inject(kind, message);
    }

    /// `KeyboardInterrupt` at the next instruction (Ctrl-C).
    pub fn interrupt(&self) {
        self.attention.raise(Attention::INTERRUPT);
    }
}
