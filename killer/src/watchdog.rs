//! The watchdog: one background thread that owns every timer (deadlines
//! and grace periods) for every VM in the process, and only ever raises
//! attention bits. The VM never reads a clock in its dispatch loop; this
//! thread does the waiting (wasmtime's epoch ticker, done with one
//! min-heap instead of a periodic tick).
//!
//! Waking the watchdog costs a kill a futex wake and, on a small machine,
//! a context switch or two on the very cores the guest is unwinding on
//! (about 20 µs here). So the watchdog never sleeps longer than
//! [`IDLE_TICK`], and a timer due after its next wake-up (a soft kill's
//! grace timer, normally) is only pushed: it is seen when the watchdog
//! wakes by itself.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Arc, Condvar, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use interp::{Attention, KillReason};

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimerAction {
    /// Soft kill (then arm the grace timer).
    Kill { grace: Option<std::time::Duration> },
    /// Hard kill.
    KillHard,
}

struct Timer {
    at: Instant,
    seq: u64,
    attention: Weak<Attention>,
    epoch: u64,
    reason: KillReason,
    action: TimerAction,
}

impl PartialEq for Timer {
    fn eq(&self, o: &Self) -> bool {
        (self.at, self.seq) == (o.at, o.seq)
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Timer {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        (self.at, self.seq).cmp(&(o.at, o.seq))
    }
}

struct State {
    timers: BinaryHeap<Reverse<Timer>>,
    seq: u64,
    /// When the watchdog, asleep, wakes by itself; `None` while it is
    /// awake (it looks at the heap before it sleeps again).
    wakes_at: Option<Instant>,
}

/// The longest the watchdog sleeps: a timer due later than that needs no
/// wake-up call.
const IDLE_TICK: Duration = Duration::from_millis(250);

struct Watchdog {
    state: Mutex<State>,
    wake: Condvar,
}

static WATCHDOG: OnceLock<&'static Watchdog> = OnceLock::new();

fn watchdog() -> &'static Watchdog {
    WATCHDOG.get_or_init(|| {
        let w: &'static Watchdog = Box::leak(Box::new(Watchdog {
            state: Mutex::new(State {
                timers: BinaryHeap::new(),
                seq: 0,
                wakes_at: None,
            }),
            wake: Condvar::new(),
        }));
        std::thread::Builder::new()
            .name("vm-watchdog".into())
            .spawn(move || run(w))
            .expect("spawning the watchdog thread");
        w
    })
}

fn run(w: &'static Watchdog) {
    let mut state = w.state.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let now = Instant::now();
        match state.timers.peek().map(|Reverse(t)| t.at) {
            Some(at) if at <= now => {
                let Reverse(t) = state.timers.pop().unwrap();
                let Some(att) = t.attention.upgrade() else {
                    continue;
                };
                fire(&att, t.epoch, t.reason, t.action, &mut state);
                tidy(&mut state);
            }
            next => {
                let wake = next.map_or(now + IDLE_TICK, |at| at.min(now + IDLE_TICK));
                state.wakes_at = Some(wake);
                state = w
                    .wake
                    .wait_timeout(state, wake - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
                state.wakes_at = None;
            }
        }
    }
}

/// Applies a kill to run `epoch` of `att` now (nothing if that run is
/// over); a soft kill with a grace period arms the hard kill.
fn fire(
    att: &Arc<Attention>,
    epoch: u64,
    reason: KillReason,
    action: TimerAction,
    state: &mut State,
) {
    match action {
        TimerAction::KillHard => {
            att.deliver_kill(Some(epoch), reason, true);
        }
        TimerAction::Kill { grace } => {
            let hard = grace.is_some_and(|g| g.is_zero());
            // `Some(false)`: a soft kill was delivered; `None` (run over)
            // and `Some(true)` (already hard) need no grace timer.
            if att.deliver_kill(Some(epoch), reason, hard) == Some(false) {
                if let Some(g) = grace {
                    push(
                        state,
                        att,
                        epoch,
                        Instant::now() + g,
                        reason,
                        TimerAction::KillHard,
                    );
                }
            }
        }
    }
}

/// Adds a timer; returns whether the watchdog must be woken to see it in
/// time (it sleeps past `at`).
fn push(
    state: &mut State,
    att: &Arc<Attention>,
    epoch: u64,
    at: Instant,
    reason: KillReason,
    action: TimerAction,
) -> bool {
    state.seq += 1;
    let seq = state.seq;
    state.timers.push(Reverse(Timer {
        at,
        seq,
        attention: Arc::downgrade(att),
        epoch,
        reason,
        action,
    }));
    state.wakes_at.is_some_and(|w| at < w)
}

/// Pushes a timer from outside the watchdog, waking it only when needed.
fn push_and_wake(
    att: &Arc<Attention>,
    epoch: impl FnOnce() -> u64,
    at: Instant,
    reason: KillReason,
    action: TimerAction,
) {
    let w = watchdog();
    let mut state = w.state.lock().unwrap_or_else(|e| e.into_inner());
    let wake = push(&mut state, att, epoch(), at, reason, action);
    drop(state);
    if wake {
        w.wake.notify_one();
    }
}

/// Schedules `action` on `att` at `at` for the current run only.
pub(crate) fn schedule(att: &Arc<Attention>, at: Instant, reason: KillReason, action: TimerAction) {
    push_and_wake(att, || att.epoch(), at, reason, action);
}

/// Forgets every timer armed for `att` (its runs are over, or it is being
/// dropped): a timer holds a `Weak` that keeps the attention word's memory
/// allocated until the timer is gone.
pub(crate) fn cancel(att: &Arc<Attention>) {
    let Some(w) = WATCHDOG.get() else {
        // No timer was ever armed in this process.
        return;
    };
    let mut state = w.state.lock().unwrap_or_else(|e| e.into_inner());
    let target = Arc::as_ptr(att);
    // Dead entries go too, while we are at it.
    state
        .timers
        .retain(|Reverse(t)| t.attention.strong_count() > 0 && t.attention.as_ptr() != target);
    tidy(&mut state);
}

/// Gives the timer heap's memory back once it is empty: a burst of kills
/// (a thousand VMs at once) must not leave a thousand slots allocated.
fn tidy(state: &mut State) {
    if state.timers.is_empty() && state.timers.capacity() > 0 {
        state.timers.shrink_to_fit();
    }
}

/// A soft kill of run `run` now with the hard kill `grace` later (at once
/// when the grace is zero, or when the run was already killed once).
/// Returns whether the kill reached the run (`false`: it was over).
pub(crate) fn kill_now(
    att: &Arc<Attention>,
    run: Option<u64>,
    reason: KillReason,
    grace: Option<std::time::Duration>,
) -> bool {
    let hard = grace.is_some_and(|g| g.is_zero());
    match att.deliver_kill(run, reason, hard) {
        None => false,
        Some(true) => true,
        Some(false) => {
            if let Some(g) = grace {
                // The epoch the kill went to: `run`, or the current one
                // (re-read; if a new run began meanwhile the timer is simply
                // stale and never fires).
                let epoch = || run.unwrap_or_else(|| att.epoch());
                push_and_wake(
                    att,
                    epoch,
                    Instant::now() + g,
                    reason,
                    TimerAction::KillHard,
                );
            }
            true
        }
    }
}
