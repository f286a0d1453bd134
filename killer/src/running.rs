//! [`Running`]: a run on a thread of its own ([`Engine::spawn`]), and the
//! handle to stop it, wait for it, and get its [`Outcome`] and the engine
//! back ([`Joined`]).
//!
//! The run's thread (from the pool) hands its [`Joined`] over through a
//! slot the moment the run is over; the host, in `join`, busy-waits for it
//! briefly before it sleeps, since waking a sleeping thread costs more
//! than a killed run takes to end.
//!
//! [`Engine::spawn`]: crate::Engine::spawn

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::engine::Engine;
use crate::handle::KillHandle;
use crate::outcome::Outcome;

/// How a spawned run ended, with the engine, ready for the next run.
#[derive(Debug)]
pub struct Joined {
    /// How the run ended.
    pub outcome: Outcome,
    /// The engine that ran it (`None` only after [`Outcome::Panicked`]).
    pub engine: Option<Engine>,
    /// From the spawn to the end of the run.
    pub elapsed: Duration,
}

/// Where the thread leaves its [`Joined`]: `Some` once the run is over.
#[derive(Default)]
struct Done {
    slot: Mutex<Option<Joined>>,
    cv: Condvar,
    /// Raised with the slot filled: lets a joiner spin without the lock.
    filled: AtomicBool,
}

/// How long `join` yields the CPU in a loop before it sleeps on the
/// condition variable. Waking a sleeping thread on an idle core costs
/// 20-40 µs on a virtual machine (an interrupt to halt the idle CPU's
/// sleep); a run that was just killed ends within a few microseconds, so
/// a short busy wait saves most of the kill-to-return latency. Yielding,
/// not spinning, so that a joiner sharing a core with the run gives it
/// the core.
const JOIN_SPIN: Duration = Duration::from_micros(200);

impl Done {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Joined>> {
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A run on its own thread. Kill it, wait for it, or both; every method
/// that kills returns whether the request reached the run (`false` once it
/// has ended: a late kill has no effect, and never reaches a later run of
/// the same engine).
///
/// Dropping a `Running` that has not been joined kills its run hard and
/// does not wait for the thread (a runaway script must not outlive the
/// handle that could stop it).
#[must_use = "dropping a Running kills its run"]
pub struct Running {
    handle: KillHandle,
    done: Arc<Done>,
    /// Set once the `Joined` has been taken.
    joined: bool,
    started: Instant,
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running")
            .field("finished", &self.is_finished())
            .field("elapsed", &self.started.elapsed())
            .finish()
    }
}

impl Running {
    /// Starts `body` on a pool thread of this name and stack size;
    /// `handle` is aimed at the run `body` does.
    pub(crate) fn start(
        thread_name: &str,
        stack_size: usize,
        handle: KillHandle,
        started: Instant,
        body: impl FnOnce() -> (Engine, Outcome, interp::Discarded) + Send + 'static,
    ) -> std::io::Result<Running> {
        let done = Arc::new(Done::default());
        let slot = Arc::clone(&done);
        // The `Joined` comes back through `done`, handed over by the
        // thread once it is back in the pool.
        crate::pool::spawn(
            thread_name,
            stack_size,
            Box::new(move || {
                // Everything that can panic (the guest's run, the host
                // functions it calls) runs inside `body`.
                let (joined, discarded) = match catch_unwind(AssertUnwindSafe(body)) {
                    Ok((engine, outcome, discarded)) => (
                        Joined {
                            outcome,
                            engine: Some(engine),
                            elapsed: started.elapsed(),
                        },
                        Some(discarded),
                    ),
                    Err(panic) => (
                        Joined {
                            outcome: Outcome::Panicked {
                                message: panic_message(&*panic),
                            },
                            engine: None,
                            elapsed: started.elapsed(),
                        },
                        None,
                    ),
                };
                let hand_over = move || {
                    *slot.lock() = Some(joined);
                    slot.filled.store(true, Ordering::Release);
                    slot.cv.notify_all();
                    drop(discarded);
                };
                Box::new(hand_over) as crate::pool::HandOver
            }),
        )?;
        Ok(Running {
            handle,
            done,
            joined: false,
            started,
        })
    }

