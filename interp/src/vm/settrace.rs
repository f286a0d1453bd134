//! Guest tracing: `sys.settrace` / `sys.gettrace`, per guest thread, with
//! CPython 3.11's events and protocol. This module owns the frame objects
//! a trace function receives and the per-frame tracing state.
//!
//! - The thread's trace function gets a `call` event for every frame
//!   entered after `sys.settrace` (a resumed generator is entered again);
//!   what it returns becomes the frame's `f_trace`, the *local* trace
//!   function, which gets that frame's `line`, `opcode` (when
//!   `f_trace_opcodes` is set), `return` and `exception` events. A local
//!   function returning `None` stays in place; one returning another
//!   function is replaced by it (CPython's `trace_trampoline`).
//! - A `line` event fires before an instruction that starts a different
//!   line than the instruction executed before it in the frame, or that is
//!   reached by a backward jump (CPython's `maybe_call_line_trace`).
//! - A trace function that raises is removed (`sys.settrace(None)`) and
//!   the exception is raised in the traced code where the event happened.
//! - Trace functions run untraced.
//!
//! It rides the attention word like host hooks: while the running thread
//! has a trace function, `Attention::TRACE` is raised, every instruction
//! passes through `service_attention` (which calls `guest_trace_step`), and
//! frames run the plain instruction stream. Otherwise none of this costs
//! anything.

use std::cell::Cell;

use crate::attention::Attention;
use crate::bytecode::Op;
use crate::gc::{Gc, Tracer};
use crate::intern::Symbol;
use crate::object::*;
use crate::value::Value;

use super::{Unwind, Vm, VmResult};

/// A guest-visible `frame` object.
pub(crate) struct FrameObj {
    code: Gc<CodeObj>,
    /// Index of the frame in its thread's frame stack.
    depth: usize,
    /// The thread the frame belongs to.
    thread: i64,
    lineno: Cell<u32>,
    back: Cell<Value>,
    f_trace: Cell<Value>,
    trace_lines: Cell<bool>,
    trace_opcodes: Cell<bool>,
}

impl OpaqueData for FrameObj {
    fn type_name(&self) -> &'static str {
        "frame"
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.code);
        t.value(self.back.get());
        t.value(self.f_trace.get());
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Tracing state of one frame of a traced thread, indexed by depth.
pub(crate) struct TraceSlot {
    /// Identity of the frame (code and stack base) while it is live.
    code: Gc<CodeObj>,
    base: u32,
    live: bool,
    frame: Gc<Opaque>,
    /// The instruction executed before the current one, and its line.
    prev_pc: u32,
    prev_line: u32,
}

impl TraceSlot {
    pub(crate) fn trace(&self, t: &mut Tracer) {
        t.mark(self.code);
        t.mark(self.frame);
    }
}

fn frame_obj<'a>(o: Gc<Opaque>) -> &'a FrameObj {
    match o.inner().data.as_any().downcast_ref::<FrameObj>() {
        Some(f) => f,
        None => unreachable!("trace slots hold frame objects"),
    }
}

/// The events, as trace functions see them.
#[derive(Clone, Copy)]
enum Event {
    Call,
    Line,
    Return,
    Exception,
    Opcode,
}

impl Vm {
    /// `sys.settrace(f)` for the running thread: frames entered from now on
    /// are reported to `f` (`None` turns tracing off).
    pub(crate) fn set_guest_trace(&mut self, f: Value) {
        let depth = self.frames.len();
        let t = self.threads.current_mut();
        t.trace = f;
        t.trace_frames.clear();
        if !f.is_none() {
            // Frames already running are not traced (their `f_trace` is
            // unset); they get slots so their lines are followed.
            for d in 0..depth {
                self.trace_slot(d);
            }
        }
        self.refresh_trace_bit();
    }

    /// `sys.settrace(f)` on the guest's behalf, between runs: the next
    /// run's frames, its module frame first, are traced by the guest
    /// function `f` (defined by an earlier run in this VM), as if the script
    /// had called `sys.settrace(f)` just before it started. The end of that
    /// run removes it, as the end of a thread does.
    pub fn set_guest_trace_function(&mut self, f: Value) {
        self.set_guest_trace(f);
    }

    /// `sys.gettrace()` of the running thread.
    pub(crate) fn guest_trace(&self) -> Value {
        self.threads.current().trace
    }

    /// Raises or lowers `Attention::TRACE` for the host hook and the
    /// running thread's trace function.
    pub(crate) fn refresh_trace_bit(&mut self) {
        self.guest_traced = !self.threads.current().trace.is_none();
        self.trace_lines_only =
            self.trace_hook.is_some() && !self.hook_wants_instructions && !self.guest_traced;
        if self.trace_hook.is_some() || self.guest_traced {
            self.attention.raise(Attention::TRACE);
        } else {
            self.attention.lower(Attention::TRACE);
        }
    }

