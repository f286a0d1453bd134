//! [`Running`]: a run on a thread of its own ([`Engine::spawn`]), and the
//! handle to stop it, wait for it, and get its [`Outcome`] and the engine
//! back ([`Joined`]).
//!
//! The thread reports its end through a flag and a condition variable set
//! by a guard that also fires while a panic unwinds, so `join_timeout`
//! never waits for a thread that is already gone.
//!
//! [`Engine::spawn`]: crate::Engine::spawn

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
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

/// Set when the thread is done (even by a panic).
#[derive(Default)]
struct Done {
    flag: Mutex<bool>,
    cv: Condvar,
}

/// Raises `Done` when dropped: at the end of the thread's closure, whether
/// it returns or unwinds.
struct DoneGuard(Arc<Done>);

impl Drop for DoneGuard {
    fn drop(&mut self) {
        *self.0.flag.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.0.cv.notify_all();
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
    thread: Option<JoinHandle<Joined>>,
    done: Arc<Done>,
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
    /// Starts `body` on a thread made by `builder`; `handle` is aimed at
    /// the run `body` does.
    pub(crate) fn start(
        builder: std::thread::Builder,
        handle: KillHandle,
        started: Instant,
        body: impl FnOnce() -> (Engine, Outcome) + Send + 'static,
    ) -> std::io::Result<Running> {
        let done = Arc::new(Done::default());
        let guard = DoneGuard(Arc::clone(&done));
        let thread = builder.spawn(move || {
            // Dropped last, after the result is built.
            let _guard = guard;
            match catch_unwind(AssertUnwindSafe(body)) {
                Ok((engine, outcome)) => Joined {
                    outcome,
                    engine: Some(engine),
                    elapsed: started.elapsed(),
                },
                Err(panic) => Joined {
                    outcome: Outcome::Panicked {
                        message: panic_message(&*panic),
                    },
                    engine: None,
                    elapsed: started.elapsed(),
                },
            }
        })?;
        Ok(Running {
            handle,
            thread: Some(thread),
            done,
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
        *self.done.flag.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Time since the spawn.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Waits for the run to end.
    pub fn join(mut self) -> Joined {
        self.reap()
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
        let until = Instant::now().checked_add(timeout);
        let flag = Arc::clone(&self.done);
        {
            let mut done = flag.flag.lock().unwrap_or_else(|e| e.into_inner());
            while !*done {
                let left = match until {
                    Some(u) => match u.checked_duration_since(Instant::now()) {
                        Some(left) if !left.is_zero() => left,
                        _ => {
                            drop(done);
                            return Err(self);
                        }
                    },
                    None => Duration::from_secs(3600),
                };
                done = flag
                    .cv
                    .wait_timeout(done, left)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
        }
        Ok(self.reap())
    }

    /// Joins the thread (done or about to be).
    fn reap(&mut self) -> Joined {
        let thread = self.thread.take().expect("a Running is joined once");
        match thread.join() {
            Ok(joined) => joined,
            // The closure catches panics; this is a panic in the guard.
            Err(panic) => Joined {
                outcome: Outcome::Panicked {
                    message: panic_message(&*panic),
                },
                engine: None,
                elapsed: self.started.elapsed(),
            },
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.thread.is_some() {
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
