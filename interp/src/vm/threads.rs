//! Guest threads: green threads inside one VM. This module owns the thread
//! table, the scheduler, blocking waits (`sleep`, `join`, `Lock.acquire`,
//! `Event.wait`) and how kills and per-thread exceptions reach each thread.
//!
//! One thread runs at a time. Each has its own value stack, frames and
//! exception state; the running thread's live in the VM's own fields and
//! the others' are parked in their [`Context`], swapped in and out as a
//! whole. The heap is shared.
//!
//! Everything rides the attention word. While more than one thread could
//! run, `Attention::SWITCH` stays raised and the dispatch loop counts a
//! time slice of [`SLICE`] instructions (CPython's switch interval, counted
//! instead of timed so that switching is deterministic); at its end, or as
//! soon as the running thread blocks, the next ready thread is swapped in
//! and the dispatch loop reloads its frame. With one thread nothing of this
//! runs.
//!
//! A thread can only be switched out where the Rust stack holds nothing of
//! it: at an instruction boundary of the outermost dispatch loop, or in a
//! native called directly by that loop as its last act (`block`). A
//! blocking native returns a placeholder result and the thread is parked
//! right after its call instruction; when the wait ends the scheduler
//! writes the real result over the placeholder (or, for an exception,
//! points the frame back at the call so the exception is raised *by* it).
//! A blocking call made from deeper down (a `__repr__`, a sort key, a host
//! function calling back) waits in place: other guest threads do not run
//! until it returns.

use std::time::{Duration, Instant};

use crate::attention::{Attention, KillReason, ThreadRequest};
use crate::gc::{Gc, Tracer};
use crate::object::*;
use crate::value::Value;

use super::call::Called;
use super::{ExcKind, Frame, Mode, Unwind, Vm, VmResult};

/// Instructions a thread runs before another ready thread gets its turn.
pub(crate) const SLICE: u32 = 2_000;

/// Ident of the main thread, the same in every run (like a process's main
/// thread); other threads get fresh idents, never reused in one VM.
pub(crate) const MAIN_IDENT: i64 = 1;

/// The registers of a thread that is not running.
#[derive(Default)]
struct Context {
    stack: Vec<Value>,
    sp: usize,
    frames: Vec<Frame>,
    exc_current: Value,
    gen_saved_exc: Vec<Value>,
    pending_kill: Value,
}

/// What a blocked thread waits for.
#[derive(Clone, Copy)]
pub(crate) enum Wait {
    /// `time.sleep`: only the deadline ends it.
    Sleep,
    /// `Lock.acquire`: the lock is taken for the thread when it is free.
    Lock(Gc<Opaque>),
    /// `Event.wait`: `Event.set` marks its waiters ready.
    Event(Gc<Opaque>),
    /// `Thread.join`: the end of the thread with this ident.
    Join(i64),
}

