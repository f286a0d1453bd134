//! The watchdog: one background thread that owns every timer (deadlines
//! and grace periods) for every VM in the process, and only ever raises
//! attention bits. The VM never reads a clock in its dispatch loop; this
//! thread does the waiting (wasmtime's epoch ticker, done with one
//! min-heap instead of a periodic tick).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Arc, Condvar, Mutex, OnceLock, Weak};
use std::time::Instant;

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
}

struct Watchdog {
    state: Mutex<State>,
    wake: Condvar,
}

fn watchdog() -> &'static Watchdog {
    static W: OnceLock<&'static Watchdog> = OnceLock::new();
    W.get_or_init(|| {
        let w: &'static Watchdog = Box::leak(Box::new(Watchdog {
            state: Mutex::new(State {
                timers: BinaryHeap::new(),
                seq: 0,
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
        let next = state.timers.peek().map(|Reverse(t)| t.at);
        match next {
            None => {
                state = w.wake.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            Some(at) if at > now => {
                state = w
                    .wake
                    .wait_timeout(state, at - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            Some(_) => {
                let Reverse(t) = state.timers.pop().unwrap();
                let Some(att) = t.attention.upgrade() else {
                    continue;
                };
                if att.epoch() != t.epoch {
                    continue;
                }
                fire(&att, t.reason, t.action, &mut state);
            }
        }
    }
}

/// Applies a kill to `att` now; a soft kill with a grace period arms the
/// hard kill.
fn fire(att: &Arc<Attention>, reason: KillReason, action: TimerAction, state: &mut State) {
    att.set_reason(reason);
    match action {
        TimerAction::KillHard => att.raise(Attention::KILL_HARD),
        TimerAction::Kill { grace } => match grace {
            Some(g) if !g.is_zero() => {
                att.raise(Attention::KILL);
                state.seq += 1;
                let seq = state.seq;
                state.timers.push(Reverse(Timer {
                    at: Instant::now() + g,
                    seq,
                    attention: Arc::downgrade(att),
                    epoch: att.epoch(),
                    reason,
                    action: TimerAction::KillHard,
                }));
            }
            Some(_) => att.raise(Attention::KILL_HARD),
            // No grace period: the soft kill is all (the host escalates).
            None => att.raise(Attention::KILL),
        },
    }
}

/// Schedules `action` on `att` at `at` for the current run only.
pub(crate) fn schedule(att: &Arc<Attention>, at: Instant, reason: KillReason, action: TimerAction) {
    let w = watchdog();
    let mut state = w.state.lock().unwrap_or_else(|e| e.into_inner());
    state.seq += 1;
    let seq = state.seq;
    state.timers.push(Reverse(Timer {
        at,
        seq,
        attention: Arc::downgrade(att),
        epoch: att.epoch(),
        reason,
        action,
    }));
    w.wake.notify_one();
}

/// A soft kill now with the hard kill `grace` later (immediately when the
/// grace is zero).
pub(crate) fn kill_now(
    att: &Arc<Attention>,
    reason: KillReason,
    grace: Option<std::time::Duration>,
) {
    if grace.is_some_and(|g| g.is_zero()) {
        att.set_reason(reason);
        att.raise(Attention::KILL_HARD);
        return;
    }
    let w = watchdog();
    let mut state = w.state.lock().unwrap_or_else(|e| e.into_inner());
    fire(att, reason, TimerAction::Kill { grace }, &mut state);
    w.wake.notify_one();
}
