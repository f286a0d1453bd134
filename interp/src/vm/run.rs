//! THE dispatch loop. Everything in this file is hot.
//!
//! The loop keeps the current frame's program counter, instruction and
//! constant pointers, frame pointer and stack pointer in locals (registers),
//! writes them back only before anything that can observe them (a call, a
//! raise, the attention slow path), and reloads them after anything that
//! can move the stack or switch frames (Lua's `savepc`/`Protect`
//! discipline).
//!
//! Before every instruction it tests the attention word: one relaxed load
//! and a branch that is almost never taken. That single test is how kills,
//! deadlines, budgets, trace hooks, injected exceptions and garbage
//! collection all reach a running guest.

use crate::attention::Attention;
use crate::bytecode::{BinaryKind, Op};
use crate::intern::Symbol;
use crate::object::*;
use crate::value::{write_value, Value};

use super::call::Called;
use super::ops::Cmp;
use super::unwind::RaiseKind;
use super::{ExcKind, Frame, FrameKind, Unwind, Vm, VmResult};

/// Loop variants, chosen at compile time.
pub(crate) struct Mode;

impl Mode {
    /// The attention word is tested before every instruction.
    pub(crate) const CHECKED: u8 = 0;
    /// No test at all: the benchmark baseline, never used by the `vm`
    /// binary.
    #[allow(dead_code)]
    pub(crate) const UNCHECKED: u8 = 1;
}