impl Wait {
    /// The blocked call's result when the deadline passes first.
    fn timeout_result(self) -> Value {
        match self {
            Wait::Sleep | Wait::Join(_) => Value::None,
            Wait::Lock(_) | Wait::Event(_) => Value::Bool(false),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Started, has not run an instruction yet.
    New,
    Runnable,
    Blocked,
    Finished,
}

/// An exception a thread must receive at its next instruction.
#[derive(Clone, Copy)]
enum Pending {
    None,
    /// A soft kill (the VM's, or one aimed at this thread).
    Kill,
    /// An exception class or instance (`PyThreadState_SetAsyncExc`, Ctrl-C
    /// for the main thread, a host's `raise_exception`).
    Raise(Value),
}

/// One guest thread.
pub(crate) struct GuestThread {
    pub(crate) ident: i64,
    daemon: bool,
    state: State,
    ctx: Context,
    /// What the thread calls when it first runs.
    entry: Value,
    wait: Option<(Wait, Option<Instant>)>,
    /// The result of the blocking call once the wait is over (`Undef`
    /// until then).
    ready: Value,
    pending: Pending,
    /// `sys.settrace` of this thread (`None` when off).
    pub(crate) trace: Value,
    /// Per-frame tracing state of this thread (see `settrace`).
    pub(crate) trace_frames: Vec<super::settrace::TraceSlot>,
}

impl GuestThread {
    fn new(ident: i64, entry: Value, daemon: bool, state: State) -> GuestThread {
        GuestThread {
            ident,
            daemon,
            state,
            ctx: Context::default(),
            entry,
            wait: None,
            ready: Value::Undef,
            pending: Pending::None,
            trace: Value::None,
            trace_frames: Vec::new(),
        }
    }

    fn alive(&self) -> bool {
        self.state != State::Finished
    }

    /// Whether the thread can take the CPU now (a blocked one once its
    /// wait has ended). May take a free lock for it: call only for the
    /// thread about to be chosen, in order.
    fn ready_now(&mut self, now: Instant) -> bool {
        match self.state {
            State::New | State::Runnable => true,
            State::Finished => false,
            State::Blocked => {
                if !self.ready.is_undef() || !matches!(self.pending, Pending::None) {
                    return true;
                }
                let Some((wait, deadline)) = self.wait else {
                    return true;
                };
                if let Wait::Lock(l) = wait {
                    if let Some(lock) = lock_data(l) {
                        if !lock.locked.get() {
                            lock.locked.set(true);
                            self.ready = Value::Bool(true);
                            return true;
                        }
                    }
                }
                if deadline.is_some_and(|d| d <= now) {
                    self.ready = wait.timeout_result();
                    return true;
                }
                false
            }
        }
    }
}

/// The thread table of a VM.
pub(crate) struct Threads {
    pub(crate) list: Vec<GuestThread>,
    /// Index in `list` of the thread whose registers the VM holds.
    pub(crate) current: usize,
    next_ident: i64,
    /// Instructions left in the running thread's time slice. While more
    /// than one is left and nothing but `Attention::SWITCH` is raised, the
    /// dispatch loop only counts down (`Vm::attention_passes`): whatever
    /// needs the scheduler sooner (an exception for this thread, a
    /// blocking call) sets it to 1.
    pub(crate) countdown: u32,
    /// The nesting level of the dispatch loop that may switch threads,
    /// while `run_scheduled` runs.
    base_nesting: Option<usize>,
    /// Set when a switch (or a rewound frame) requires the dispatch loop to
    /// reload its frame before the next instruction.
    pub(crate) switched: bool,
    /// Rust code calling back into guest callables (`Vm::call`): natives
    /// called from there must not switch threads.
    pub(crate) reentry: u32,
    /// The `threading` module's `_active` dict, so that threads a run
    /// dropped (daemons, a hard kill) leave it too.
    pub(crate) active_dict: Value,
    /// A soft kill of the whole VM was delivered: the run now waits for
    /// every thread, daemons included, to unwind.
    killed: bool,
    /// How the main thread ended, while other threads still run.
    main_result: Option<VmResult<Value>>,
}

impl Default for Threads {
    fn default() -> Self {
        Threads {
            list: vec![GuestThread::new(
                MAIN_IDENT,
                Value::None,
                false,
                State::Runnable,
            )],
            current: 0,
            next_ident: MAIN_IDENT + 1,
            countdown: SLICE,
            base_nesting: None,
            switched: false,
            reentry: 0,
            active_dict: Value::None,
            killed: false,
            main_result: None,
        }
    }
}

impl Threads {
    /// The running thread.
    pub(crate) fn current(&self) -> &GuestThread {
        &self.list[self.current]
    }

    pub(crate) fn current_mut(&mut self) -> &mut GuestThread {
        &mut self.list[self.current]
    }

    /// Whether another thread than the running one is alive.
    pub(crate) fn is_multi(&self) -> bool {
        self.list.iter().filter(|t| t.alive()).count() > 1
    }

    fn index_of(&self, ident: i64) -> Option<usize> {
        self.list.iter().position(|t| t.ident == ident && t.alive())
    }

    /// Whether thread `ident` has started and not ended.
    pub(crate) fn is_alive(&self, ident: i64) -> bool {
        self.index_of(ident).is_some()
    }

    /// Marks every value the parked threads hold.
    pub(crate) fn trace(&self, t: &mut Tracer) {
        for (i, th) in self.list.iter().enumerate() {
            if i != self.current {
                let c = &th.ctx;
                t.values(&c.stack[..c.sp.min(c.stack.len())]);
                for f in &c.frames {
                    super::mark_frame(t, f);
                }
                t.value(c.exc_current);
                t.values(&c.gen_saved_exc);
                t.value(c.pending_kill);
            }
            t.value(th.entry);
            t.value(th.ready);
            t.value(th.trace);
            if let Pending::Raise(v) = th.pending {
                t.value(v);
            }
            if let Some((Wait::Lock(o) | Wait::Event(o), _)) = th.wait {
                t.mark(o);
            }
            for s in &th.trace_frames {
                s.trace(t);
            }
        }
        t.value(self.active_dict);
        match &self.main_result {
            Some(Ok(v)) => t.value(*v),
            Some(Err(e)) => {
                if let Unwind::Raise(v) = **e {
                    t.value(v);
                }
            }
            None => {}
        }
    }
}

/// A `Lock`'s state.
pub(crate) struct LockData {
    pub(crate) locked: std::cell::Cell<bool>,
}

impl OpaqueData for LockData {
    fn type_name(&self) -> &'static str {
        "lock"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// An `Event`'s flag.
pub(crate) struct EventData {
    pub(crate) flag: std::cell::Cell<bool>,
}

impl OpaqueData for EventData {
    fn type_name(&self) -> &'static str {
        "Event"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub(crate) fn lock_data<'a>(o: Gc<Opaque>) -> Option<&'a LockData> {
    o.inner().data.as_any().downcast_ref::<LockData>()
}

pub(crate) fn event_data<'a>(o: Gc<Opaque>) -> Option<&'a EventData> {
    o.inner().data.as_any().downcast_ref::<EventData>()
}

/// Attention bits the scheduler wakes for while every thread is blocked.
const WAKE: u32 = Attention::KILL
    | Attention::KILL_HARD
    | Attention::INTERRUPT
    | Attention::INJECT
    | Attention::THREAD;

impl Vm {
    // ------------------------------------------------------------ running

    /// Runs the frames of a run (from `stop`, the outermost dispatch loop
    /// of the run) and, once the guest has started threads, every thread
    /// until the main one and every non-daemon thread have ended. The
    /// result is the main thread's.
    pub(crate) fn run_scheduled(&mut self, stop: usize) -> VmResult<Value> {
        if stop != 0 || self.threads.base_nesting.is_some() {
            return self.run_loop::<{ Mode::CHECKED }>(stop);
        }
        self.threads.base_nesting = Some(self.nesting);
        // Calls into this run from Rust (a host's call) are below the base.
        let reentry = std::mem::replace(&mut self.threads.reentry, 0);
        let mut r = self.run_loop::<{ Mode::CHECKED }>(0);
        let result = loop {
            if let Err(e) = &r {
                if let Unwind::Kill(_) = **e {
                    // A hard kill ends every thread at once, running nothing.
                    break r;
                }
            }
            let idx = self.threads.current;
            self.thread_ended(idx, r);
            match self.schedule_after_end() {
                Ok(true) => r = self.run_loop::<{ Mode::CHECKED }>(0),
                Ok(false) => break self.threads.main_result.take().unwrap_or(Ok(Value::None)),
                Err(e) => break Err(e),
            }
        };
        self.threads.base_nesting = None;
        self.drop_threads();
        self.threads.reentry = reentry;
        result
    }

    /// Back to the main thread alone (end of a run): other threads are
    /// dropped without running anything more.
    pub(crate) fn drop_threads(&mut self) {
        if self.threads.current != 0 {
            self.switch_to(0);
        }
        let dropped: Vec<i64> = self.threads.list[1..].iter().map(|t| t.ident).collect();
        self.threads.list.truncate(1);
        for ident in dropped {
            self.forget_active(ident);
        }
        let main = &mut self.threads.list[0];
        main.state = State::Runnable;
        main.wait = None;
        main.ready = Value::Undef;
        main.pending = Pending::None;
        main.trace = Value::None;
        main.trace_frames.clear();
        self.threads.killed = false;
        self.threads.main_result = None;
        self.threads.countdown = SLICE;
        self.threads.switched = false;
        self.threads.reentry = 0;
        self.attention.lower(Attention::SWITCH);
        self.refresh_trace_bit();
    }

    /// In a forked child: only the running thread exists (as after
    /// CPython's fork); the others end without running anything more.
    pub(crate) fn forget_other_threads(&mut self) {
        let cur = self.threads.current;
        for (i, t) in self.threads.list.iter_mut().enumerate() {
            if i != cur {
                t.state = State::Finished;
                t.ctx = Context::default();
                t.wait = None;
                t.ready = Value::Undef;
                t.pending = Pending::None;
            }
        }
        self.update_switch_bit();
    }

    /// Bookkeeping for a thread whose frames are gone: wakes its joiners,
    /// reports a worker's uncaught exception, records the main thread's
    /// result.
    fn thread_ended(&mut self, idx: usize, r: VmResult<Value>) {
        let t = &mut self.threads.list[idx];
        t.state = State::Finished;
        t.wait = None;
        t.ready = Value::Undef;
        t.pending = Pending::None;
        t.trace = Value::None;
        t.trace_frames.clear();
        let ident = t.ident;
        if idx == 0 {
            self.threads.main_result = Some(r);
        } else if let Err(e) = r {
            if let Unwind::Raise(exc) = *e {
                // `_bootstrap_inner` reports everything it can catch; this
                // is what escaped it (an uncatchable kill, a failed start).
                if !self.exc_is(exc, ExcKind::SystemExit) {
                    let entry = self.threads.list[idx].entry;
                    self.report_thread_exception(entry, exc);
                }
            }
        }
        for t in self.threads.list.iter_mut() {
            if t.state == State::Blocked && matches!(t.wait, Some((Wait::Join(j), _)) if j == ident)
            {
                t.ready = Value::None;
            }
        }
        if idx != 0 {
            // The main thread stays in `_active` across runs, like the
            // `threading._main_thread` that describes it.
            self.forget_active(ident);
        }
    }

    /// Removes `ident` from `threading._active`.
    fn forget_active(&mut self, ident: i64) {
        if let Value::Dict(d) = self.threads.active_dict {
            let _ = self.dict_remove(d, Value::Int(ident));
        }
    }

    /// After the running thread ended: picks the next thread and switches
    /// to it (`true`), or says the run is over (`false`).
    fn schedule_after_end(&mut self) -> VmResult<bool> {
        loop {
            let killed = self.threads.killed;
            let main_done = self.threads.list[0].state == State::Finished;
            let others_matter = self.threads.list[1..]
                .iter()
                .any(|t| t.alive() && (killed || !t.daemon));
            if main_done && !others_matter {
                return Ok(false);
            }
            match self.pick_ready(false) {
                Some(idx) => {
                    self.switch_to(idx);
                    if self.resume(idx) {
                        self.update_switch_bit();
                        return Ok(true);
                    }
                }
                None => self.wait_for_any()?,
            }
        }
    }

    /// The scheduler's part of `service_attention` (`Attention::SWITCH`).
    pub(crate) fn thread_attention(&mut self) -> VmResult<()> {
        let cur = self.threads.current;
        if self.threads.list[cur].state == State::Blocked {
            return self.reschedule();
        }
        if let Some(e) = self.take_pending(cur) {
            self.update_switch_bit();
            return Err(e);
        }
        if self.threads.countdown > 1 {
            self.threads.countdown -= 1;
            return Ok(());
        }
        self.threads.countdown = SLICE;
        if self.threads.base_nesting == Some(self.nesting) {
            if let Some(idx) = self.pick_ready(false) {
                if idx != cur {
                    self.switch_to(idx);
                    if !self.resume(idx) {
                        // It ended at its start; back to where we were.
                        self.switch_to(cur);
                    }
                    self.threads.switched = true;
                }
            }
        }
        self.update_switch_bit();
        Ok(())
    }

    /// The running thread blocked: run another one (or this one again once
    /// its wait is over), sleeping while every thread waits.
    fn reschedule(&mut self) -> VmResult<()> {
        loop {
            match self.pick_ready(true) {
                Some(idx) => {
                    let prev = self.threads.current;
                    self.switch_to(idx);
                    if self.resume(idx) {
                        self.threads.switched = true;
                        self.update_switch_bit();
                        return Ok(());
                    }
                    // It ended at its start: keep the blocked thread's
                    // frames in place while looking further.
                    self.switch_to(prev);
                }
                None => self.wait_for_any()?,
            }
        }
    }

    /// The next thread that can run, round robin after the running one,
    /// which comes last (`include_current`) or not at all.
    fn pick_ready(&mut self, include_current: bool) -> Option<usize> {
        let n = self.threads.list.len();
        let cur = self.threads.current;
        let now = Instant::now();
        let last = if include_current { n } else { n - 1 };
        (1..=last)
            .map(|k| (cur + k) % n)
            .find(|&i| self.threads.list[i].ready_now(now))
    }

    /// Every thread waits: sleeps until the earliest deadline or a request
    /// from outside, whichever comes first.
    fn wait_for_any(&mut self) -> VmResult<()> {
        self.flush();
        let earliest = self
            .threads
            .list
            .iter()
            .filter(|t| t.state == State::Blocked)
            .filter_map(|t| t.wait.and_then(|(_, d)| d))
            .min();
        let d = match earliest {
            Some(at) => at.saturating_duration_since(Instant::now()),
            None => Duration::MAX,
        };
        if !d.is_zero() {
            self.attention.sleep(d, WAKE);
        }
        let word = self.attention.snapshot();
        if word & Attention::KILL_HARD != 0 {
            let reason = self.attention.reason().unwrap_or(KillReason::Host);
            return Err(Box::new(Unwind::Kill(reason)));
        }
        self.absorb_requests(word);
        Ok(())
    }

    /// Makes `idx` (already switched in) ready to run its next instruction.
    /// Returns `false` when it ended instead (a start that failed).
    fn resume(&mut self, idx: usize) -> bool {
        let t = &mut self.threads.list[idx];
        match t.state {
            State::New => {
                t.state = State::Runnable;
                let entry = t.entry;
                self.ensure_stack(2);
                self.stack[0] = entry;
                self.sp = 1;
                match self.invoke(0, 1, 0, &[], 0) {
                    Ok(Called::Pushed) => {
                        if !matches!(self.threads.list[idx].pending, Pending::None) {
                            self.attend_now();
                        }
                        true
                    }
                    Ok(Called::Done(v)) => {
                        self.thread_ended(idx, Ok(v));
                        false
                    }
                    Err(e) => {
                        self.thread_ended(idx, Err(e));
                        false
                    }
                }
            }
            State::Blocked => {
                t.state = State::Runnable;
                t.wait = None;
                let ready = std::mem::replace(&mut t.ready, Value::Undef);
                if matches!(t.pending, Pending::None) {
                    // The placeholder the blocking native returned is on top.
                    self.stack[self.sp - 1] = ready;
                } else {
                    // Point the frame back at the blocking call: the
                    // exception is raised by it at the next boundary.
                    if let Some(f) = self.frames.last_mut() {
                        f.pc -= 1;
                    }
                    self.threads.switched = true;
                    self.attend_now();
                }
                true
            }
            State::Runnable => {
                if !matches!(t.pending, Pending::None) {
                    self.attend_now();
                }
                true
            }
            State::Finished => false,
        }
    }

    /// Swaps the running thread's registers out and `idx`'s in.
    fn switch_to(&mut self, idx: usize) {
        let cur = self.threads.current;
        if idx == cur {
            return;
        }
        self.swap_context(cur);
        self.swap_context(idx);
        self.threads.current = idx;
        if !self.pending_kill.is_undef() {
            self.attention.raise(Attention::RERAISE);
        }
        self.threads.countdown = SLICE;
        self.refresh_trace_bit();
    }

    fn swap_context(&mut self, idx: usize) {
        let c = &mut self.threads.list[idx].ctx;
        std::mem::swap(&mut self.stack, &mut c.stack);
        std::mem::swap(&mut self.sp, &mut c.sp);
        std::mem::swap(&mut self.frames, &mut c.frames);
        std::mem::swap(&mut self.exc_current, &mut c.exc_current);
        std::mem::swap(&mut self.gen_saved_exc, &mut c.gen_saved_exc);
        std::mem::swap(&mut self.pending_kill, &mut c.pending_kill);
    }

    /// Whether the dispatch loop may run the instruction at `pc` without
    /// `service_attention`, although the attention word is raised: when
    /// the word only asks to count down the running thread's time slice
    /// (other guest threads could run, the slice is not over: then it
    /// counts one instruction), or only traces for a host hook on line
    /// events and `pc` is none of the code's trace stops (see
    /// `bytecode::trace_stops`; the plain stream only, where they are
    /// computed). The loop asks this before saving its registers, so a
    /// thread running beside others, or a line-traced run, pays a small
    /// call per instruction. Out of line on purpose: inlined into the loop
    /// it made single-threaded code 10-14% slower (callgrind).
    #[cold]
    #[inline(never)]
    pub(crate) fn attention_passes(
        &mut self,
        code: &crate::bytecode::Code,
        pc: usize,
        plain: bool,
    ) -> bool {
        match self.attention.snapshot() {
            Attention::SWITCH if self.threads.countdown > 1 => {
                self.threads.countdown -= 1;
                true
            }
            Attention::TRACE => self.trace_lines_only && plain && !code.is_trace_stop(pc),
            _ => false,
        }
    }

    /// Makes the running thread's next instruction go through the whole of
    /// `thread_attention` (an exception is waiting, or the thread blocked):
    /// while a time slice runs, the dispatch loop only counts it down.
    fn attend_now(&mut self) {
        self.threads.countdown = 1;
        self.attention.raise(Attention::SWITCH);
    }

    /// Thread `idx` has an exception waiting: the running thread gets it
    /// at its next instruction; another one when the scheduler next runs
    /// it (the running thread's time slice is not cut short for it, as a
    /// CPython thread keeps the GIL until its switch interval ends).
    fn pending_for(&mut self, idx: usize) {
        if idx == self.threads.current {
            self.attend_now();
        } else {
            self.attention.raise(Attention::SWITCH);
        }
    }

    /// Keeps `Attention::SWITCH` raised exactly while another thread could
    /// use the CPU, or the running one has an exception waiting.
    fn update_switch_bit(&mut self) {
        let cur = self.threads.current;
        let needed = self.threads.list.iter().enumerate().any(|(i, t)| {
            if i == cur {
                return !matches!(t.pending, Pending::None);
            }
            match t.state {
                State::New | State::Runnable => true,
                State::Finished => false,
                State::Blocked => {
                    !t.ready.is_undef()
                        || !matches!(t.pending, Pending::None)
                        || t.wait.is_some_and(|(w, d)| {
                            d.is_some() || matches!(w, Wait::Lock(l) if lock_data(l).is_some_and(|l| !l.locked.get()))
                        })
                }
            }
        });
        if needed {
            self.attention.raise(Attention::SWITCH);
        } else {
            self.attention.lower(Attention::SWITCH);
        }
    }

    // ------------------------------------------------------------ exceptions

    /// Takes the exception waiting for the running thread, ready to raise.
    pub(crate) fn take_current_pending(&mut self) -> Option<Box<Unwind>> {
        self.take_pending(self.threads.current)
    }

    /// Takes the exception waiting for thread `idx`, ready to raise.
    fn take_pending(&mut self, idx: usize) -> Option<Box<Unwind>> {
        let p = std::mem::replace(&mut self.threads.list[idx].pending, Pending::None);
        match p {
            Pending::None => None,
            Pending::Kill => Some(self.kill_exception()),
            Pending::Raise(v) => Some(match self.make_raisable(v) {
                Ok(exc) => Box::new(Unwind::Raise(exc)),
                Err(e) => e,
            }),
        }
    }

    /// Turns requests from outside (kills, Ctrl-C, injected exceptions,
    /// requests aimed at one thread) into per-thread pending exceptions,
    /// lowering their bits. The running thread gets its own at its next
    /// boundary, through `Attention::SWITCH`.
    pub(crate) fn absorb_requests(&mut self, word: u32) {
        if word & Attention::KILL != 0 {
            self.attention.lower(Attention::KILL);
            self.pend_kill_all();
        }
        if word & Attention::INTERRUPT != 0 {
            self.attention.lower(Attention::INTERRUPT);
            let cls = self.exc_class(ExcKind::KeyboardInterrupt);
            self.pend_raise(0, Value::Class(cls));
        }
        if word & Attention::INJECT != 0 {
            self.attention.lower(Attention::INJECT);
            if let Some((kind, msg)) = self.attention.take_injected() {
                if let Unwind::Raise(exc) = *self.injected_exception(&kind, &msg) {
                    self.pend_raise(0, exc);
                }
            }
        }
        if word & Attention::THREAD != 0 {
            self.attention.lower(Attention::THREAD);
            for (ident, req) in self.attention.take_thread_requests() {
                let Some(idx) = self.threads.index_of(ident) else {
                    continue;
                };
                match req {
                    ThreadRequest::Kill => self.pend_kill(idx),
                    ThreadRequest::Raise(kind, msg) => {
                        if let Unwind::Raise(exc) = *self.injected_exception(&kind, &msg) {
                            self.pend_raise(idx, exc);
                        }
                    }
                }
            }
        }
        self.attention.raise(Attention::SWITCH);
    }

    /// A soft kill of the whole VM: every thread receives `SystemExit`.
    pub(crate) fn pend_kill_all(&mut self) {
        self.threads.killed = true;
        for i in 0..self.threads.list.len() {
            self.pend_kill(i);
        }
    }

    fn pend_kill(&mut self, idx: usize) {
        let t = &mut self.threads.list[idx];
        if t.alive() {
            t.pending = Pending::Kill;
            self.pending_for(idx);
        }
    }

    fn pend_raise(&mut self, idx: usize, exc: Value) {
        let t = &mut self.threads.list[idx];
        // A kill is never replaced by a lesser exception.
        if t.alive() && !matches!(t.pending, Pending::Kill) {
            t.pending = Pending::Raise(exc);
            self.pending_for(idx);
        }
    }

    /// The soft kill's `SystemExit` for the running thread; with other
    /// threads alive, each of them receives one too.
    pub(crate) fn soft_kill(&mut self) -> Box<Unwind> {
        if self.threads.is_multi() {
            self.pend_kill_all();
            self.threads.current_mut().pending = Pending::None;
        }
        self.kill_exception()
    }

    /// `PyThreadState_SetAsyncExc(ident, exc)`: `exc` (a class or an
    /// instance; `None` clears) is raised in thread `ident` at its next
    /// instruction, waking it from a blocking call. Returns how many
    /// threads were affected (0 for an unknown or finished thread).
    pub(crate) fn set_async_exc(&mut self, ident: i64, exc: Option<Value>) -> i64 {
        let Some(idx) = self.threads.index_of(ident) else {
            return 0;
        };
        let t = &mut self.threads.list[idx];
        match exc {
            None => {
                if let Pending::Raise(_) = t.pending {
                    t.pending = Pending::None;
                }
            }
            Some(v) => self.pend_raise(idx, v),
        }
        1
    }

    // ------------------------------------------------------------ natives

    /// Starts a thread that will call `entry()` (the guest `Thread`'s
    /// bootstrap); it runs when the scheduler gets to it. Returns its ident.
    pub(crate) fn start_thread(&mut self, entry: Value, daemon: bool) -> i64 {
        let ident = self.threads.next_ident;
        self.threads.next_ident += 1;
        self.threads
            .list
            .push(GuestThread::new(ident, entry, daemon, State::New));
        self.attention.raise(Attention::SWITCH);
        ident
    }

    /// The running thread's ident (`threading.get_ident()`).
    pub(crate) fn current_ident(&self) -> i64 {
        self.threads.current().ident
    }

    /// Whether a native called right now may park its thread with
    /// [`Vm::block`]: it was called directly by the outermost dispatch
    /// loop, and there is another thread to run meanwhile.
    pub(crate) fn can_block(&self) -> bool {
        self.threads.base_nesting == Some(self.nesting)
            && self.threads.reentry == 0
            && self.threads.is_multi()
    }

    /// Parks the running thread on `wait` until `deadline` (if any). The
    /// native must return the placeholder this returns at once: the
    /// scheduler replaces it with the wait's result.
    pub(crate) fn block(&mut self, wait: Wait, deadline: Option<Instant>) -> Value {
        let t = self.threads.current_mut();
        t.state = State::Blocked;
        t.wait = Some((wait, deadline));
        t.ready = Value::Undef;
        self.attend_now();
        Value::None
    }

    /// A wait no other guest thread can end (a single thread, or a call
    /// from deeper than the dispatch loop): sleeps until `deadline`
    /// (forever when `None`), waking at once for a kill or an exception
    /// aimed at this thread, which is raised.
    pub(crate) fn wait_in_place(&mut self, deadline: Option<Instant>) -> VmResult<()> {
        self.flush();
        loop {
            let left = match deadline {
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(l) if !l.is_zero() => l,
                    _ => return Ok(()),
                },
                None => Duration::MAX,
            };
            if self.attention.sleep(left, WAKE) {
                self.poll()?;
            }
        }
    }

    /// `Event.set()`: its waiters are ready (with `True`), whatever
    /// happens to the flag before they run (CPython's notified waiters).
    pub(crate) fn event_set(&mut self, ev: Gc<Opaque>) {
        let mut woke = false;
        for t in self.threads.list.iter_mut() {
            if t.state == State::Blocked
                && matches!(t.wait, Some((Wait::Event(e), _)) if Gc::ptr_eq(e, ev))
            {
                t.ready = Value::Bool(true);
                woke = true;
            }
        }
        if woke {
            self.attention.raise(Attention::SWITCH);
        }
    }

    /// `Lock.release()`: a thread waiting for the lock may take it.
    pub(crate) fn lock_released(&mut self, lock: Gc<Opaque>) {
        let waiting = self.threads.list.iter().any(|t| {
            t.state == State::Blocked
                && matches!(t.wait, Some((Wait::Lock(l), _)) if Gc::ptr_eq(l, lock))
        });
        if waiting {
            self.attention.raise(Attention::SWITCH);
        }
    }

    /// The `threading.Thread` a thread runs for (the receiver of its
    /// bootstrap method), if any.
    fn thread_object(entry: Value) -> Value {
        match entry {
            Value::Method(m) => m.receiver,
            _ => Value::None,
        }
    }

    /// CPython's `threading.excepthook` output: `Exception in thread
    /// NAME:` and the traceback, on stderr. `SystemExit` is silent.
    pub(crate) fn report_thread_exception(&mut self, thread: Value, exc: Value) {
        if self.exc_is(exc, ExcKind::SystemExit) {
            return;
        }
        let thread = match thread {
            Value::Method(_) => Self::thread_object(thread),
            other => other,
        };
        self.roots.push(exc);
        self.roots.push(thread);
        let name_sym = self.intern("name");
        let name = match self.lookup_attr(thread, name_sym) {
            Ok(Some(v)) => self.to_str(v).ok(),
            _ => None,
        }
        .unwrap_or_else(|| format!("{}", self.current_ident()));
        let text = self.format_exception(exc);
        self.roots.truncate(self.roots.len() - 2);
        let _ = self.write_out(&format!("Exception in thread {name}:\n{text}"), true);
    }

    /// `time.sleep(secs)` in a guest thread: other threads run meanwhile.
    pub(crate) fn thread_sleep(&mut self, secs: f64) -> VmResult<Value> {
        if !self.can_block() {
            self.sleep(secs)?;
            return Ok(Value::None);
        }
        let d = Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX);
        Ok(self.block(Wait::Sleep, Instant::now().checked_add(d)))
    }

    /// `Thread.join(timeout)` of thread `ident`.
    pub(crate) fn thread_join(&mut self, ident: i64, timeout: Option<Duration>) -> VmResult<Value> {
        if !self.threads.is_alive(ident) || timeout.is_some_and(|t| t.is_zero()) {
            return Ok(Value::None);
        }
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        if self.can_block() {
            return Ok(self.block(Wait::Join(ident), deadline));
        }
        self.wait_in_place(deadline)?;
        Ok(Value::None)
    }
}