    /// The slot of frame `depth` of the running thread, created for a frame
    /// not seen before (with no local trace function).
    fn trace_slot(&mut self, depth: usize) -> (Gc<Opaque>, bool) {
        let frame = self.frames[depth];
        let slots = &self.threads.current().trace_frames;
        if let Some(s) = slots.get(depth) {
            if s.live && s.base == frame.base && Gc::ptr_eq(s.code, frame.code) {
                return (s.frame, false);
            }
        }
        let pc = frame.pc;
        let prev_line = if pc == 0 {
            frame.code.code.first_line
        } else {
            frame.code.code.line_of(pc as usize - 1)
        };
        let obj = self.alloc(Opaque {
            data: Box::new(FrameObj {
                code: frame.code,
                depth,
                thread: self.current_ident(),
                lineno: Cell::new(prev_line),
                back: Cell::new(Value::Undef),
                f_trace: Cell::new(Value::None),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
            }),
        });
        let slot = TraceSlot {
            code: frame.code,
            base: frame.base,
            live: true,
            frame: obj,
            prev_pc: pc,
            prev_line,
        };
        let slots = &mut self.threads.current_mut().trace_frames;
        slots.truncate(depth);
        while slots.len() < depth {
            // Ancestors are filled in on demand (`f_back`); placeholders
            // never match a frame.
            slots.push(TraceSlot {
                code: slot.code,
                base: u32::MAX,
                live: false,
                frame: obj,
                prev_pc: 0,
                prev_line: 0,
            });
        }
        slots.push(slot);
        (obj, true)
    }

    /// Events due before the instruction at the running frame's pc.
    pub(crate) fn guest_trace_step(&mut self) -> VmResult<()> {
        if self.in_tracer || self.frames.is_empty() {
            return Ok(());
        }
        let depth = self.frames.len() - 1;
        let frame = self.frames[depth];
        let pc = frame.pc;
        let (obj, fresh) = self.trace_slot(depth);
        let f = frame_obj(obj);
        if fresh {
            // Entered while tracing: the thread's trace function decides
            // whether (and by what) the frame is traced.
            let global = self.threads.current().trace;
            let r = self.call_tracer(global, obj, Event::Call, Value::None)?;
            if !r.is_none() {
                f.f_trace.set(r);
            }
        }
        let line = frame.code.code.line_of(pc as usize);
        let leaving = matches!(frame.code.code.ops[pc as usize], Op::Return | Op::Yield);
        let slot = &mut self.threads.current_mut().trace_frames[depth];
        let (prev_pc, prev_line) = (slot.prev_pc, slot.prev_line);
        slot.prev_pc = pc;
        slot.prev_line = line;
        if leaving {
            // The next frame at this depth is another one, even with the
            // same code and stack base.
            slot.live = false;
        }
        if f.f_trace.get().is_none() {
            return Ok(());
        }
        if line != 0 && f.trace_lines.get() && (line != prev_line || pc < prev_pc) {
            f.lineno.set(line);
            self.local_event(obj, Event::Line, Value::None)?;
        }
        if f.trace_opcodes.get() && !f.f_trace.get().is_none() {
            self.local_event(obj, Event::Opcode, Value::None)?;
        }
        if leaving && !f.f_trace.get().is_none() {
            let value = self.stack[self.sp - 1];
            self.local_event(obj, Event::Return, value)?;
        }
        Ok(())
    }

    /// The `exception` event for the running frame (the exception was
    /// raised in it or passed into it from a callee). Returns the exception
    /// to go on with (a raising trace function replaces it).
    pub(crate) fn guest_trace_exception(&mut self, exc: Value) -> VmResult<Value> {
        let Some(obj) = self.traced_top() else {
            return Ok(exc);
        };
        let f = frame_obj(obj);
        if f.f_trace.get().is_none() {
            return Ok(exc);
        }
        let pc = self.frames.last().map_or(0, |fr| fr.pc.saturating_sub(1));
        let line = f.code.code.line_of(pc as usize);
        if line != 0 {
            f.lineno.set(line);
        }
        self.roots.push(exc);
        let cls = Value::Class(self.type_of(exc));
        let tb = self.traceback_object(exc, 0);
        self.roots.push(tb);
        let arg = self.tuple_value(vec![cls, exc, tb]);
        self.roots.truncate(self.roots.len() - 2);
        match self.local_event(obj, Event::Exception, arg) {
            Ok(()) => Ok(exc),
            Err(e) => match *e {
                Unwind::Raise(new) => Ok(new),
                Unwind::Kill(_) => Err(e),
            },
        }
    }

    /// The `return` event (with `None`) for the running frame, which an
    /// exception is leaving.
    pub(crate) fn guest_trace_unwind_exit(&mut self) {
        let Some(obj) = self.traced_top() else {
            return;
        };
        let depth = self.frames.len() - 1;
        if let Some(s) = self.threads.current_mut().trace_frames.get_mut(depth) {
            s.live = false;
        }
        let f = frame_obj(obj);
        if !f.f_trace.get().is_none() {
            let pc = self.frames[depth].pc.saturating_sub(1);
            let line = f.code.code.line_of(pc as usize);
            if line != 0 {
                f.lineno.set(line);
            }
            // Already unwinding: an error in the trace function is dropped
            // (CPython's `TRACE_FUNCTION_UNWIND`), but it still removes it.
            let _ = self.local_event(obj, Event::Return, Value::None);
        }
    }

