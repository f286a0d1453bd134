//! The unwinder: what happens when an instruction fails. A hard kill
//! short-circuits everything (no handler, no `finally`, frames dropped). A
//! guest exception gets a traceback entry for each frame it leaves and its
//! implicit `__context__`, then the exception table of each frame, innermost
//! first, is searched for a handler (CPython 3.11's `exception_unwind`).

use crate::gc::Gc;
use crate::object::*;
use crate::value::Value;

use super::{FrameKind, Unwind, Vm, VmResult};

/// How the failing instruction raised.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum RaiseKind {
    /// A new raise (`raise`, or an instruction that failed): sets
    /// `__context__` when the exception is fresh.
    New,
    /// `Reraise` / bare `raise`: the current frame already has its entry.
    Reraise,
}

/// One frame of a kill report, as plain data (the frames themselves are
/// gone once the kill has unwound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KillSite {
    /// File name.
    pub filename: String,
    /// Line number.
    pub line: u32,
    /// Function name.
    pub name: String,
    /// The source line, stripped.
    pub source: Option<String>,
}

impl Vm {
    /// Handles `err`, raised by the instruction before `frames.last().pc`.
    /// Returns `Ok` when a handler in a frame above `stop` took it (the
    /// frame's pc and the stack are set up for the handler), or the error
    /// when it escapes those frames.
    #[inline(never)]
    pub(crate) fn unwind(&mut self, err: Box<Unwind>, stop: usize, how: RaiseKind) -> VmResult<()> {
        let mut exc = match *err {
            Unwind::Kill(_) => {
                // No guest code may see a hard kill: drop every frame of this
                // run without searching handlers.
                if self.kill_site.is_empty() {
                    self.kill_site = self.current_sites();
                }
                self.drop_frames_to(stop);
                return Err(err);
            }
            Unwind::Raise(e) => e,
        };
        if let Some(d) = Vm::exc_data(exc) {
            let fresh = d.traceback().is_empty();
            if how == RaiseKind::New && fresh {
                self.chain_context(exc);
            }
        }
        let mut add_entry = how == RaiseKind::New;
        loop {
            let frame = *self.frames.last().expect("unwinding with a frame");
            let pc = frame.pc.saturating_sub(1);
            if add_entry {
                if let Some(d) = Vm::exc_data(exc) {
                    d.push_traceback(TraceEntry {
                        code: frame.code,
                        pc,
                    });
                }
                // CPython reports an exception to a frame's trace function
                // where it gets its traceback entry (not on re-raises).
                if self.guest_traced {
                    exc = self.guest_trace_exception(exc)?;
                }
            }
            add_entry = true;
            if self.trace_hook.is_some() {
                self.trace_exception(exc)?;
            }
            if let Some(h) = frame.code.code.find_handler(pc) {
                let sp = frame.base as usize + frame.code.code.nslots() + h.depth as usize;
                self.stack[sp] = exc;
                self.sp = sp + 1;
                self.frames.last_mut().unwrap().pc = h.handler;
                return Ok(());
            }
            if self.guest_traced {
                self.guest_trace_unwind_exit();
            }
            self.frames.pop();
            self.sp = frame.ret as usize;
            self.frame_abandoned(&frame);
            if matches!(
                frame.kind,
                FrameKind::GenFor { .. }
                    | FrameKind::GenCall { .. }
                    | FrameKind::GenYieldFrom { .. }
            ) && self.exc_is(exc, super::ExcKind::StopIteration)
            {
                // PEP 479: a StopIteration escaping a generator body would
                // silently end the consumer's loop; it becomes RuntimeError.
                exc = self.stop_iteration_to_runtime_error(exc);
            }
            if self.frames.len() <= stop {
                return Err(Box::new(Unwind::Raise(exc)));
            }
        }
    }

    fn stop_iteration_to_runtime_error(&mut self, stop: Value) -> Value {
        self.roots.push(stop);
        let cls = self.exc_class(super::ExcKind::RuntimeError);
        let msg = self.str_value("generator raised StopIteration");
        let e = self.new_exception(cls, vec![msg]);
        self.roots.pop();
        if let Some(d) = Vm::exc_data(e) {
            d.cause.set(stop);
            d.context.set(stop);
            d.suppress_context.set(true);
        }
        e
    }

    /// Sets `exc.__context__` to the exception being handled, breaking any
    /// cycle that would create (CPython's `_PyErr_SetObject`).
    fn chain_context(&mut self, exc: Value) {
        let current = self.exc_current;
        if current.is_none() || current.is(exc) {
            return;
        }
        let Some(d) = Vm::exc_data(exc) else { return };
        // Walk the chain from `current`; if it reaches `exc`, cut it there.
        let mut o = current;
        let mut steps = 0;
        while let Some(od) = Vm::exc_data(o) {
            let next = od.context.get();
            if next.is(exc) {
                od.context.set(Value::None);
                break;
            }
            o = next;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        d.context.set(current);
    }

    /// Pops frames down to `stop` without running anything (hard kill).
    pub(crate) fn drop_frames_to(&mut self, stop: usize) {
        while self.frames.len() > stop {
            let frame = self.frames.pop().unwrap();
            self.sp = frame.ret as usize;
            self.frame_abandoned(&frame);
        }
    }

    /// Bookkeeping for a frame left by an exception or a kill.
    fn frame_abandoned(&mut self, frame: &super::Frame) {
        match frame.kind {
            FrameKind::GenFor { gen, .. }
            | FrameKind::GenCall { gen }
            | FrameKind::GenYieldFrom { gen, .. } => {
                gen.status.set(GenStatus::Done);
                gen.saved().clear();
                self.exc_current = self.gen_saved_exc.pop().unwrap_or(Value::None);
            }
            _ => {}
        }
    }

    /// Where the running thread's frames are, outermost first: the raw
    /// material of kill-report sites (see [`Vm::kill_site`]).
    pub(crate) fn current_sites(&self) -> Vec<(Gc<CodeObj>, u32)> {
        self.frames.iter().map(|f| (f.code, f.pc)).collect()
    }

    fn kill_sites(sites: &[(Gc<CodeObj>, u32)]) -> Vec<KillSite> {
        sites
            .iter()
            .map(|&(code, pc)| {
                let line = code.code.line_near(pc.saturating_sub(1) as usize);
                KillSite {
                    filename: code.source.filename.clone(),
                    line,
                    name: code.name.as_str().to_string(),
                    source: code
                        .source
                        .line(line as usize)
                        .map(|s| s.trim().to_string()),
                }
            })
            .collect()
    }

    /// Where the last hard kill landed (empty if none).
    pub fn kill_site(&self) -> Vec<KillSite> {
        Self::kill_sites(&self.kill_site)
    }

    /// Where the last soft kill's `SystemExit` was raised (empty if none).
    pub fn soft_kill_site(&self) -> Vec<KillSite> {
        Self::kill_sites(&self.soft_kill_site)
    }
}
