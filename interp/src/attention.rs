//! The attention word: the only channel through which other threads (kill
//! handles, the deadline watchdog, the CLI's Ctrl-C handler) and the VM's own
//! bookkeeping (garbage collection, trace hooks, budgets) talk to a running
//! dispatch loop. Any non-zero value sends the loop to `service_attention`
//! before the next instruction; zero costs one relaxed load and one
//! predictable branch per instruction.
//!
//! Blocking waits inside the VM (`time.sleep`, joins, lock waits) sleep on the
//! condition variable here, so every bit that needs a prompt reaction also
//! wakes them. The VM never starts a timer: deadlines are raised from outside
//! (see the `killer` crate).

use std::sync::atomic::{AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Why the host stopped a run. Stored beside the word, published before the
/// kill bit is raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum KillReason {
    /// `KillHandle::kill` or `kill_hard` from host code.
    Host = 1,
    /// The run's deadline passed.
    Deadline = 2,
    /// The instruction budget ran out.
    Budget = 3,
    /// A signal (Ctrl-C twice, SIGTERM) reached the `vm` command.
    Signal = 4,
}

impl KillReason {
    fn from_u8(v: u8) -> Option<KillReason> {
        Some(match v {
            1 => KillReason::Host,
            2 => KillReason::Deadline,
            3 => KillReason::Budget,
            4 => KillReason::Signal,
            _ => return None,
        })
    }

    /// A short human description, used in kill reports.
    pub fn describe(self) -> &'static str {
        match self {
            KillReason::Host => "killed by the host",
            KillReason::Deadline => "deadline exceeded",
            KillReason::Budget => "instruction budget exhausted",
            KillReason::Signal => "killed by a signal",
        }
    }
}

/// What a host asks of one guest thread (see `Attention::request_thread`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadRequest {
    /// A soft kill of that thread only: `SystemExit` at its next
    /// instruction (its `finally` blocks run; a blocking call wakes).
    Kill,
    /// Raise an exception of the named builtin class with this message in
    /// that thread, like `PyThreadState_SetAsyncExc`.
    Raise(String, String),
}

/// One word of request bits shared between a VM and whoever may stop it.
#[derive(Debug, Default)]
pub struct Attention {
    word: AtomicU32,
    /// First kill reason wins; 0 means none yet.
    reason: AtomicU8,
    /// Incremented for every run: timers armed for one run (a grace period)
    /// must not fire into the next.
    epoch: AtomicU64,
    /// An exception injected by the host: class name and message.
    injected: Mutex<Option<(String, String)>>,
    /// Requests aimed at one guest thread (by ident), oldest first.
    thread_requests: Mutex<Vec<(i64, ThreadRequest)>>,
    /// Sleepers wait here; `raise` notifies when a waking bit is set.
    lock: Mutex<()>,
    wakeup: Condvar,
}

impl Attention {
    /// Soft kill: raise `SystemExit` at the next instruction. One-shot: the
    /// slow path lowers it when it raises the exception.
    pub const KILL: u32 = 1 << 0;
    /// Hard kill (grace spent, second kill, or `kill_hard`). Sticky: the VM
    /// never clears it while running; no guest code runs once it is seen.
    pub const KILL_HARD: u32 = 1 << 1;
    /// Ctrl-C from the command line. One-shot: a catchable `KeyboardInterrupt`.
    pub const INTERRUPT: u32 = 1 << 2;
    /// Level-triggered: set while a trace hook is installed.
    pub const TRACE: u32 = 1 << 3;
    /// The heap passed its collection threshold; collect at this boundary.
    pub const GC: u32 = 1 << 4;
    /// An exception was injected by the host (`raise_exception`).
    pub const INJECT: u32 = 1 << 5;
    /// Level-triggered: an instruction budget is being counted.
    pub const BUDGET: u32 = 1 << 6;
    /// A pending exception must be re-raised (an uncatchable kill that guest
    /// code tried to swallow with `return` in `finally`).
    pub const RERAISE: u32 = 1 << 7;
    /// Level-triggered, raised and lowered by the VM itself: the guest
    /// thread scheduler needs the loop (a time slice is being counted, a
    /// thread blocked, or a thread has an exception to receive).
    pub const SWITCH: u32 = 1 << 8;
    /// A request aimed at one guest thread is queued (`request_thread`).
    pub const THREAD: u32 = 1 << 9;

    /// Bits that must interrupt a blocking wait. (`SWITCH` is the VM's own
    /// business and never needs a wake-up.)
    pub const WAKING: u32 =
        Self::KILL | Self::KILL_HARD | Self::INTERRUPT | Self::INJECT | Self::THREAD;

    /// A fresh word with no bits raised.
    pub fn new() -> Attention {
        Attention::default()
    }

    /// The hot-path test. Relaxed is enough: the bits carry no data, and
    /// payloads (the kill reason, injected exceptions) are published with
    /// Release before the bit and read with Acquire in the slow path.
    #[inline(always)]
    pub fn is_raised(&self) -> bool {
        self.word.load(Ordering::Relaxed) != 0
    }

    /// Sets `bits`. One atomic read-modify-write, then a wake-up for
    /// sleepers when a waking bit is among them. Callable from any thread.
    #[inline]
    pub fn raise(&self, bits: u32) {
        // Release: whatever the raiser wrote before (reason, payload) is
        // visible to the loop that observes the bit with `snapshot`.
        self.word.fetch_or(bits, Ordering::Release);
        if bits & Self::WAKING != 0 {
            // Taking the lock orders this notify after any sleeper's check of
            // the word, so a wake-up can never be lost.
            let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.wakeup.notify_all();
        }
    }

    /// Clears `bits`.
    #[inline]
    pub fn lower(&self, bits: u32) {
        self.word.fetch_and(!bits, Ordering::AcqRel);
    }