    /// Soft kill: `SystemExit` in the guest at its next instruction
    /// (`finally` blocks run), hard when the grace period ends or at a
    /// second kill. Does not wait (see [`join`](Running::join)).
    pub fn kill(&self) -> bool {
        self.handle.kill()
    }

    /// Hard kill: no more guest code runs, not even `finally`.
    pub fn kill_hard(&self) -> bool {
        self.handle.kill_hard()
    }

    /// Raises an exception of the builtin class `kind` with `message` in
    /// the guest at its next instruction; a matching `except` catches it.
    pub fn raise_exception(&self, kind: &str, message: &str) -> bool {
        self.handle.raise_exception(kind, message)
    }

    /// `KeyboardInterrupt` in the guest at its next instruction.
    pub fn interrupt(&self) -> bool {
        self.handle.interrupt()
    }

    /// Soft kill of one guest thread (see [`KillHandle::kill_thread`]).
    pub fn kill_thread(&self, ident: i64) -> bool {
        self.handle.kill_thread(ident)
    }

    /// An exception in one guest thread (see
    /// [`KillHandle::raise_in_thread`]).
    pub fn raise_in_thread(&self, ident: i64, kind: &str, message: &str) -> bool {
        self.handle.raise_in_thread(ident, kind, message)
    }

    /// A handle aimed at this run, to kill it from other threads (it
    /// outlives the `Running` harmlessly: once the run is over it does
    /// nothing).
    pub fn kill_handle(&self) -> KillHandle {
        self.handle.clone()
    }

    /// Whether the run has ended (then [`join`](Running::join) returns at
    /// once).
    pub fn is_finished(&self) -> bool {
        self.done.filled.load(Ordering::Acquire)
    }

    /// Time since the spawn.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Waits for the run to end.
    pub fn join(mut self) -> Joined {
        loop {
            if let Some(joined) = self.wait(None) {
                return joined;
            }
        }
    }

    /// Waits at most `timeout` for the run to end; gives the handle back
    /// when it has not (kill it, wait more, or drop it).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use std::time::Duration;
    /// use killer::Engine;
    ///
    /// let program = Arc::new(killer::compile("import time\ntime.sleep(30)\n", "nap.py").unwrap());
    /// let running = Engine::new().spawn(program).unwrap();
    /// let running = running.join_timeout(Duration::from_millis(10)).unwrap_err();
    /// running.kill(); // time.sleep wakes at once
    /// let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
    /// assert!(joined.outcome.is_killed());
    /// ```
    pub fn join_timeout(mut self, timeout: Duration) -> Result<Joined, Running> {
        // `None` (a timeout too large to add): as good as forever.
        let until = Instant::now().checked_add(timeout);
        match self.wait(until) {
            Some(joined) => Ok(joined),
            None if until.is_none() => Ok(self.join()),
            None => Err(self),
        }
    }

    /// The `Joined`, once the run is over, or `None` at `until` (with no
    /// `until`, after an hour).
    fn wait(&mut self, until: Option<Instant>) -> Option<Joined> {
        let start = Instant::now();
        let until = until.unwrap_or(start + Duration::from_secs(3600));
        let spin_until = (start + JOIN_SPIN).min(until);
        while !self.done.filled.load(Ordering::Acquire) && Instant::now() < spin_until {
            std::thread::yield_now();
        }
        let mut slot = self.done.lock();
        loop {
            if let Some(joined) = slot.take() {
                self.joined = true;
                return Some(joined);
            }
            let left = until.checked_duration_since(Instant::now())?;
            if left.is_zero() {
                return None;
            }
            slot = self
                .done
                .cv
                .wait_timeout(slot, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if !self.joined {
            // Not joined: nobody will ever look at this run again.
            self.handle.kill_hard();
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}