impl Vm {
    /// Runs until the frame stack is back at `stop` frames; returns the
    /// value of the frame that returned there.
    pub(crate) fn run_loop<const MODE: u8>(&mut self, stop: usize) -> VmResult<Value> {
        // The attention word outlives this call (the VM owns an `Arc`).
        let attention: *const Attention = std::sync::Arc::as_ptr(&self.attention);
        'frame: loop {
            let frame = self.frames.last().expect("a frame to run");
            let code: &CodeObj = frame.code.inner();
            let module: &Module = frame.module.inner();
            let base = frame.base as usize;
            // Instructions run from the fused stream unless something needs
            // to see every plain instruction (see `Vm::instruction_stream`).
            let mut ops: *const Op = self.instruction_stream(code);
            let mut ip: *const Op = unsafe { ops.add(frame.pc as usize) };
            let consts: *const Value = code.consts.as_ptr();
            let mut stack: *mut Value = self.stack.as_mut_ptr();
            // SAFETY (for every pointer operation below): frames are pushed
            // only after `ensure_stack` reserved `base + frame_size` slots,
            // and the compiler's `stack_size` bounds every push, so `fp` and
            // `sp` stay inside `self.stack`; `pc` stays inside `ops` because
            // every code object ends with a terminator and jump targets are
            // patched instruction indices. `ip` points into `ops`.
            let mut fp: *mut Value = unsafe { stack.add(base) };
            let mut sp: *mut Value = unsafe { stack.add(self.sp) };

            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    unsafe {
                        write_value(sp, v);
                        sp = sp.add(1);
                    }
                }};
            }
            macro_rules! pop {
                () => {{
                    unsafe {
                        sp = sp.sub(1);
                        *sp
                    }
                }};
            }
            macro_rules! peek {
                ($n:expr) => {
                    unsafe { *sp.sub($n) }
                };
            }
            macro_rules! set_top {
                ($n:expr, $v:expr) => {{
                    let v = $v;
                    unsafe { write_value(sp.sub($n), v) }
                }};
            }

            // The index of the next instruction.
            macro_rules! pc {
                () => {
                    index_of(ip, ops)
                };
            }
            macro_rules! jump {
                ($target:expr) => {
                    ip = unsafe { ops.add($target as usize) }
                };
            }
            // Skips the shadows of a superinstruction.
            macro_rules! skip {
                ($n:expr) => {
                    ip = unsafe { ip.add($n) }
                };
            }
            macro_rules! global_slot {
                ($i:expr) => {
                    unsafe { *code.global_slots.get_unchecked($i as usize) }
                };
            }
            macro_rules! sp_index {
                () => {
                    unsafe { sp.offset_from(stack) as usize }
                };
            }
            // Write the registers back before anything that can look at the
            // frame or the stack.
            macro_rules! save {
                () => {{
                    let spi = sp_index!();
                    self.sp = spi;
                    unsafe { self.frames.last_mut().unwrap_unchecked().pc = pc!() };
                    spi
                }};
            }
            // After a call that may have run guest code (and grown the
            // stack): recompute the pointers from the saved index.
            macro_rules! reload {
                ($spi:expr) => {{
                    stack = self.stack.as_mut_ptr();
                    fp = unsafe { stack.add(base) };
                    sp = unsafe { stack.add($spi) };
                    let _ = fp;
                }};
            }
            let err: Box<Unwind> = 'frame_err: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'frame_err e,
                        }
                    };
                }
                // A slow path that may run guest code: save, call, reload.
                macro_rules! slow {
                    ($e:expr) => {{
                        let spi = save!();
                        let r = $e;
                        reload!(spi);
                        tri!(r)
                    }};
                }
                macro_rules! binary {
                    ($kind:expr, $int:expr, $float:expr) => {{
                        let b = peek!(1);
                        let a = peek!(2);
                        let r = match (a, b) {
                            (Value::Int(x), Value::Int(y)) => match $int(x, y) {
                                Some(z) => Value::Int(z),
                                None => slow!(self.binary_op($kind, a, b)),
                            },
                            (Value::Float(x), Value::Float(y)) => Value::Float($float(x, y)),
                            _ => slow!(self.binary_op($kind, a, b)),
                        };
                        unsafe { sp = sp.sub(1) };
                        set_top!(1, r);
                    }};
                }
                macro_rules! bitwise {
                    ($kind:expr, $op:tt) => {{
                        let b = peek!(1);
                        let a = peek!(2);
                        let r = match (a, b) {
                            (Value::Int(x), Value::Int(y)) => Value::Int(x $op y),
                            _ => slow!(self.binary_op($kind, a, b)),
                        };
                        unsafe { sp = sp.sub(1) };
                        set_top!(1, r);
                    }};
                }
                macro_rules! binary_slow {
                    ($kind:expr) => {{
                        let b = peek!(1);
                        let a = peek!(2);
                        let r = slow!(self.binary_op($kind, a, b));
                        unsafe { sp = sp.sub(1) };
                        set_top!(1, r);
                    }};
                }
                macro_rules! compare {
                ($cmp:expr, $op:tt) => {{
                    let b = peek!(1);
                    let a = peek!(2);
                    let r = match (a, b) {
                        (Value::Int(x), Value::Int(y)) => Value::Bool(x $op y),
                        (Value::Float(x), Value::Float(y)) => Value::Bool(x $op y),
                        _ => slow!(self.compare($cmp, a, b)),
                    };
                    unsafe { sp = sp.sub(1) };
                    set_top!(1, r);
                }};
            }
                macro_rules! jump_unless {
                ($cmp:expr, $op:tt, $target:expr) => {{
                    let b = peek!(1);
                    let a = peek!(2);
                    let holds = match (a, b) {
                        (Value::Int(x), Value::Int(y)) => x $op y,
                        (Value::Float(x), Value::Float(y)) => x $op y,
                        _ => {
                            let r = slow!(self.compare($cmp, a, b));
                            match r {
                                Value::Bool(t) => t,
                                other => slow!(self.truthy(other)),
                            }
                        }
                    };
                    unsafe { sp = sp.sub(2) };
                    if !holds {
                        jump!($target);
                    }
                }};
            }
                // A module global, else a builtin, else `NameError`.
                macro_rules! load_global {
                    ($slot:expr) => {{
                        let slot = $slot;
                        let v = module.get_slot(slot);
                        if v.is_undef() {
                            slow!(self.load_global_slow(module, slot))
                        } else {
                            v
                        }
                    }};
                }
                macro_rules! truth {
                    ($v:expr) => {{
                        match $v {
                            Value::Bool(t) => t,
                            Value::None => false,
                            Value::Int(i) => i != 0,
                            other => slow!(self.truthy(other)),
                        }
                    }};
                }

                'next: loop {
                    // THE check: every instruction boundary, before fetch.
                    // Kill latency is therefore bounded by the slowest single
                    // instruction, which is why long builtins poll too.
                    // With guest threads, most raised words only count down
                    // a time slice, and with a line hook most instructions
                    // have no event due: a small cold call, no registers
                    // saved.
                    if MODE == Mode::CHECKED
                        && unsafe { (*attention).is_raised() }
                        && !self.attention_passes(
                            &code.code,
                            pc!() as usize,
                            ops == code.code.ops.as_ptr(),
                        )
                    {
                        // Raised *at* the instruction about to run: record it
                        // as executing (pc + 1) for the unwinder.
                        let spi = sp_index!();
                        self.sp = spi;
                        unsafe { self.frames.last_mut().unwrap_unchecked().pc = pc!() };
                        if let Err(e) = self.service_attention() {
                            unsafe { self.frames.last_mut().unwrap_unchecked().pc = pc!() + 1 };
                            break 'frame_err e;
                        }
                        // The thread scheduler swapped in another thread (or
                        // rewound this one): start over from its frame.
                        if std::mem::take(&mut self.threads.switched) {
                            continue 'frame;
                        }
                        // A hook may not switch frames, but a collection or a
                        // trace callback may have used the stack above us.
                        reload!(spi);
                        // Tracing or a budget may have started: go on in the
                        // plain stream at the same index. Never back to the
                        // fused one here: a deoptimised superinstruction
                        // would deoptimise again forever while attention
                        // stays raised (the next backward jump returns).
                        let plain = code.code.ops.as_ptr();
                        if ops != plain && self.instruction_stream(code) == plain {
                            let pc = pc!() as usize;
                            ops = plain;
                            jump!(pc);
                        }
                    }
                    let op = unsafe { *ip };
                    ip = unsafe { ip.add(1) };
                    // A superinstruction whose operands are not the common
                    // case continues in the plain stream at its own index
                    // (`deopt!`); the next backward jump returns to the
                    // fused stream.
                    macro_rules! deopt {
                        () => {{
                            let at = pc!() as usize - 1;
                            ops = code.code.ops.as_ptr();
                            jump!(at);
                            continue 'next;
                        }};
                    }
                    // The next step of a range or list iterator on top of
                    // the stack (`None` when exhausted); any other
                    // iterator deoptimises.
                    macro_rules! iter_step {
                        () => {{
                            let Value::Iter(obj) = peek!(1) else { deopt!() };
                            match obj.state() {
                                IterState::Range { next, stop, step } => {
                                    let n = *next;
                                    if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                                        *next = n.saturating_add(*step);
                                        Some(Value::Int(n))
                                    } else {
                                        None
                                    }
                                }
                                IterState::List { list, next } => {
                                    let r = list.get(*next);
                                    *next += 1;
                                    r
                                }
                                IterState::Tuple { tuple, next } => {
                                    let r = tuple.items().get(*next).copied();
                                    *next += 1;
                                    r
                                }
                                IterState::Str { s, byte } => {
                                    match s.inner().as_str().as_bytes().get(*byte) {
                                        Some(&b) if b < 128 => {
                                            *byte += 1;
                                            Some(Value::Str(self.small_strs[b as usize]))
                                        }
                                        None => None,
                                        Some(_) => deopt!(),
                                    }
                                }
                                _ => deopt!(),
                            }
                        }};
                    }
                    // The test of a 4-wide loop-bottom superinstruction:
                    // the compare-jump and the `JumpBack` are its last two
                    // shadows.
                    macro_rules! loop_back {
                        ($x:expr, $y:expr) => {{
                            let Some((holds, _)) = compare_fast(unsafe { *ip.add(1) }, $x, $y)
                            else {
                                deopt!()
                            };
                            if holds {
                                let Op::JumpBack(t) = (unsafe { *ip.add(2) }) else {
                                    unreachable!("fuse checked the shadow")
                                };
                                jump!(t);
                            } else {
                                skip!(3);
                            }
                        }};
                    }
                    macro_rules! loop_if {
                        ($op:tt, $target:expr) => {{
                            let holds = match (peek!(2), peek!(1)) {
                                (Value::Int(x), Value::Int(y)) => x $op y,
                                (Value::Float(x), Value::Float(y)) => x $op y,
                                _ => deopt!(),
                            };
                            unsafe { sp = sp.sub(2) };
                            if holds {
                                jump!($target);
                            } else {
                                skip!(1);
                            }
                        }};
                    }
                    match op {
                        Op::Nop => {}
                        Op::Pop => unsafe { sp = sp.sub(1) },
                        Op::Dup => {
                            let v = peek!(1);
                            push!(v);
                        }
                        Op::Dup2 => {
                            let a = peek!(2);
                            let b = peek!(1);
                            push!(a);
                            push!(b);
                        }
                        Op::Swap => {
                            let a = peek!(2);
                            let b = peek!(1);
                            set_top!(2, b);
                            set_top!(1, a);
                        }
                        Op::Rot3 => {
                            let c = peek!(1);
                            set_top!(1, peek!(2));
                            set_top!(2, peek!(3));
                            set_top!(3, c);
                        }
                        Op::Rot4 => {
                            let d = peek!(1);
                            set_top!(1, peek!(2));
                            set_top!(2, peek!(3));
                            set_top!(3, peek!(4));
                            set_top!(4, d);
                        }
                        Op::LoadConst(i) => push!(unsafe { *consts.add(i as usize) }),
                        Op::LoadNone => push!(Value::None),
                        Op::LoadInt(i) => push!(Value::Int(i as i64)),
                        Op::LoadLocal(i) => {
                            let v = unsafe { *fp.add(i as usize) };
                            if v.is_undef() {
                                save!();
                                break 'frame_err self.unbound_local(code, i as usize);
                            }
                            push!(v);
                        }
                        Op::StoreLocal(i) => {
                            let v = pop!();
                            unsafe { *fp.add(i as usize) = v };
                        }
                        Op::DeleteLocal(i) => {
                            if unsafe { *fp.add(i as usize) }.is_undef() {
                                save!();
                                break 'frame_err self.unbound_local(code, i as usize);
                            }
                            unsafe { *fp.add(i as usize) = Value::Undef };
                        }
                        Op::LoadDeref(i) => {
                            let v = match unsafe { *fp.add(i as usize) } {
                                Value::Cell(c) => c.value.get(),
                                _ => Value::Undef,
                            };
                            if v.is_undef() {
                                save!();
                                break 'frame_err self.unbound_deref(code, i as usize);
                            }
                            push!(v);
                        }
                        Op::StoreDeref(i) => {
                            let v = pop!();
                            if let Value::Cell(c) = unsafe { *fp.add(i as usize) } {
                                c.value.set(v);
                            }
                        }
                        Op::DeleteDeref(i) => {
                            if let Value::Cell(c) = unsafe { *fp.add(i as usize) } {
                                if c.value.get().is_undef() {
                                    save!();
                                    break 'frame_err self.unbound_deref(code, i as usize);
                                }
                                c.value.set(Value::Undef);
                            }
                        }
                        Op::LoadClosure(i) => push!(unsafe { *fp.add(i as usize) }),
                        Op::MakeCell(i) => {
                            let v = unsafe { *fp.add(i as usize) };
                            if !matches!(v, Value::Cell(_)) {
                                let spi = save!();
                                let c = self.alloc(CellObj {
                                    value: std::cell::Cell::new(v),
                                });
                                reload!(spi);
                                unsafe { *fp.add(i as usize) = Value::Cell(c) };
                            }
                        }
                        Op::LoadGlobal(i) => {
                            let v = load_global!(global_slot!(i));
                            push!(v);
                        }
                        Op::StoreGlobal(i) => {
                            let slot = unsafe { *code.global_slots.get_unchecked(i as usize) };
                            let v = pop!();
                            module.set_slot(slot, v);
                        }
                        Op::DeleteGlobal(i) => {
                            let slot = code.global_slots[i as usize];
                            if module.get_slot(slot).is_undef() {
                                save!();
                                let name = module.slot_name(slot);
                                break 'frame_err self.name_error(name);
                            }
                            module.set_slot(slot, Value::Undef);
                        }
                        Op::LoadName(i) => {
                            let name = code.names[i as usize];
                            let v = slow!(self.load_name(*self.frames.last().unwrap(), name));
                            push!(v);
                        }
                        Op::StoreName(i) => {
                            let name = code.names[i as usize];
                            let v = peek!(1);
                            slow!(self.store_name(*self.frames.last().unwrap(), name, v));
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::DeleteName(i) => {
                            let name = code.names[i as usize];
                            slow!(self.delete_name(*self.frames.last().unwrap(), name));
                        }
                        Op::LoadAttr(i) => {
                            let name = code.names[i as usize];
                            let obj = peek!(1);
                            let v = match obj {
                                Value::Instance(inst) => match inst.attrs.get(name) {
                                    Some(v) => v,
                                    None => slow!(self.get_attr(obj, name)),
                                },
                                _ => slow!(self.get_attr(obj, name)),
                            };
                            set_top!(1, v);
                        }
                        Op::StoreAttr(i) => {
                            let name = code.names[i as usize];
                            let obj = peek!(1);
                            let v = peek!(2);
                            match obj {
                                Value::Instance(inst)
                                    if inst.class.user_defined
                                        && inst.attrs.get(name).is_some() =>
                                {
                                    inst.attrs.set(name, v)
                                }
                                _ => slow!(self.set_attr(obj, name, v)),
                            }
                            unsafe { sp = sp.sub(2) };
                        }
                        Op::DeleteAttr(i) => {
                            let name = code.names[i as usize];
                            let obj = peek!(1);
                            slow!(self.del_attr(obj, name));
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::LoadMethod(i) => {
                            let name = unsafe { *code.names.get_unchecked(i as usize) };
                            let cache = unsafe { code.method_cache.get_unchecked(i as usize) };
                            let obj = peek!(1);
                            let (f, selfv) = match self.cached_method(cache, obj, name) {
                                Some(f) => (f, obj),
                                None => slow!(self.load_method_caching(obj, name, cache)),
                            };
                            set_top!(1, f);
                            push!(selfv);
                        }
                        Op::Subscr => {
                            let key = peek!(1);
                            let obj = peek!(2);
                            let v = match (obj, key) {
                                (Value::List(l), Value::Int(i))
                                    if i >= 0 && (i as usize) < l.len() =>
                                {
                                    l.get(i as usize).unwrap()
                                }
                                _ => slow!(self.subscr(obj, key)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, v);
                        }
                        Op::StoreSubscr => {
                            let key = peek!(1);
                            let obj = peek!(2);
                            let v = peek!(3);
                            match (obj, key) {
                                (Value::List(l), Value::Int(i))
                                    if i >= 0 && (i as usize) < l.len() =>
                                {
                                    l.set(i as usize, v);
                                }
                                _ => slow!(self.store_subscr(obj, key, v)),
                            }
                            unsafe { sp = sp.sub(3) };
                        }
                        Op::DeleteSubscr => {
                            let key = peek!(1);
                            let obj = peek!(2);
                            slow!(self.delete_subscr(obj, key));
                            unsafe { sp = sp.sub(2) };
                        }
                        Op::SubscrSlice => {
                            let v = slow!(self.slice_of(peek!(4), peek!(3), peek!(2), peek!(1)));
                            unsafe { sp = sp.sub(3) };
                            set_top!(1, v);
                        }
                        Op::BuildSlice(n) => {
                            let (start, stop, step) = if n == 3 {
                                (peek!(3), peek!(2), peek!(1))
                            } else {
                                (peek!(2), peek!(1), Value::None)
                            };
                            let s = self.alloc(Slice { start, stop, step });
                            unsafe { sp = sp.sub(n as usize) };
                            push!(Value::Slice(s));
                        }
                        Op::Add => {
                            binary!(BinaryKind::Add, i64::checked_add, |x: f64, y: f64| x + y)
                        }
                        Op::Sub => {
                            binary!(BinaryKind::Sub, i64::checked_sub, |x: f64, y: f64| x - y)
                        }
                        Op::Mul => {
                            binary!(BinaryKind::Mul, i64::checked_mul, |x: f64, y: f64| x * y)
                        }
                        Op::Mod => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Int(x), Value::Int(y)) if y > 0 && x >= 0 => {
                                    Value::Int(x % y)
                                }
                                _ => slow!(self.binary_op(BinaryKind::Mod, a, b)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, r);
                        }
                        Op::FloorDiv => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Int(x), Value::Int(y)) if y > 0 && x >= 0 => {
                                    Value::Int(x / y)
                                }
                                _ => slow!(self.binary_op(BinaryKind::FloorDiv, a, b)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, r);
                        }
                        Op::TrueDiv => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Float(x), Value::Float(y)) if y != 0.0 => {
                                    Value::Float(x / y)
                                }
                                (Value::Float(x), Value::Int(y)) if y != 0 => {
                                    Value::Float(x / y as f64)
                                }
                                _ => slow!(self.binary_op(BinaryKind::TrueDiv, a, b)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, r);
                        }
                        // One arm each (no `match op` inside): `op` must not
                        // live across a call, or it is spilled on every
                        // dispatch.
                        Op::BitAnd => bitwise!(BinaryKind::BitAnd, &),
                        Op::BitOr => bitwise!(BinaryKind::BitOr, |),
                        Op::BitXor => bitwise!(BinaryKind::BitXor, ^),
                        Op::Pow => binary_slow!(BinaryKind::Pow),
                        Op::LShift => binary_slow!(BinaryKind::LShift),
                        Op::RShift => binary_slow!(BinaryKind::RShift),
                        Op::MatMul => binary_slow!(BinaryKind::MatMul),
                        Op::InplaceAdd => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => match x.checked_add(y) {
                                    Some(z) => Value::Int(z),
                                    None => slow!(self.inplace_op(BinaryKind::Add, a, b)),
                                },
                                (Value::Float(x), Value::Float(y)) => Value::Float(x + y),
                                _ => slow!(self.inplace_op(BinaryKind::Add, a, b)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, r);
                        }
                        Op::Inplace(k) => {
                            let kind = BinaryKind::ALL[k as usize];
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (kind, a, b) {
                                (BinaryKind::Sub, Value::Int(x), Value::Int(y)) => {
                                    match x.checked_sub(y) {
                                        Some(z) => Value::Int(z),
                                        None => slow!(self.inplace_op(kind, a, b)),
                                    }
                                }
                                (BinaryKind::Mul, Value::Int(x), Value::Int(y)) => {
                                    match x.checked_mul(y) {
                                        Some(z) => Value::Int(z),
                                        None => slow!(self.inplace_op(kind, a, b)),
                                    }
                                }
                                (BinaryKind::Sub, Value::Float(x), Value::Float(y)) => {
                                    Value::Float(x - y)
                                }
                                (BinaryKind::Mul, Value::Float(x), Value::Float(y)) => {
                                    Value::Float(x * y)
                                }
                                _ => slow!(self.inplace_op(kind, a, b)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, r);
                        }
                        Op::Neg => {
                            let a = peek!(1);
                            let r = match a {
                                Value::Int(x) if x != i64::MIN => Value::Int(-x),
                                Value::Float(x) => Value::Float(-x),
                                _ => slow!(self.neg(a)),
                            };
                            set_top!(1, r);
                        }
                        Op::Pos => {
                            let a = peek!(1);
                            let r = slow!(self.pos(a));
                            set_top!(1, r);
                        }
                        Op::Invert => {
                            let a = peek!(1);
                            let r = slow!(self.invert(a));
                            set_top!(1, r);
                        }
                        Op::Not => {
                            let a = peek!(1);
                            let t = truth!(a);
                            set_top!(1, Value::Bool(!t));
                        }
                        Op::Lt => compare!(Cmp::Lt, <),
                        Op::Le => compare!(Cmp::Le, <=),
                        Op::Gt => compare!(Cmp::Gt, >),
                        Op::Ge => compare!(Cmp::Ge, >=),
                        Op::Eq => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => x == y,
                                (Value::Float(x), Value::Float(y)) => x == y,
                                (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
                                _ => match slow!(self.compare(Cmp::Eq, a, b)) {
                                    Value::Bool(t) => t,
                                    other => {
                                        unsafe { sp = sp.sub(1) };
                                        set_top!(1, other);
                                        continue 'next;
                                    }
                                },
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, Value::Bool(r));
                        }
                        Op::Ne => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => Value::Bool(x != y),
                                (Value::Float(x), Value::Float(y)) => Value::Bool(x != y),
                                (Value::Str(x), Value::Str(y)) => {
                                    Value::Bool(x.as_str() != y.as_str())
                                }
                                _ => slow!(self.compare(Cmp::Ne, a, b)),
                            };
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, r);
                        }
                        Op::Is => {
                            let b = pop!();
                            set_top!(1, Value::Bool(peek!(1).is(b)));
                        }
                        Op::IsNot => {
                            let b = pop!();
                            set_top!(1, Value::Bool(!peek!(1).is(b)));
                        }
                        Op::In => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = slow!(self.contains(b, a));
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, Value::Bool(r));
                        }
                        Op::NotIn => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = slow!(self.contains(b, a));
                            unsafe { sp = sp.sub(1) };
                            set_top!(1, Value::Bool(!r));
                        }

                        Op::Jump(t) => jump!(t),
                        Op::JumpBack(t) => {
                            // Back to the fused stream after a deopt.
                            ops = self.instruction_stream(code);
                            jump!(t);
                        }
                        Op::PopJumpIfFalse(t) => {
                            let v = peek!(1);
                            let c = truth!(v);
                            unsafe { sp = sp.sub(1) };
                            if !c {
                                jump!(t);
                            }
                        }
                        Op::PopJumpIfTrue(t) | Op::PopJumpBackIfTrue(t) => {
                            let v = peek!(1);
                            let c = truth!(v);
                            unsafe { sp = sp.sub(1) };
                            if c {
                                jump!(t);
                            }
                        }
                        Op::JumpIfFalseOrPop(t) => {
                            let v = peek!(1);
                            if truth!(v) {
                                unsafe { sp = sp.sub(1) };
                            } else {
                                jump!(t);
                            }
                        }
                        Op::JumpIfTrueOrPop(t) => {
                            let v = peek!(1);
                            if truth!(v) {
                                jump!(t);
                            } else {
                                unsafe { sp = sp.sub(1) };
                            }
                        }
                        Op::JumpIfNotLt(t) => jump_unless!(Cmp::Lt, <, t),
                        Op::JumpIfNotLe(t) => jump_unless!(Cmp::Le, <=, t),
                        Op::JumpIfNotGt(t) => jump_unless!(Cmp::Gt, >, t),
                        Op::JumpIfNotGe(t) => jump_unless!(Cmp::Ge, >=, t),
                        Op::JumpIfNotEq(t) => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let holds = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => x == y,
                                (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
                                _ => {
                                    let r = slow!(self.compare(Cmp::Eq, a, b));
                                    truth!(r)
                                }
                            };
                            unsafe { sp = sp.sub(2) };
                            if !holds {
                                jump!(t);
                            }
                        }
                        Op::JumpIfNotNe(t) => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let holds = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => x != y,
                                (Value::Str(x), Value::Str(y)) => x.as_str() != y.as_str(),
                                _ => {
                                    let r = slow!(self.compare(Cmp::Ne, a, b));
                                    truth!(r)
                                }
                            };
                            unsafe { sp = sp.sub(2) };
                            if !holds {
                                jump!(t);
                            }
                        }
                        Op::GetIter => {
                            let v = peek!(1);
                            let it = slow!(self.get_iter(v));
                            set_top!(1, it);
                        }
                        Op::ForIter(t) => {
                            let it = peek!(1);
                            match it {
                                Value::Iter(obj) => {
                                    let next = match obj.state() {
                                        IterState::Range { next, stop, step } => {
                                            let n = *next;
                                            if (*step > 0 && n < *stop) || (*step < 0 && n > *stop)
                                            {
                                                *next = n.saturating_add(*step);
                                                Some(Value::Int(n))
                                            } else {
                                                None
                                            }
                                        }
                                        IterState::List { list, next } => {
                                            let r = list.get(*next);
                                            *next += 1;
                                            r
                                        }
                                        _ => slow!(self.builtin_iter_next(obj)),
                                    };
                                    match next {
                                        Some(v) => push!(v),
                                        None => {
                                            unsafe { sp = sp.sub(1) };
                                            jump!(t);
                                        }
                                    }
                                }
                                Value::Generator(g) => {
                                    if g.status.get() == GenStatus::Done {
                                        unsafe { sp = sp.sub(1) };
                                        jump!(t);
                                    } else {
                                        let spi = save!();
                                        tri!(self.push_generator_frame(
                                            g,
                                            Value::Undef,
                                            FrameKind::GenFor {
                                                gen: g,
                                                exit: t as u32
                                            },
                                            spi
                                        ));
                                        continue 'frame;
                                    }
                                }
                                _ => {
                                    let next = slow!(self.iter_next(it));
                                    match next {
                                        Some(v) => push!(v),
                                        None => {
                                            unsafe { sp = sp.sub(1) };
                                            jump!(t);
                                        }
                                    }
                                }
                            }
                        }
                        Op::Call(argc) => {
                            let argc = argc as usize;
                            let func_slot = sp_index!() - argc - 1;
                            let callee = unsafe { *stack.add(func_slot) };
                            if let Value::Func(f) = callee {
                                let fc = f.code.inner();
                                let c = &fc.code;
                                if c.argcount as usize == argc
                                    && c.kwonly == 0
                                    && !c.flags.varargs
                                    && !c.flags.varkw
                                    && !c.flags.generator
                                    && self.frames.len() < self.config.recursion_limit
                                {
                                    // The fast call: the arguments already sit
                                    // where the callee's first slots go.
                                    let new_base = func_slot + 1;
                                    let nslots = c.nslots();
                                    let needed = new_base + c.frame_size() + 1;
                                    unsafe { self.frames.last_mut().unwrap_unchecked().pc = pc!() };
                                    if needed > self.stack.len() {
                                        self.ensure_stack(needed);
                                    }
                                    let st = &mut self.stack[new_base..new_base + nslots];
                                    for s in &mut st[argc..] {
                                        *s = Value::Undef;
                                    }
                                    let nfrees = c.nfrees as usize;
                                    for (k, cell) in f.closure.iter().enumerate() {
                                        st[nslots - nfrees + k] = Value::Cell(*cell);
                                    }
                                    self.frames.push(Frame {
                                        code: f.code,
                                        func: Some(f),
                                        module: f.module,
                                        pc: 0,
                                        base: new_base as u32,
                                        ret: func_slot as u32,
                                        kind: FrameKind::Normal,
                                        trace_line: 0,
                                        trace_pc: 0,
                                    });
                                    self.sp = new_base + nslots;
                                    continue 'frame;
                                }
                            }
                            save!();
                            match self.invoke(func_slot, func_slot + 1, argc, &[], func_slot) {
                                Ok(Called::Done(v)) => {
                                    reload!(func_slot);
                                    push!(v);
                                }
                                Ok(Called::Pushed) => continue 'frame,
                                Err(e) => break 'frame_err e,
                            }
                        }
                        Op::CallKw(argc, k) => {
                            let argc = argc as usize;
                            let func_slot = sp_index!() - argc - 1;
                            let names = kwnames(consts, k, self);
                            save!();
                            match self.invoke(func_slot, func_slot + 1, argc, &names, func_slot) {
                                Ok(Called::Done(v)) => {
                                    reload!(func_slot);
                                    push!(v);
                                }
                                Ok(Called::Pushed) => continue 'frame,
                                Err(e) => break 'frame_err e,
                            }
                        }
                        Op::CallMethod(argc) => {
                            let argc = argc as usize;
                            let func_slot = sp_index!() - argc - 2;
                            let selfv = unsafe { *stack.add(func_slot + 1) };
                            let (args_start, n) = if selfv.is_undef() {
                                (func_slot + 2, argc)
                            } else {
                                (func_slot + 1, argc + 1)
                            };
                            if let Value::Func(f) = unsafe { *stack.add(func_slot) } {
                                let c = &f.code.inner().code;
                                if c.argcount as usize == n
                                    && c.kwonly == 0
                                    && !c.flags.varargs
                                    && !c.flags.varkw
                                    && !c.flags.generator
                                    && self.frames.len() < self.config.recursion_limit
                                {
                                    let nslots = c.nslots();
                                    let needed = args_start + c.frame_size() + 1;
                                    unsafe { self.frames.last_mut().unwrap_unchecked().pc = pc!() };
                                    if needed > self.stack.len() {
                                        self.ensure_stack(needed);
                                    }
                                    let st = &mut self.stack[args_start..args_start + nslots];
                                    for s in &mut st[n..] {
                                        *s = Value::Undef;
                                    }
                                    let nfrees = c.nfrees as usize;
                                    for (k, cell) in f.closure.iter().enumerate() {
                                        st[nslots - nfrees + k] = Value::Cell(*cell);
                                    }
                                    self.frames.push(Frame {
                                        code: f.code,
                                        func: Some(f),
                                        module: f.module,
                                        pc: 0,
                                        base: args_start as u32,
                                        ret: func_slot as u32,
                                        kind: FrameKind::Normal,
                                        trace_line: 0,
                                        trace_pc: 0,
                                    });
                                    self.sp = args_start + nslots;
                                    continue 'frame;
                                }
                            }
                            save!();
                            match self.invoke_positional(func_slot, args_start, n) {
                                Ok(Called::Done(v)) => {
                                    reload!(func_slot);
                                    push!(v);
                                }
                                Ok(Called::Pushed) => continue 'frame,
                                Err(e) => break 'frame_err e,
                            }
                        }
                        Op::CallMethodKw(argc, k) => {
                            let argc = argc as usize;
                            let func_slot = sp_index!() - argc - 2;
                            let selfv = unsafe { *stack.add(func_slot + 1) };
                            let (args_start, n) = if selfv.is_undef() {
                                (func_slot + 2, argc)
                            } else {
                                (func_slot + 1, argc + 1)
                            };
                            let names = kwnames(consts, k, self);
                            save!();
                            match self.invoke(func_slot, args_start, n, &names, func_slot) {
                                Ok(Called::Done(v)) => {
                                    reload!(func_slot);
                                    push!(v);
                                }
                                Ok(Called::Pushed) => continue 'frame,
                                Err(e) => break 'frame_err e,
                            }
                        }
                        Op::CallEx(has_kw) => {
                            let n = 2 + has_kw as usize;
                            let func_slot = sp_index!() - n;
                            save!();
                            match self.call_ex(func_slot, has_kw != 0) {
                                Ok(Called::Done(v)) => {
                                    reload!(func_slot);
                                    push!(v);
                                }
                                Ok(Called::Pushed) => continue 'frame,
                                Err(e) => break 'frame_err e,
                            }
                        }
                        Op::MakeFunction(flags) => {
                            let f = slow!(self.make_function(sp_index!(), flags, module));
                            let k = (flags & 1 != 0) as usize
                                + (flags & 2 != 0) as usize
                                + (flags & 4 != 0) as usize;
                            unsafe { sp = sp.sub(k) };
                            set_top!(1, f);
                        }
                        Op::Return => {
                            let v = pop!();
                            let done = unsafe { self.frames.pop().unwrap_unchecked() };
                            let result = match done.kind {
                                FrameKind::Normal => v,
                                _ => match self.return_special(&done, v) {
                                    Ok(r) => r,
                                    Err(e) => break 'frame_err e,
                                },
                            };
                            if let FrameKind::GenFor { exit, .. }
                            | FrameKind::GenYieldFrom { exit, .. } = done.kind
                            {
                                // The consumer's loop is over (or `yield
                                // from` has its value).
                                let caller = unsafe { self.frames.last_mut().unwrap_unchecked() };
                                caller.pc = exit;
                                let spi = done.ret as usize;
                                if matches!(done.kind, FrameKind::GenFor { .. }) {
                                    // Pop the generator itself.
                                    self.sp = spi - 1;
                                } else {
                                    // Replace the sub-iterator with the value.
                                    self.stack[spi - 1] = result;
                                    self.sp = spi;
                                }
                                continue 'frame;
                            }
                            unsafe { *stack.add(done.ret as usize) = result };
                            self.sp = done.ret as usize + 1;
                            if self.frames.len() <= stop {
                                return Ok(result);
                            }
                            continue 'frame;
                        }
                        Op::Yield => {
                            let v = pop!();
                            let spi = save!();
                            let done = self.suspend_generator(spi, pc!());
                            let ret = done.ret as usize;
                            self.stack[ret] = v;
                            self.sp = ret + 1;
                            if let FrameKind::GenYieldFrom { .. } = done.kind {
                                // The sub-generator yielded: the delegating
                                // generator passes it on (its next op yields).
                            }
                            if self.frames.len() <= stop {
                                return Ok(v);
                            }
                            continue 'frame;
                        }
                        Op::GetYieldFromIter => {
                            let v = peek!(1);
                            let it = match v {
                                Value::Generator(_) => v,
                                _ => slow!(self.get_iter(v)),
                            };
                            set_top!(1, it);
                        }
                        Op::YieldFromStep(t) => {
                            let sent = peek!(1);
                            let it = peek!(2);
                            match it {
                                Value::Generator(g) if g.status.get() != GenStatus::Done => {
                                    unsafe { sp = sp.sub(1) };
                                    let spi = save!();
                                    tri!(self.push_generator_frame(
                                        g,
                                        sent,
                                        FrameKind::GenYieldFrom {
                                            gen: g,
                                            exit: t as u32
                                        },
                                        spi
                                    ));
                                    continue 'frame;
                                }
                                Value::Generator(_) => {
                                    unsafe { sp = sp.sub(1) };
                                    set_top!(1, Value::None);
                                    jump!(t);
                                }
                                _ => {
                                    let next = slow!(self.iter_next(it));
                                    unsafe { sp = sp.sub(1) };
                                    match next {
                                        Some(v) => push!(v),
                                        None => {
                                            set_top!(1, Value::None);
                                            jump!(t);
                                        }
                                    }
                                }
                            }
                        }
                        Op::BuildList(n) => {
                            let n = n as usize;
                            let items =
                                unsafe { std::slice::from_raw_parts(sp.sub(n), n) }.to_vec();
                            let l = self.list_value(items);
                            unsafe { sp = sp.sub(n) };
                            push!(l);
                        }
                        Op::BuildTuple(n) => {
                            let n = n as usize;
                            let items =
                                unsafe { std::slice::from_raw_parts(sp.sub(n), n) }.to_vec();
                            let t = self.tuple_value(items);
                            unsafe { sp = sp.sub(n) };
                            push!(t);
                        }
                        Op::BuildDict(n) => {
                            let n = n as usize;
                            let d = slow!(self.build_dict(sp_index!() - 2 * n, n));
                            unsafe { sp = sp.sub(2 * n) };
                            push!(d);
                        }
                        Op::BuildString(n) => {
                            let n = n as usize;
                            let s = slow!(self.build_string(sp_index!() - n, n));
                            unsafe { sp = sp.sub(n) };
                            push!(s);
                        }
                        Op::FormatValue(flags) => {
                            let has_spec = flags & 4 != 0;
                            let (v, spec) = if has_spec {
                                (peek!(2), peek!(1))
                            } else {
                                (peek!(1), Value::Undef)
                            };
                            let s = slow!(self.format_value(v, flags & 3, spec));
                            if has_spec {
                                unsafe { sp = sp.sub(1) };
                            }
                            set_top!(1, s);
                        }
                        Op::ListAppend(n) => {
                            let v = peek!(1);
                            if let Value::List(l) = peek!(n as usize + 1) {
                                let grown = l.push(v);
                                if grown > 0 {
                                    self.note_growth(grown);
                                }
                            }
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::ListExtend(n) => {
                            let v = peek!(1);
                            let target = peek!(n as usize + 1);
                            slow!(self.list_extend(target, v));
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::MapAdd(n) => {
                            let v = peek!(1);
                            let k = peek!(2);
                            if let Value::Dict(d) = peek!(n as usize + 2) {
                                slow!(self.dict_set(d, k, v));
                            }
                            unsafe { sp = sp.sub(2) };
                        }
                        Op::DictMerge(n) => {
                            let v = peek!(1);
                            let target = peek!(n as usize + 1);
                            let func = peek!(n as usize + 3);
                            slow!(self.dict_merge(func, target, v));
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::DictUpdate(n) => {
                            let v = peek!(1);
                            let target = peek!(n as usize + 1);
                            slow!(self.dict_update_from(target, v));
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::ListToTuple => {
                            let v = peek!(1);
                            if let Value::List(l) = v {
                                let t = self.tuple_value(l.to_vec());
                                set_top!(1, t);
                            }
                        }
                        Op::UnpackSequence(n) => {
                            let n = n as usize;
                            let v = peek!(1);
                            match v {
                                Value::Tuple(t) if t.len() == n => {
                                    unsafe { sp = sp.sub(1) };
                                    for &x in t.items().iter().rev() {
                                        push!(x);
                                    }
                                }
                                Value::List(l) if l.len() == n => {
                                    unsafe { sp = sp.sub(1) };
                                    let items = l.to_vec();
                                    for &x in items.iter().rev() {
                                        push!(x);
                                    }
                                }
                                _ => {
                                    let items = slow!(self.unpack(v, n, None));
                                    unsafe { sp = sp.sub(1) };
                                    for &x in items.iter().rev() {
                                        push!(x);
                                    }
                                }
                            }
                        }
                        Op::UnpackEx(before, after) => {
                            let v = peek!(1);
                            let items =
                                slow!(self.unpack(v, before as usize, Some(after as usize)));
                            unsafe { sp = sp.sub(1) };
                            for &x in items.iter().rev() {
                                push!(x);
                            }
                        }
                        Op::PushExcInfo => {
                            let exc = peek!(1);
                            set_top!(1, self.exc_current);
                            push!(exc);
                            self.exc_current = exc;
                        }
                        Op::PopExcept => {
                            let prev = pop!();
                            let leaving = self.exc_current;
                            self.exc_current = prev;
                            // The cleanup path (`Swap; PopExcept; Reraise`)
                            // re-raises the same exception itself.
                            let continues =
                                matches!(unsafe { *ip }, Op::Reraise) && peek!(1).is(leaving);
                            if let Some(mark) = self.kill_mark(leaving).filter(|_| !continues) {
                                if mark.uncatchable {
                                    // The guest is dropping an uncatchable
                                    // kill (`return` in `finally`): re-raise it
                                    // at the next instruction.
                                    self.pending_kill = leaving;
                                    self.attention.raise(Attention::RERAISE);
                                }
                            }
                        }
                        Op::CheckExcMatch => {
                            let typ = peek!(1);
                            let exc = peek!(2);
                            let m = slow!(self.exception_matches(exc, typ));
                            set_top!(1, Value::Bool(m));
                        }
                        Op::Reraise => {
                            let exc = pop!();
                            save!();
                            let e = Box::new(Unwind::Raise(exc));
                            match self.unwind(e, stop, RaiseKind::Reraise) {
                                Ok(()) => continue 'frame,
                                Err(e) => return Err(e),
                            }
                        }
                        Op::RaiseCurrent => {
                            save!();
                            let exc = self.exc_current;
                            if exc.is_none() {
                                break 'frame_err self.error(
                                    ExcKind::RuntimeError,
                                    "No active exception to reraise",
                                );
                            }
                            match self.unwind(
                                Box::new(Unwind::Raise(exc)),
                                stop,
                                RaiseKind::Reraise,
                            ) {
                                Ok(()) => continue 'frame,
                                Err(e) => return Err(e),
                            }
                        }
                        Op::Raise => {
                            let v = peek!(1);
                            let exc = slow!(self.make_raisable(v));
                            unsafe { sp = sp.sub(1) };
                            save!();
                            break 'frame_err Box::new(Unwind::Raise(exc));
                        }
                        Op::RaiseFrom => {
                            let cause = peek!(1);
                            let v = peek!(2);
                            let exc = slow!(self.make_raisable(v));
                            slow!(self.set_cause(exc, cause));
                            unsafe { sp = sp.sub(2) };
                            save!();
                            break 'frame_err Box::new(Unwind::Raise(exc));
                        }
                        Op::LoadAssertionError => {
                            push!(Value::Class(self.exc_class(ExcKind::AssertionError)))
                        }
                        Op::ImportName(i) => {
                            let name = code.names[i as usize];
                            let m = slow!(self.import_module(name));
                            push!(m);
                        }
                        Op::ImportFrom(i) => {
                            let name = code.names[i as usize];
                            let m = peek!(1);
                            let v = slow!(self.import_from(m, name));
                            push!(v);
                        }
                        Op::ImportStar => {
                            let m = peek!(1);
                            slow!(self.import_star(*self.frames.last().unwrap(), m));
                            unsafe { sp = sp.sub(1) };
                        }
                        Op::BeforeWith => {
                            let mgr = peek!(1);
                            let (exit, entered) = slow!(self.before_with(mgr));
                            set_top!(1, exit);
                            push!(entered);
                        }
                        Op::WithExceptStart => {
                            let exc = peek!(1);
                            let exit = peek!(3);
                            let r = slow!(self.with_except_start(exit, exc));
                            push!(Value::Bool(r));
                        }
                        Op::BuildClass(n) => {
                            let n = n as usize;
                            let start = sp_index!() - n - 2;
                            let cls = slow!(self.build_class(start, n));
                            unsafe { sp = sp.sub(n + 1) };
                            set_top!(1, cls);
                        }

                        // ---- Superinstructions (`bytecode::fuse`). Each
                        // handles the common case of its sequence and skips
                        // the shadows, or deoptimises before any effect.
                        Op::LoadLocal2(a, b) => {
                            let x = unsafe { *fp.add(a as usize) };
                            let y = unsafe { *fp.add(b as usize) };
                            if x.is_undef() || y.is_undef() {
                                deopt!();
                            }
                            push!(x);
                            push!(y);
                            skip!(1);
                        }
                        Op::LoadLocalConst(a, c) => {
                            let x = unsafe { *fp.add(a as usize) };
                            if x.is_undef() {
                                deopt!();
                            }
                            push!(x);
                            push!(unsafe { *consts.add(c as usize) });
                            skip!(1);
                        }
                        Op::StoreLoadLocal(a, b) => {
                            let v = peek!(1);
                            let y = if a == b {
                                v
                            } else {
                                unsafe { *fp.add(b as usize) }
                            };
                            if y.is_undef() {
                                deopt!();
                            }
                            unsafe { *fp.add(a as usize) = v };
                            set_top!(1, y);
                            skip!(1);
                        }
                        // Builtins (`str`, `len`) are not module slots: load
                        // them like `LoadGlobal` does rather than deopt, or a
                        // loop calling one would run unfused.
                        Op::LoadGlobal2(a, b) => {
                            let x = load_global!(global_slot!(a));
                            push!(x);
                            // The second load's errors are its own.
                            skip!(1);
                            let y = load_global!(global_slot!(b));
                            push!(y);
                        }
                        Op::LoadGlobalConst(a, c) => {
                            let x = load_global!(global_slot!(a));
                            push!(x);
                            push!(unsafe { *consts.add(c as usize) });
                            skip!(1);
                        }
                        Op::StoreLoadGlobal(a, b) => {
                            let v = peek!(1);
                            let y = if a == b {
                                v
                            } else {
                                module.get_slot(global_slot!(b))
                            };
                            if y.is_undef() {
                                deopt!();
                            }
                            module.set_slot(global_slot!(a), v);
                            set_top!(1, y);
                            skip!(1);
                        }
                        Op::ArithConst(kind, c) => {
                            let b = unsafe { *consts.add(c as usize) };
                            let Some(r) = arith_fast(kind, peek!(1), b) else {
                                deopt!()
                            };
                            set_top!(1, r);
                            skip!(1);
                        }
                        Op::ArithLocal(kind, a) => {
                            let b = unsafe { *fp.add(a as usize) };
                            let Some(r) = arith_fast(kind, peek!(1), b) else {
                                deopt!()
                            };
                            set_top!(1, r);
                            skip!(1);
                        }
                        Op::ArithLocals(kind, a, b) => {
                            let (x, y) = unsafe { (*fp.add(a as usize), *fp.add(b as usize)) };
                            let Some(r) = arith_fast(kind, x, y) else {
                                deopt!()
                            };
                            push!(r);
                            skip!(2);
                        }
                        Op::ArithLocalConst(a, c) => {
                            let x = unsafe { *fp.add(a as usize) };
                            let y = unsafe { *consts.add(c as usize) };
                            let kind = match crate::bytecode::arith_kind(unsafe { *ip.add(1) }) {
                                Some(k) => k as u8,
                                None => unreachable!("fuse checked the shadow"),
                            };
                            let Some(r) = arith_fast(kind, x, y) else {
                                deopt!()
                            };
                            push!(r);
                            skip!(2);
                        }
                        Op::ArithStoreLocal(kind, x) => {
                            let Some(r) = arith_fast(kind, peek!(2), peek!(1)) else {
                                deopt!()
                            };
                            unsafe {
                                sp = sp.sub(2);
                                write_value(fp.add(x as usize), r);
                            }
                            skip!(1);
                        }
                        Op::ArithStoreGlobal(kind, g) => {
                            let Some(r) = arith_fast(kind, peek!(2), peek!(1)) else {
                                deopt!()
                            };
                            unsafe { sp = sp.sub(2) };
                            module.set_slot(global_slot!(g), r);
                            skip!(1);
                        }
                        Op::StoreSubscrLocals(a, b) => {
                            let (obj, key) = unsafe { (*fp.add(a as usize), *fp.add(b as usize)) };
                            match (obj, key) {
                                (Value::List(l), Value::Int(i))
                                    if i >= 0 && (i as usize) < l.len() =>
                                {
                                    l.set(i as usize, pop!());
                                }
                                _ => deopt!(),
                            }
                            skip!(2);
                        }
                        Op::JumpIfNotLocals(a, b) => {
                            let (x, y) = unsafe { (*fp.add(a as usize), *fp.add(b as usize)) };
                            let Some((holds, exit)) = compare_fast(unsafe { *ip.add(1) }, x, y)
                            else {
                                deopt!()
                            };
                            if holds {
                                skip!(2);
                            } else {
                                jump!(exit);
                            }
                        }
                        Op::JumpIfNotLocalConst(a, c) => {
                            let x = unsafe { *fp.add(a as usize) };
                            let y = unsafe { *consts.add(c as usize) };
                            let Some((holds, exit)) = compare_fast(unsafe { *ip.add(1) }, x, y)
                            else {
                                deopt!()
                            };
                            if holds {
                                skip!(2);
                            } else {
                                jump!(exit);
                            }
                        }
                        Op::LoopIfLocals(a, b) => {
                            let (x, y) = unsafe { (*fp.add(a as usize), *fp.add(b as usize)) };
                            loop_back!(x, y);
                        }
                        Op::LoopIfLocalConst(a, c) => {
                            let x = unsafe { *fp.add(a as usize) };
                            let y = unsafe { *consts.add(c as usize) };
                            loop_back!(x, y);
                        }
                        Op::LoopIfGlobalConst(g, c) => {
                            let x = module.get_slot(global_slot!(g));
                            let y = unsafe { *consts.add(c as usize) };
                            loop_back!(x, y);
                        }
                        Op::ForIterLocal(x, exit) => match iter_step!() {
                            Some(v) => {
                                unsafe { write_value(fp.add(x as usize), v) };
                                skip!(1);
                            }
                            None => {
                                unsafe { sp = sp.sub(1) };
                                jump!(exit);
                            }
                        },
                        Op::ForIterGlobal(g, exit) => match iter_step!() {
                            Some(v) => {
                                module.set_slot(global_slot!(g), v);
                                skip!(1);
                            }
                            None => {
                                unsafe { sp = sp.sub(1) };
                                jump!(exit);
                            }
                        },
                        Op::NextLocal(t) => {
                            let Op::ForIterLocal(x, exit) = (unsafe { *ops.add(t as usize) })
                            else {
                                unreachable!("fuse points NextLocal at a ForIterLocal")
                            };
                            match iter_step!() {
                                Some(v) => {
                                    unsafe { write_value(fp.add(x as usize), v) };
                                    jump!(t + 2);
                                }
                                None => {
                                    unsafe { sp = sp.sub(1) };
                                    jump!(exit);
                                }
                            }
                        }
                        Op::NextGlobal(t) => {
                            let Op::ForIterGlobal(g, exit) = (unsafe { *ops.add(t as usize) })
                            else {
                                unreachable!("fuse points NextGlobal at a ForIterGlobal")
                            };
                            match iter_step!() {
                                Some(v) => {
                                    module.set_slot(global_slot!(g), v);
                                    jump!(t + 2);
                                }
                                None => {
                                    unsafe { sp = sp.sub(1) };
                                    jump!(exit);
                                }
                            }
                        }
                        Op::LoopIfLt(t) => loop_if!(<, t),
                        Op::LoopIfLe(t) => loop_if!(<=, t),
                        Op::LoopIfGt(t) => loop_if!(>, t),
                        Op::LoopIfGe(t) => loop_if!(>=, t),
                        Op::LoopIfEq(t) => loop_if!(==, t),
                        Op::LoopIfNe(t) => loop_if!(!=, t),
                        Op::LoopIfTrue(t) => {
                            let holds = match peek!(1) {
                                Value::Bool(b) => b,
                                Value::None => false,
                                Value::Int(i) => i != 0,
                                _ => deopt!(),
                            };
                            unsafe { sp = sp.sub(1) };
                            if holds {
                                jump!(t);
                            } else {
                                skip!(1);
                            }
                        }
                    }
                }
            };
            // An instruction failed: find a handler, or leave.
            match self.unwind(err, stop, RaiseKind::New) {
                Ok(()) => continue 'frame,
                Err(e) => return Err(e),
            }
        }
    }

    /// The instructions frames run: the fused stream, or the plain one
    /// while a trace hook wants to see every instruction and line, or an
    /// instruction budget counts them (so budgets count the instructions
    /// `vm dis` shows, whatever is fused).
    #[inline(always)]
    fn instruction_stream(&self, code: &CodeObj) -> *const Op {
        if self.trace_hook.is_some()
            || self.guest_traced
            || self.attention.snapshot() & Attention::BUDGET != 0
        {
            code.code.ops.as_ptr()
        } else {
            code.code.fused.as_ptr()
        }
    }

    #[cold]
    fn unbound_local(&mut self, code: &CodeObj, slot: usize) -> Box<Unwind> {
        let name = self.symbol_text(code.local_names[slot]).to_string();
        let msg = format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        );
        self.error(ExcKind::UnboundLocalError, &msg)
    }

    #[cold]
    fn unbound_deref(&mut self, code: &CodeObj, slot: usize) -> Box<Unwind> {
        let name = self.symbol_text(code.local_names[slot]).to_string();
        let c = &code.code;
        if slot >= c.nslots() - c.nfrees as usize {
            let msg = format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            );
            self.error(ExcKind::NameError, &msg)
        } else {
            let msg = format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            );
            self.error(ExcKind::UnboundLocalError, &msg)
        }
    }

    /// What a frame other than a plain call returns to its caller.
    #[cold]
    fn return_special(&mut self, frame: &Frame, v: Value) -> VmResult<Value> {
        match frame.kind {
            FrameKind::Normal => Ok(v),
            FrameKind::Init(inst) => {
                if !v.is_none() {
                    let msg = format!("__init__() should return None, not '{}'", v.type_name());
                    return Err(self.type_error(&msg));
                }
                Ok(inst)
            }
            FrameKind::ClassBody(_) => Ok(v),
            FrameKind::GenFor { .. }
            | FrameKind::GenYieldFrom { .. }
            | FrameKind::GenCall { .. } => {
                self.finish_generator(frame);
                Ok(v)
            }
        }
    }
}