    /// The full word, for the slow path.
    #[inline]
    pub fn snapshot(&self) -> u32 {
        self.word.load(Ordering::Acquire)
    }

    /// Records why the run is being killed; the first reason wins.
    pub fn set_reason(&self, reason: KillReason) {
        let _ = self
            .reason
            .compare_exchange(0, reason as u8, Ordering::AcqRel, Ordering::Acquire);
    }

    /// The recorded kill reason, if any.
    pub fn reason(&self) -> Option<KillReason> {
        KillReason::from_u8(self.reason.load(Ordering::Acquire))
    }

    /// The current run's number (see `reset_kill`).
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Whether a hard kill has been requested.
    pub fn is_hard_killed(&self) -> bool {
        self.snapshot() & Self::KILL_HARD != 0
    }

    /// Injects an exception (`raise_exception`): it is raised in the guest
    /// at the next instruction. `kind` is a builtin exception class name.
    pub fn inject(&self, kind: &str, message: &str) {
        *self.injected.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((kind.to_string(), message.to_string()));
        self.raise(Self::INJECT);
    }

    /// Takes the injected exception, if any.
    pub fn take_injected(&self) -> Option<(String, String)> {
        self.injected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// Forgets kill state so the VM can run another program after a kill.
    /// Leaves level-triggered bits (`TRACE`, `BUDGET`, `GC`) alone.
    pub fn reset_kill(&self) {
        // Under the sleepers' lock, like `deliver_kill` and `inject_into`: a
        // kill aimed at the run that is ending either lands before the reset
        // (and is forgotten with it) or sees the new epoch and does nothing.
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.epoch.fetch_add(1, Ordering::AcqRel);
        self.lower(
            Self::KILL
                | Self::KILL_HARD
                | Self::INTERRUPT
                | Self::INJECT
                | Self::RERAISE
                | Self::THREAD,
        );
        self.reason.store(0, Ordering::Release);
        self.take_injected();
        self.take_thread_requests();
    }

    /// Kills run `run` (whatever run is current when `None`), atomically
    /// with respect to `reset_kill`, so a kill aimed at a run that has ended
    /// never reaches a later one. The kill is hard when `hard` is set or
    /// when this run was already killed once (the second kill escalates,
    /// like `timeout`'s KILL after TERM). Returns `None` when `run` is no
    /// longer the current run (nothing was done), else `Some(hard)`.
    pub fn deliver_kill(&self, run: Option<u64>, reason: KillReason, hard: bool) -> Option<bool> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if run.is_some_and(|r| r != self.epoch()) {
            return None;
        }
        // A recorded reason means a kill of this run was already delivered
        // (by a handle, the deadline, the budget or a trace hook).
        let hard = hard || self.reason().is_some();
        self.set_reason(reason);
        let bit = if hard { Self::KILL_HARD } else { Self::KILL };
        // Release: the reason stored above is visible to whoever sees the
        // bit. Raised and notified under the lock, so no sleeper misses it.
        self.word.fetch_or(bit, Ordering::Release);
        self.wakeup.notify_all();
        Some(hard)
    }

    /// `raise` aimed at run `run` (any run when `None`), atomically with
    /// respect to `reset_kill`; `false` when that run is over and nothing
    /// was raised.
    pub fn raise_in(&self, run: Option<u64>, bits: u32) -> bool {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if run.is_some_and(|r| r != self.epoch()) {
            return false;
        }
        // Release: see `raise`. Notified under the lock: see `deliver_kill`.
        self.word.fetch_or(bits, Ordering::Release);
        self.wakeup.notify_all();
        true
    }

    /// `inject` aimed at run `run` (any run when `None`); `false` when that
    /// run is over and nothing was injected.
    pub fn inject_into(&self, run: Option<u64>, kind: &str, message: &str) -> bool {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if run.is_some_and(|r| r != self.epoch()) {
            return false;
        }
        *self.injected.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((kind.to_string(), message.to_string()));
        // Release: the payload stored above is visible to whoever sees the
        // bit (see `raise`).
        self.word.fetch_or(Self::INJECT, Ordering::Release);
        self.wakeup.notify_all();
        true
    }

    /// Queues `request` for guest thread `ident` of run `run` (any run when
    /// `None`), atomically with respect to `reset_kill`; `false` when that
    /// run is over. Whether the thread exists is only known to the VM: a
    /// request for an unknown thread is dropped when the VM reads it.
    pub fn request_thread(&self, run: Option<u64>, ident: i64, request: ThreadRequest) -> bool {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if run.is_some_and(|r| r != self.epoch()) {
            return false;
        }
        self.thread_requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((ident, request));
        // Release: the queued request is visible to whoever sees the bit.
        self.word.fetch_or(Self::THREAD, Ordering::Release);
        self.wakeup.notify_all();
        true
    }

    /// Takes the queued thread requests, oldest first.
    pub fn take_thread_requests(&self) -> Vec<(i64, ThreadRequest)> {
        std::mem::take(
            &mut *self
                .thread_requests
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
        )
    }

    /// Sleeps for `duration` or until one of `bits` is raised, whichever
    /// comes first. Returns `true` when woken by a bit.
    pub fn sleep(&self, duration: Duration, bits: u32) -> bool {
        let deadline = Instant::now().checked_add(duration);
        let mut guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if self.word.load(Ordering::Acquire) & bits != 0 {
                return true;
            }
            let remaining = match deadline {
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(r) if !r.is_zero() => r,
                    _ => return false,
                },
                // Beyond `Instant`'s range: wait in long slices forever.
                None => Duration::from_secs(3600),
            };
            guard = self
                .wakeup
                .wait_timeout(guard, remaining)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}
