//! The threads spawned runs execute on. A thread whose run is over hands
//! the result over and goes back to an idle list instead of exiting, so
//! neither the next spawn nor the host waiting in `join` pays for creating
//! or tearing down a thread (unmapping a 64 MiB stack and its TLB
//! shootdowns, on the very core a killed run's host is waiting on: most of
//! the kill-to-return tail before this pool).
//!
//! Idle threads are bounded in number ([`MAX_IDLE`]) and in time
//! ([`IDLE_TIMEOUT`]); a thread is only reused for a spawn asking for the
//! same stack size and thread name it was made with.

use std::io;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

/// What a pool thread runs: a whole run. It returns how to hand its result
/// over, which the thread does once it is listed as idle again, so that a
/// host spawning the next run as soon as it has the result finds it there.
pub(crate) type Job = Box<dyn FnOnce() -> HandOver + Send + 'static>;

/// See [`Job`].
pub(crate) type HandOver = Box<dyn FnOnce() + Send + 'static>;

/// Idle threads kept at most; more exit when their run is over.
const MAX_IDLE: usize = 16;

/// An idle thread exits after this long without a run.
const IDLE_TIMEOUT: Duration = Duration::from_secs(10);

/// What makes two threads interchangeable.
#[derive(Clone, PartialEq, Eq)]
struct Shape {
    stack_size: usize,
    name: String,
}

/// One pool thread's mailbox.
#[derive(Default)]
struct Worker {
    job: Mutex<Option<Job>>,
    cv: Condvar,
}

struct Idle {
    workers: Vec<(Shape, Arc<Worker>)>,
    /// The process the threads listed belong to: after a `fork` the child
    /// has none of them.
    pid: u32,
}

fn idle() -> MutexGuard<'static, Idle> {
    static IDLE: OnceLock<Mutex<Idle>> = OnceLock::new();
    let mut idle = IDLE
        .get_or_init(|| {
            Mutex::new(Idle {
                workers: Vec::new(),
                pid: std::process::id(),
            })
        })
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if idle.pid != pid {
        idle.workers.clear();
        idle.pid = pid;
    }
    idle
}

fn lock(m: &Mutex<Option<Job>>) -> MutexGuard<'_, Option<Job>> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `job` on an idle thread of this shape, or on a new one.
pub(crate) fn spawn(name: &str, stack_size: usize, job: Job) -> io::Result<()> {
    let shape = Shape {
        stack_size,
        name: name.to_string(),
    };
    let taken = {
        let mut idle = idle();
        let found = idle.workers.iter().rposition(|(s, _)| *s == shape);
        found.map(|i| idle.workers.swap_remove(i).1)
    };
    if let Some(worker) = taken {
        *lock(&worker.job) = Some(job);
        worker.cv.notify_one();
        return Ok(());
    }
    std::thread::Builder::new()
        .name(shape.name.clone())
        .stack_size(stack_size)
        .spawn(move || work(shape, job))
        .map(drop)
}

/// A pool thread: runs its job, then waits idle for the next one.
fn work(shape: Shape, first: Job) {
    let me = Arc::new(Worker::default());
    let mut job = first;
    loop {
        let hand_over = job();
        let listed = {
            let mut idle = idle();
            let room = idle.workers.len() < MAX_IDLE;
            if room {
                idle.workers.push((shape.clone(), Arc::clone(&me)));
            }
            room
        };
        hand_over();
        if !listed {
            return;
        }
        let mut mailbox = lock(&me.job);
        job = loop {
            if let Some(next) = mailbox.take() {
                break next;
            }
            let (guard, wait) = me
                .cv
                .wait_timeout(mailbox, IDLE_TIMEOUT)
                .unwrap_or_else(|e| e.into_inner());
            mailbox = guard;
            if wait.timed_out() && mailbox.is_none() {
                let mut idle = idle();
                if let Some(i) = idle.workers.iter().position(|(_, w)| Arc::ptr_eq(w, &me)) {
                    idle.workers.swap_remove(i);
                    return;
                }
                // Taken off the list by a spawn: its job is on the way.
            }
        };
    }
}