/// The keyword names of a `CallKw` (a constant tuple of strings).
fn kwnames(consts: *const Value, k: u16, vm: &mut Vm) -> Vec<Symbol> {
    // SAFETY: `k` is a constant index the compiler emitted for this code.
    let t = unsafe { *consts.add(k as usize) };
    match t {
        Value::Tuple(t) => t
            .items()
            .iter()
            .map(|v| match v {
                Value::Str(s) => vm.intern(s.as_str()),
                _ => vm.intern(""),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `a KIND b` (a `BinaryKind` index) on ints and floats when it cannot
/// fail; `None` sends a superinstruction to its plain instructions.
#[inline(always)]
fn arith_fast(kind: u8, a: Value, b: Value) -> Option<Value> {
    const ADD: u8 = BinaryKind::Add as u8;
    const SUB: u8 = BinaryKind::Sub as u8;
    const MUL: u8 = BinaryKind::Mul as u8;
    const TRUE_DIV: u8 = BinaryKind::TrueDiv as u8;
    const FLOOR_DIV: u8 = BinaryKind::FloorDiv as u8;
    const MOD: u8 = BinaryKind::Mod as u8;
    // An int converts to a float exactly below 2**53, as CPython's mixed
    // arithmetic requires.
    let exact = |i: i64| i.unsigned_abs() <= 1 << 53;
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            return match kind {
                ADD => x.checked_add(y).map(Value::Int),
                SUB => x.checked_sub(y).map(Value::Int),
                MUL => x.checked_mul(y).map(Value::Int),
                MOD if x >= 0 && y > 0 => Some(Value::Int(x % y)),
                FLOOR_DIV if x >= 0 && y > 0 => Some(Value::Int(x / y)),
                TRUE_DIV if y != 0 && exact(x) && exact(y) => {
                    Some(Value::Float(x as f64 / y as f64))
                }
                _ => None,
            };
        }
        (Value::Float(x), Value::Float(y)) => (x, y),
        (Value::Float(x), Value::Int(y)) if exact(y) => (x, y as f64),
        (Value::Int(x), Value::Float(y)) if exact(x) => (x as f64, y),
        _ => return None,
    };
    match kind {
        ADD => Some(Value::Float(x + y)),
        SUB => Some(Value::Float(x - y)),
        MUL => Some(Value::Float(x * y)),
        TRUE_DIV if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

/// Whether the fused compare-and-branch `op` (`JumpIfNotLt t`...) would
/// fall through on ints, floats or (for `==`, `!=`) strings, and its
/// target; `None` for any other operands.
#[inline(always)]
fn compare_fast(op: Op, a: Value, b: Value) -> Option<(bool, u16)> {
    #[derive(PartialEq)]
    enum C {
        Lt,
        Le,
        Gt,
        Ge,
        Eq,
        Ne,
    }
    let (c, t) = match op {
        Op::JumpIfNotLt(t) => (C::Lt, t),
        Op::JumpIfNotLe(t) => (C::Le, t),
        Op::JumpIfNotGt(t) => (C::Gt, t),
        Op::JumpIfNotGe(t) => (C::Ge, t),
        Op::JumpIfNotEq(t) => (C::Eq, t),
        Op::JumpIfNotNe(t) => (C::Ne, t),
        _ => return None,
    };
    macro_rules! by {
        ($x:expr, $y:expr) => {
            match c {
                C::Lt => $x < $y,
                C::Le => $x <= $y,
                C::Gt => $x > $y,
                C::Ge => $x >= $y,
                C::Eq => $x == $y,
                C::Ne => $x != $y,
            }
        };
    }
    let holds = match (a, b) {
        (Value::Int(x), Value::Int(y)) => by!(x, y),
        (Value::Float(x), Value::Float(y)) => by!(x, y),
        (Value::Str(x), Value::Str(y)) if c == C::Eq || c == C::Ne => {
            let same = x.as_str() == y.as_str();
            same == (c == C::Eq)
        }
        _ => return None,
    };
    Some((holds, t))
}

/// The index of the instruction `ip` points at.
#[inline(always)]
fn index_of(ip: *const Op, ops: *const Op) -> u32 {
    // The barrier keeps the compiler from computing this for every
    // instruction in the dispatch head (it is only needed on slow paths).
    let ip = std::hint::black_box(ip);
    // SAFETY: `ip` always points into (or one past) the stream `ops`.
    unsafe { ip.offset_from(ops) as u32 }
}
