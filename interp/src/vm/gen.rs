//! Generators: a suspended frame is its slots and operand stack copied into
//! the generator object. Resuming copies them back onto the running
//! thread's stack and pushes a frame, so a generator driven by a `for`
//! loop runs in the same dispatch loop as its consumer (no Rust recursion);
//! a generator driven from Rust (`next()`, `list()`) runs in a nested loop.

use crate::gc::Gc;
use crate::intern::sym;
use crate::object::*;
use crate::value::Value;

use super::{ExcKind, Frame, FrameKind, Unwind, Vm, VmResult};

impl Vm {
    /// Pushes `g`'s frame at the top of the stack. `sent` becomes the value
    /// of the `yield` it is suspended at (ignored for a fresh generator).
    #[inline(never)]
    pub(crate) fn push_generator_frame(
        &mut self,
        g: Gc<Generator>,
        sent: Value,
        kind: FrameKind,
        ret: usize,
    ) -> VmResult<()> {
        match g.status.get() {
            GenStatus::Running => return Err(self.value_error("generator already executing")),
            GenStatus::Done => unreachable!("callers check for finished generators"),
            GenStatus::Created => {
                if !sent.is_none() && !sent.is_undef() {
                    return Err(
                        self.type_error("can't send non-None value to a just-started generator")
                    );
                }
            }
            GenStatus::Suspended => {}
        }
        if self.frames.len() >= self.config.recursion_limit {
            return Err(self.error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let base = self.sp;
        let code = g.code;
        self.ensure_stack(base + code.code.frame_size() + 2);
        let saved = g.saved();
        let n = saved.len();
        self.stack[base..base + n].copy_from_slice(saved);
        saved.clear();
        let mut sp = base + n;
        if g.status.get() == GenStatus::Suspended {
            self.stack[sp] = if sent.is_undef() { Value::None } else { sent };
            sp += 1;
        }
        g.status.set(GenStatus::Running);
        self.sp = sp;
        self.frames.push(Frame {
            code,
            func: Some(g.func),
            module: g.func.module,
            pc: g.pc.get(),
            base: base as u32,
            ret: ret as u32,
            kind,
            trace_line: 0,
            trace_pc: 0,
        });
        self.gen_saved_exc.push(self.exc_current);
        self.exc_current = Value::None;
        Ok(())
    }

    /// Suspends the generator frame on top at a `yield`: saves its slots and
    /// operand stack (below `sp`) and pops it.
    #[inline(never)]
    pub(crate) fn suspend_generator(&mut self, sp: usize, pc: u32) -> Frame {
        let frame = self.frames.pop().expect("generator frame");
        let gen = match frame.kind {
            FrameKind::GenFor { gen, .. }
            | FrameKind::GenCall { gen }
            | FrameKind::GenYieldFrom { gen, .. } => gen,
            _ => unreachable!("yield outside a generator frame"),
        };
        let base = frame.base as usize;
        let saved = gen.saved();
        saved.clear();
        saved.extend_from_slice(&self.stack[base..sp]);
        gen.pc.set(pc);
        gen.status.set(GenStatus::Suspended);
        self.exc_current = self.gen_saved_exc.pop().unwrap_or(Value::None);
        frame
    }

    /// The generator of a generator frame that returned.
    #[inline(never)]
    pub(crate) fn finish_generator(&mut self, frame: &Frame) {
        if let FrameKind::GenFor { gen, .. }
        | FrameKind::GenCall { gen }
        | FrameKind::GenYieldFrom { gen, .. } = frame.kind
        {
            gen.status.set(GenStatus::Done);
            gen.saved().clear();
            self.exc_current = self.gen_saved_exc.pop().unwrap_or(Value::None);
        }
    }

    /// `next(g)` / `g.send(v)` from Rust: the next yielded value, or `None`
    /// when the generator returned (its return value is in
    /// `gen_return_value`).
    pub(crate) fn resume_generator(
        &mut self,
        g: Gc<Generator>,
        sent: Value,
    ) -> VmResult<Option<Value>> {
        if g.status.get() == GenStatus::Done {
            self.gen_return_value = Value::None;
            return Ok(None);
        }
        let stop = self.frames.len();
        let ret = self.sp;
        self.ensure_stack(ret + 2);
        self.stack[ret] = Value::Generator(g);
        self.sp = ret + 1;
        let r: VmResult<_> = (|| {
            self.push_generator_frame(g, sent, FrameKind::GenCall { gen: g }, ret)?;
            self.enter_nested()?;
            let r = self.execute(stop);
            self.leave_nested();
            r
        })();
        self.sp = ret;
        let v = r?;
        if g.status.get() == GenStatus::Done {
            self.gen_return_value = v;
            Ok(None)
        } else {
            Ok(Some(v))
        }
    }

    /// Raises `exc` inside a suspended generator at its `yield`
    /// (`throw`, `close`). Returns the next yielded value, or `None` when it
    /// finished.
    pub(crate) fn throw_into_generator(
        &mut self,
        g: Gc<Generator>,
        exc: Value,
    ) -> VmResult<Option<Value>> {
        match g.status.get() {
            GenStatus::Done => return Err(Box::new(Unwind::Raise(exc))),
            GenStatus::Created => {
                // Never started: it finishes without running any code.
                g.status.set(GenStatus::Done);
                g.saved().clear();
                return Err(Box::new(Unwind::Raise(exc)));
            }
            _ => {}
        }
        let stop = self.frames.len();
        let ret = self.sp;
        self.ensure_stack(ret + 2);
        self.stack[ret] = Value::Generator(g);
        self.roots.push(exc);
        self.sp = ret + 1;
        let r: VmResult<_> = (|| {
            self.push_generator_frame(g, Value::None, FrameKind::GenCall { gen: g }, ret)?;
            // Drop the sent value: the exception replaces the yield's result.
            self.sp -= 1;
            self.enter_nested()?;
            let r = match self.unwind(
                Box::new(Unwind::Raise(exc)),
                stop,
                super::unwind::RaiseKind::New,
            ) {
                Ok(()) => self.execute(stop),
                Err(e) => Err(e),
            };
            self.leave_nested();
            r
        })();
        self.roots.pop();
        self.sp = ret;
        let v = r?;
        if g.status.get() == GenStatus::Done {
            self.gen_return_value = v;
            Ok(None)
        } else {
            Ok(Some(v))
        }
    }

    /// `g.close()`: raises `GeneratorExit` at the `yield`, so its `finally`
    /// blocks run.
    pub(crate) fn close_generator(&mut self, g: Gc<Generator>) -> VmResult<()> {
        if g.status.get() != GenStatus::Suspended {
            g.status.set(GenStatus::Done);
            g.saved().clear();
            return Ok(());
        }
        let cls = self.exc_class(ExcKind::GeneratorExit);
        let exc = self.new_exception(cls, Vec::new());
        match self.throw_into_generator(g, exc) {
            Ok(Some(_)) => {
                Err(self.error(ExcKind::RuntimeError, "generator ignored GeneratorExit"))
            }
            Ok(None) => Ok(()),
            Err(e) => match *e {
                Unwind::Raise(x)
                    if self.exc_is(x, ExcKind::GeneratorExit)
                        || self.exc_is(x, ExcKind::StopIteration) =>
                {
                    Ok(())
                }
                _ => Err(e),
            },
        }
    }

    /// A `StopIteration` carrying a generator's return value.
    pub(crate) fn stop_iteration(&mut self, value: Value) -> Box<Unwind> {
        let cls = self.exc_class(ExcKind::StopIteration);
        let args = if value.is_none() {
            Vec::new()
        } else {
            vec![value]
        };
        let e = self.new_exception(cls, args);
        if let Value::Instance(i) = e {
            i.attrs.set(sym::VALUE, value);
        }
        Box::new(Unwind::Raise(e))
    }
}