    /// The frame object of the running frame, when the running thread is
    /// traced and that frame has a slot.
    fn traced_top(&mut self) -> Option<Gc<Opaque>> {
        if !self.guest_traced || self.in_tracer || self.frames.is_empty() {
            return None;
        }
        let depth = self.frames.len() - 1;
        let frame = self.frames[depth];
        let s = self.threads.current().trace_frames.get(depth)?;
        (s.live && s.base == frame.base && Gc::ptr_eq(s.code, frame.code)).then_some(s.frame)
    }

    /// Calls the frame's local trace function with `event`; what it
    /// returns (unless `None`) becomes the frame's `f_trace`.
    fn local_event(&mut self, obj: Gc<Opaque>, event: Event, arg: Value) -> VmResult<()> {
        let f = frame_obj(obj);
        let r = self.call_tracer(f.f_trace.get(), obj, event, arg)?;
        if !r.is_none() {
            f.f_trace.set(r);
        }
        Ok(())
    }

    /// Runs a trace function untraced. If it raises, tracing is removed
    /// from the thread and the frame, and the exception propagates.
    fn call_tracer(
        &mut self,
        func: Value,
        obj: Gc<Opaque>,
        event: Event,
        arg: Value,
    ) -> VmResult<Value> {
        if func.is_none() {
            return Ok(Value::None);
        }
        // In `Vm::new`'s order: call, line, return, exception, opcode.
        let name = Value::Str(self.trace_event_names[event as usize]);
        let saved = std::mem::replace(&mut self.in_tracer, true);
        // Nothing traces the trace function's own instructions: unless a
        // host hook wants them, let them run without the attention detour.
        let quiet = self.trace_hook.is_none();
        if quiet {
            self.attention.lower(Attention::TRACE);
        }
        let r = self.call(func, &[Value::Opaque(obj), name, arg]);
        self.in_tracer = saved;
        if quiet {
            self.refresh_trace_bit();
        }
        if r.is_err() {
            frame_obj(obj).f_trace.set(Value::None);
            self.set_guest_trace(Value::None);
        }
        r
    }

    /// `frame.name`.
    pub(crate) fn frame_attr(&mut self, o: Gc<Opaque>, name: Symbol) -> Option<Value> {
        let f = frame_obj(o);
        Some(match self.symbol_text(name) {
            "f_lineno" => Value::Int(f.lineno.get() as i64),
            "f_code" => Value::Code(f.code),
            "f_trace" => f.f_trace.get(),
            "f_trace_lines" => Value::Bool(f.trace_lines.get()),
            "f_trace_opcodes" => Value::Bool(f.trace_opcodes.get()),
            "f_back" => self.frame_back(f),
            "f_globals" => Value::Module(self.frames.get(f.depth).map(|fr| fr.module)?),
            _ => return None,
        })
    }

    /// `frame.f_back`: the caller's frame object, while both run.
    fn frame_back(&mut self, f: &FrameObj) -> Value {
        let cached = f.back.get();
        if !cached.is_undef() {
            return cached;
        }
        let live = f.thread == self.current_ident()
            && f.depth < self.frames.len()
            && Gc::ptr_eq(self.frames[f.depth].code, f.code);
        if !live || f.depth == 0 {
            return Value::None;
        }
        let (back, _) = self.trace_slot(f.depth - 1);
        let caller = self.frames[f.depth - 1];
        let line = caller
            .code
            .code
            .line_of(caller.pc.saturating_sub(1) as usize);
        frame_obj(back).lineno.set(line);
        f.back.set(Value::Opaque(back));
        Value::Opaque(back)
    }

    /// `frame.name = value`; `false` for an attribute frames do not let
    /// guests set.
    pub(crate) fn set_frame_attr(
        &mut self,
        o: Gc<Opaque>,
        name: Symbol,
        value: Value,
    ) -> VmResult<bool> {
        let f = frame_obj(o);
        match self.symbol_text(name) {
            "f_trace" => f.f_trace.set(value),
            "f_trace_lines" => {
                let b = self.truthy(value)?;
                f.trace_lines.set(b);
            }
            "f_trace_opcodes" => {
                let b = self.truthy(value)?;
                f.trace_opcodes.set(b);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `code.name` for the code objects frames expose.
    pub(crate) fn code_attr(&mut self, c: Gc<CodeObj>, name: Symbol) -> Option<Value> {
        Some(match self.symbol_text(name) {
            "co_name" => Value::Str(c.name),
            "co_qualname" => Value::Str(c.qualname),
            "co_filename" => {
                let f = c.source.filename.clone();
                self.string_value(f)
            }
            "co_firstlineno" => Value::Int(c.code.first_line as i64),
            "co_argcount" => Value::Int(c.code.argcount as i64),
            _ => return None,
        })
    }
}

/// Whether `v` is a frame object.
pub(crate) fn is_frame(o: Gc<Opaque>) -> bool {
    o.inner().data.as_any().is::<FrameObj>()
}
