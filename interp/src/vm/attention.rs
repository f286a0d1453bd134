//! `service_attention`: the one consumer of the attention word. The
//! dispatch loop comes here, never inlined, whenever the word is non-zero;
//! each bit is handled in order of precedence (a hard kill beats
//! everything; garbage collection happens before anything can run guest
//! code).

use crate::attention::{Attention, KillReason};
use crate::object::KillMark;
use crate::trace::{HookAction, TraceEvent, TraceKind};
use crate::value::Value;

use super::{ExcKind, Unwind, Vm, VmResult};

impl Vm {
    /// Reacts to the raised bits before the instruction at the current
    /// frame's `pc` runs. An `Err` is raised *at* that instruction.
    #[cold]
    #[inline(never)]
    pub(crate) fn service_attention(&mut self) -> VmResult<()> {
        let mut word = self.attention.snapshot();
        if word == Attention::TRACE && self.trace_lines_only {
            // A trace stop under a line hook, the common case of a traced
            // run: nothing else to look at.
            return self.trace_instruction();
        }
        // A kill goes first: the collection it would wait for here
        // (milliseconds on a big heap) can run at the next instruction
        // boundary, in a `finally`, or never if none runs. One that arrives
        // during the collection's mark phase makes it give up.
        if word & Attention::GC != 0 && word & (Attention::KILL | Attention::KILL_HARD) == 0 {
            self.attention.lower(Attention::GC);
            let complete = self.collect_garbage();
            // Requests that arrived meanwhile are served below.
            word = self.attention.snapshot();
            if !complete {
                self.attention.raise(Attention::GC);
            } else if let Some(max) = self.config.max_heap {
                if self.heap.bytes() > max {
                    // Still above the limit with only live objects left.
                    // Headroom (an eighth of the limit) lets an `except
                    // MemoryError:` handler run; past it every collection
                    // raises again, so the heap stays bounded.
                    let ceiling = max.saturating_add(max / 8 + (64 << 10));
                    self.heap.set_threshold(ceiling);
                    return Err(self.memory_error(0));
                }
            }
        }
        if word & Attention::KILL_HARD != 0 {
            // Sticky: never lowered here, so no guest code runs again until
            // the host resets the VM for a new run.
            let reason = self.attention.reason().unwrap_or(KillReason::Host);
            return Err(Box::new(Unwind::Kill(reason)));
        }
        const REQUESTS: u32 =
            Attention::KILL | Attention::INTERRUPT | Attention::INJECT | Attention::THREAD;
        if word & REQUESTS != 0 && (word & Attention::THREAD != 0 || self.threads.is_multi()) {
            // With guest threads, requests become per-thread exceptions
            // (a kill for every thread, Ctrl-C for the main one), delivered
            // by the scheduler below.
            self.absorb_requests(word);
            word = (word & !REQUESTS) | Attention::SWITCH;
        }
        if word & Attention::KILL != 0 {
            self.attention.lower(Attention::KILL);
            return Err(self.kill_exception());
        }
        if word & Attention::RERAISE != 0 {
            self.attention.lower(Attention::RERAISE);
            let k = std::mem::replace(&mut self.pending_kill, Value::Undef);
            if !k.is_undef() {
                return Err(Box::new(Unwind::Raise(k)));
            }
        }
        if word & Attention::INTERRUPT != 0 {
            self.attention.lower(Attention::INTERRUPT);
            return Err(self.new_error_noargs(ExcKind::KeyboardInterrupt));
        }
        if word & Attention::INJECT != 0 {
            self.attention.lower(Attention::INJECT);
            if let Some((kind, msg)) = self.attention.take_injected() {
                return Err(self.injected_exception(&kind, &msg));
            }
        }
        if word & Attention::SWITCH != 0 {
            self.thread_attention()?;
            if self.threads.switched {
                // Another thread's frame: the loop reloads it first.
                return Ok(());
            }
        }
        if word & Attention::BUDGET != 0 {
            if self.budget == 0 {
                self.attention.set_reason(KillReason::Budget);
                if self.budget_soft_spent {
                    // The grace instructions after the soft budget kill ran
                    // out too (a bare `except:` swallowed it, or `finally`
                    // blocks ran long): stop hard, deterministically.
                    self.attention.lower(Attention::BUDGET);
                    self.attention.raise(Attention::KILL_HARD);
                    let reason = self.attention.reason().unwrap_or(KillReason::Budget);
                    return Err(Box::new(Unwind::Kill(reason)));
                }
                match self.budget_grace {
                    Some(grace) => {
                        self.budget = grace;
                        self.budget_soft_spent = true;
                    }
                    None => self.attention.lower(Attention::BUDGET),
                }
                return Err(self.soft_kill());
            }
            self.budget -= 1;
        }
        if word & Attention::TRACE != 0 {
            if self.trace_hook.is_some() {
                self.trace_instruction()?;
            }
            if self.guest_traced {
                self.guest_trace_step()?;
            }
        }
        Ok(())
    }

    /// The soft kill: a `SystemExit` marked as the host's, uncatchable when
    /// the policy says so.
    pub(crate) fn kill_exception(&mut self) -> Box<Unwind> {
        let reason = self.attention.reason().unwrap_or(KillReason::Host);
        if self.soft_kill_site.is_empty() {
            // The first of the run (one per guest thread may follow).
            self.soft_kill_site = self.current_sites();
            // The host waits for the run to end: a full collection in the
            // first `finally` (milliseconds on a big heap) would be most
            // of that wait.
            if !self.heap.defer_collection() {
                self.attention.lower(Attention::GC);
            }
        }
        let e = self.new_error_noargs(ExcKind::SystemExit);
        if let Unwind::Raise(exc) = *e {
            self.mark_kill(
                exc,
                KillMark {
                    reason,
                    uncatchable: self.config.uncatchable_kill,
                },
            );
        }
        e
    }

    pub(crate) fn injected_exception(&mut self, kind: &str, msg: &str) -> Box<Unwind> {
        let k = ExcKind::from_name(kind).unwrap_or(ExcKind::RuntimeError);
        if msg.is_empty() {
            self.new_error_noargs(k)
        } else {
            self.error(k, msg)
        }
    }

    /// How many items a long builtin handles between two [`poll`]s: about
    /// 10 µs of work at the slow end (filling fresh memory faults in a page
    /// every 256 values, a few µs each on a virtual machine; a sort's
    /// comparison through its order is 5-10 ns), a tenth of the
    /// kill-latency target.
    ///
    /// [`poll`]: Vm::poll
    pub(crate) const POLL_EVERY: usize = 1 << 10;

    /// Requests that stop a collection or a release of big buffers (see
    /// `gc.rs`) so that they land first.
    pub(crate) const URGENT: u32 =
        Attention::KILL | Attention::KILL_HARD | Attention::INTERRUPT | Attention::INJECT;

    /// Polls the attention word from inside a long builtin (a big `join`,
    /// `sorted`, `[0] * n`): kills, interrupts and injected exceptions land
    /// here instead of after the builtin returns. Collections are left for
    /// the next instruction boundary.
    #[inline]
    pub fn poll(&mut self) -> VmResult<()> {
        let word = self.attention.snapshot();
        if word & (Self::URGENT | Attention::THREAD) == 0 {
            return Ok(());
        }
        self.poll_slow(word)
    }

    #[cold]
    fn poll_slow(&mut self, word: u32) -> VmResult<()> {
        if word & Attention::KILL_HARD != 0 {
            let reason = self.attention.reason().unwrap_or(KillReason::Host);
            return Err(Box::new(Unwind::Kill(reason)));
        }
        let requests = Attention::KILL | Attention::INTERRUPT | Attention::INJECT;
        if word & Attention::THREAD != 0 || (word & requests != 0 && self.threads.is_multi()) {
            // As in `service_attention`; this thread's share lands now.
            self.absorb_requests(word);
            return match self.take_current_pending() {
                Some(e) => Err(e),
                None => Ok(()),
            };
        }
        if word & Attention::KILL != 0 {
            self.attention.lower(Attention::KILL);
            return Err(self.kill_exception());
        }
        if word & Attention::INTERRUPT != 0 {
            self.attention.lower(Attention::INTERRUPT);
            return Err(self.new_error_noargs(ExcKind::KeyboardInterrupt));
        }
        if word & Attention::INJECT != 0 {
            self.attention.lower(Attention::INJECT);
            if let Some((kind, msg)) = self.attention.take_injected() {
                return Err(self.injected_exception(&kind, &msg));
            }
        }
        Ok(())
    }

    /// Sleeps for `secs` (`time.sleep`), waking at once for a kill, an
    /// interrupt or an injected exception.
    pub fn sleep(&mut self, secs: f64) -> VmResult<()> {
        self.flush();
        if secs > 0.0 {
            let d =
                std::time::Duration::try_from_secs_f64(secs).unwrap_or(std::time::Duration::MAX);
            self.attention.sleep(
                d,
                Attention::KILL | Attention::KILL_HARD | Attention::INTERRUPT | Attention::INJECT,
            );
        }
        self.poll()
    }

    // ------------------------------------------------------------ tracing

    /// Installs a host trace hook (replacing any other).
    pub fn set_trace_hook(&mut self, hook: Option<Box<dyn crate::trace::TraceHook>>) {
        self.hook_wants_instructions = hook.as_ref().is_some_and(|h| h.wants_instructions());
        self.trace_hook = hook;
        self.refresh_trace_bit();
    }

    /// Sets an instruction budget: after `n` more instructions the run is
    /// killed with reason `Budget`. `None` removes it.
    pub fn set_instruction_budget(&mut self, n: Option<u64>) {
        self.budget_soft_spent = false;
        match n {
            Some(n) => {
                self.budget = n;
                self.attention.raise(Attention::BUDGET);
            }
            None => self.attention.lower(Attention::BUDGET),
        }
    }

    /// How many more instructions the guest may run after the budget's
    /// soft kill (its `SystemExit`) before the budget kills it hard.
    /// `None` (the default): the soft kill is all, as with
    /// `set_instruction_budget` alone.
    pub fn set_budget_grace(&mut self, grace: Option<u64>) {
        self.budget_grace = grace;
    }

    fn emit_trace(&mut self, kind: TraceKind, pc: u32, exception: Option<&str>) -> VmResult<()> {
        let Some(frame) = self.frames.last().copied() else {
            return Ok(());
        };
        let code = frame.code.inner();
        let line = code.code.line_near(pc as usize);
        let depth = self.frames.len();
        let ev = TraceEvent {
            kind,
            filename: &code.source.filename,
            function: code.name.inner().as_str(),
            line,
            pc,
            depth,
            exception,
        };
        let action = match self.trace_hook.as_mut() {
            Some(h) => h.on_event(&ev),
            None => HookAction::Continue,
        };
        match action {
            HookAction::Continue => Ok(()),
            HookAction::Raise(kind, msg) => Err(self.injected_exception(&kind, &msg)),
            HookAction::Kill(reason) => {
                self.attention.set_reason(reason);
                Err(self.soft_kill())
            }
            HookAction::KillHard(reason) => {
                self.attention.set_reason(reason);
                self.attention.raise(Attention::KILL_HARD);
                Err(Box::new(Unwind::Kill(reason)))
            }
        }
    }

    /// Computes the events due before the instruction at the current pc.
    fn trace_instruction(&mut self) -> VmResult<()> {
        // Most instructions start no line, enter no frame and return from
        // none: they only move `trace_pc` on, without an event.
        let wants = self.hook_wants_instructions;
        let Some(frame) = self.frames.last_mut() else {
            return Ok(());
        };
        let pc = frame.pc;
        let code = frame.code.inner();
        let line = code.code.line_of(pc as usize);
        if !wants
            && frame.trace_line != 0
            && (line == 0 || (line == frame.trace_line && pc >= frame.trace_pc))
            && !matches!(
                code.code.ops[pc as usize],
                crate::bytecode::Op::Return | crate::bytecode::Op::Yield
            )
        {
            frame.trace_pc = pc;
            return Ok(());
        }
        self.trace_events()
    }

    /// The events due before the current instruction (`trace_instruction`'s
    /// slow path).
    #[inline(never)]
    fn trace_events(&mut self) -> VmResult<()> {
        let Some(frame) = self.frames.last().copied() else {
            return Ok(());
        };
        let pc = frame.pc;
        let code = frame.code.inner();
        let line = code.code.line_of(pc as usize);
        if frame.trace_line == 0 {
            self.frames.last_mut().unwrap().trace_line = u32::MAX;
            self.emit_trace(TraceKind::Call, pc, None)?;
        }
        let f = *self.frames.last().unwrap();
        let backward = pc < f.trace_pc;
        // An instruction without a line (an artificial jump) starts none.
        if line != 0 && (line != f.trace_line || backward) {
            let fm = self.frames.last_mut().unwrap();
            fm.trace_line = line;
            self.emit_trace(TraceKind::Line, pc, None)?;
        }
        self.frames.last_mut().unwrap().trace_pc = pc;
        if self.hook_wants_instructions {
            self.emit_trace(TraceKind::Instruction, pc, None)?;
        }
        if matches!(
            code.code.ops[pc as usize],
            crate::bytecode::Op::Return | crate::bytecode::Op::Yield
        ) {
            self.emit_trace(TraceKind::Return, pc, None)?;
        }
        Ok(())
    }

    /// An `exception` event for the frame the exception is passing through.
    pub(crate) fn trace_exception(&mut self, exc: Value) -> VmResult<()> {
        let name = match exc {
            Value::Instance(i) => i.class.name.to_string(),
            _ => String::new(),
        };
        let pc = self.frames.last().map_or(0, |f| f.pc.saturating_sub(1));
        self.emit_trace(TraceKind::Exception, pc, Some(&name))
    }
}
