//! The builtin functions: `print`, `len`, `isinstance`, `sorted`, `min`,
//! `max`, `sum`, `iter`, `next`, `getattr`, `super`, ...

use crate::gc::Gc;
use crate::intern::sym;
use crate::object::*;
use crate::value::Value;
use crate::vm::{Cmp, ExcKind, Unwind, Vm, VmResult};

use super::{
    arg_count, attr_name, exactly_one, int_arg, kwarg, native, no_kwargs, Descriptor, Super,
};

pub(super) fn install(vm: &mut Vm, b: Gc<Module>) {
    let fns: &[(&'static str, NativeImpl)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("sorted", sorted),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("ord", ord),
        ("chr", chr),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("any", any),
        ("all", all),
        ("iter", iter),
        ("next", next),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("callable", callable),
        ("id", id),
        ("hash", hash),
        ("format", format),
        ("super", super_),
        ("exit", exit),
        ("quit", exit),
        ("globals", globals),
        ("__import__", import),
        ("dir", dir),
    ];
    for &(name, f) in fns {
        let v = native(vm, name, None, f);
        let s = vm.intern(name);
        b.set(s, v);
    }
    let consts = [
        ("None", Value::None),
        ("True", Value::Bool(true)),
        ("False", Value::Bool(false)),
        ("Ellipsis", Value::Ellipsis),
        ("NotImplemented", Value::NotImplemented),
        ("__debug__", Value::Bool(true)),
    ];
    for (name, v) in consts {
        let s = vm.intern(name);
        b.set(s, v);
    }
}

fn print(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut to_stderr = false;
    let mut flush = false;
    for &(k, v) in kw {
        match vm.symbol_text(k) {
            "sep" | "end" => {
                let which = vm.symbol_text(k).to_string();
                let s = match v {
                    Value::None => {
                        if which == "sep" {
                            " ".into()
                        } else {
                            "\n".into()
                        }
                    }
                    Value::Str(s) => s.as_str().to_string(),
                    other => {
                        let msg = format!(
                            "{which} must be None or a string, not {}",
                            other.type_name()
                        );
                        return Err(vm.type_error(&msg));
                    }
                };
                if which == "sep" {
                    sep = s;
                } else {
                    end = s;
                }
            }
            "file" => {
                // Only the standard streams exist in the sandbox.
                if let Value::Opaque(o) = v {
                    if let Some(s) = o.data.as_any().downcast_ref::<super::modules::Stream>() {
                        to_stderr = s.is_stderr;
                    }
                } else if !v.is_none() {
                    let msg = format!("'{}' object has no attribute 'write'", v.type_name());
                    return Err(vm.error(ExcKind::AttributeError, &msg));
                }
            }
            "flush" => flush = vm.truthy(v)?,
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for print()");
                return Err(vm.type_error(&msg));
            }
        }
    }
    let mut out = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            Value::Int(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{n}");
            }
            other => {
                let s = vm.to_str(other)?;
                out.push_str(&s);
            }
        }
    }
    out.push_str(&end);
    vm.write_out(&out, to_stderr)?;
    if flush {
        vm.flush();
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "len", kw)?;
    let v = exactly_one(vm, "len", args)?;
    Ok(Value::Int(vm.len(v)? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "repr", kw)?;
    let v = exactly_one(vm, "repr", args)?;
    let s = vm.repr(v)?;
    Ok(vm.string_value(s))
}

fn ascii(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "ascii", kw)?;
    let v = exactly_one(vm, "ascii", args)?;
    let s = vm.repr(v)?;
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(vm.string_value(out))
}

fn abs(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "abs", kw)?;
    let v = exactly_one(vm, "abs", args)?;
    match v {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(|| vm.int_overflow()),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match vm.call_method(v, sym::ABS, &[])? {
            Some(r) => Ok(r),
            None => {
                let msg = format!("bad operand type for abs(): '{}'", v.type_name());
                Err(vm.type_error(&msg))
            }
        },
    }
}

/// `min`/`max`: one iterable or several arguments, `key=`, `default=`.
fn min_max(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>, name: &str, want: Cmp) -> VmResult<Value> {
    let key = kwarg(vm, name, kw, &["key", "default"], "key")?.filter(|k| !k.is_none());
    let default = kwarg(vm, name, kw, &["key", "default"], "default")?;
    if args.is_empty() {
        let msg = format!("{name} expected at least 1 argument, got 0");
        return Err(vm.type_error(&msg));
    }
    if args.len() > 1 && default.is_some() {
        let msg =
            format!("Cannot specify a default for {name}() with multiple positional arguments");
        return Err(vm.type_error(&msg));
    }
    let items = if args.len() == 1 {
        vm.collect_iter(args[0])?
    } else {
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => {
                let msg = format!("{name}() arg is an empty sequence");
                Err(vm.value_error(&msg))
            }
        };
    }
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(&items);
    let r: VmResult<_> = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call(k, &[best])?,
            None => best,
        };
        vm.roots.push(best_key);
        for &x in &items[1..] {
            let xk = match key {
                Some(k) => vm.call(k, &[x])?,
                None => x,
            };
            vm.roots.push(xk);
            if vm.compare_bool(want, xk, best_key)? {
                best = x;
                best_key = xk;
            }
        }
        Ok(best)
    })();
    vm.roots.truncate(mark);
    r
}

fn min(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    min_max(vm, args, kw, "min", Cmp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    min_max(vm, args, kw, "max", Cmp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let start_kw = kwarg(vm, "sum", kw, &["start"], "start")?;
    if args.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if args.len() > 2 {
        let msg = format!("sum() takes at most 2 arguments ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    let mut acc = if args.len() == 2 {
        args[1]
    } else {
        start_kw.unwrap_or(Value::Int(0))
    };
    match acc {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.get_iter(args[0])?;
    vm.roots.push(it);
    let r: VmResult<_> = (|| {
        let mut n = 0usize;
        while let Some(x) = vm.iter_next(it)? {
            acc = match (acc, x) {
                (Value::Int(a), Value::Int(b)) => match a.checked_add(b) {
                    Some(c) => Value::Int(c),
                    None => return Err(vm.int_overflow()),
                },
                (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                _ => {
                    vm.roots.push(acc);
                    let r = vm.binary_op(crate::bytecode::BinaryKind::Add, acc, x);
                    vm.roots.pop();
                    r?
                }
            };
            n += 1;
            if n % Vm::POLL_EVERY == 0 {
                vm.poll()?;
            }
        }
        Ok(acc)
    })();
    vm.roots.pop();
    r
}

/// Whether `v` is an instance of class `c` (or of a subclass).
pub(crate) fn instance_of(vm: &mut Vm, v: Value, c: Gc<Class>) -> bool {
    let t = vm.type_of(v);
    t.is_subclass_of(&c)
}

fn class_check(
    vm: &mut Vm,
    v: Value,
    spec: Value,
    fname: &str,
    test: &mut dyn FnMut(&mut Vm, Gc<Class>) -> bool,
) -> VmResult<bool> {
    match spec {
        Value::Class(c) => Ok(test(vm, c)),
        Value::Tuple(t) => {
            for &x in t.items() {
                if class_check(vm, v, x, fname, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let msg = format!("{fname}() arg 2 must be a type, a tuple of types, or a union");
            Err(vm.type_error(&msg))
        }
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "isinstance", kw)?;
    arg_count(vm, "isinstance", args, 2, 2)?;
    let v = args[0];
    let r = class_check(vm, v, args[1], "isinstance", &mut |vm, c| {
        instance_of(vm, v, c)
    })?;
    Ok(Value::Bool(r))
}

fn issubclass(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "issubclass", kw)?;
    arg_count(vm, "issubclass", args, 2, 2)?;
    let Value::Class(sub) = args[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let r = class_check(vm, args[0], args[1], "issubclass", &mut |_, c| {
        sub.is_subclass_of(&c)
    })?;
    Ok(Value::Bool(r))
}

/// Sorts `items` in place (stable) by `key`, honouring `reverse`.
pub(crate) fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> VmResult<()> {
    let mark = vm.roots.len();
    let r = sort_unrooted(vm, items, key, reverse);
    vm.roots.truncate(mark);
    r
}

/// [`sort_values`] without the cleanup of `vm.roots`. `items` are not in
/// the heap: before the first guest code runs (a key function, an
/// `__lt__`), which may collect, they are pushed on `vm.roots`. Sorting
/// ints, floats and strings runs none, and copies nothing.
fn sort_unrooted(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> VmResult<()> {
    let owned_keys = match key {
        Some(k) => {
            vm.root_polling(items)?;
            let mut ks = Vec::with_capacity(items.len());
            for &x in items.iter() {
                let kv = vm.call(k, &[x])?;
                vm.roots.push(kv);
                ks.push(kv);
            }
            Some(ks)
        }
        None => None,
    };
    let keys: &[Value] = owned_keys.as_deref().unwrap_or(items);
    // The sort's big buffers are filled in polled chunks: a kill while
    // they fault in their pages must not wait for all of them.
    let n = items.len();
    let mut idx: Vec<usize> = Vec::with_capacity(n);
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    for start in (0..n).step_by(Vm::POLL_EVERY) {
        let end = (start + Vm::POLL_EVERY).min(n);
        vm.poll_filling(&mut idx)?;
        idx.extend(start..end);
        vm.poll_filling(&mut buf)?;
        buf.resize(end, 0);
    }
    let mut order = ValueOrder {
        vm,
        keys,
        reverse,
        rooted: key.is_some(),
        until_poll: Vm::POLL_EVERY,
        err: None,
    };
    merge_sort(&mut idx, &mut buf, &mut order);
    if let Some(e) = order.err {
        // Stopped by a kill, most likely: the big buffers go back to
        // the OS after the kill has been reported (see `Discarded`).
        vm.discard(idx);
        vm.discard(buf);
        if let Some(ks) = owned_keys {
            vm.discard(ks);
        }
        return Err(e);
    }
    let mut sorted: Vec<Value> = Vec::with_capacity(n);
    for chunk in idx.chunks(Vm::POLL_EVERY) {
        vm.poll_filling(&mut sorted)?;
        sorted.extend(chunk.iter().map(|&i| items[i]));
    }
    let unsorted = std::mem::replace(items, sorted);
    for scratch in [idx, buf] {
        vm.free_large(scratch);
    }
    vm.free_large(unsorted);
    if let Some(ks) = owned_keys {
        vm.free_large(ks);
    }
    Ok(())
}

/// The order of a guest sort: by `keys`, with the fast comparisons of
/// ints, floats and strings inline, and polls for kills.
struct ValueOrder<'a> {
    vm: &'a mut Vm,
    keys: &'a [Value],
    reverse: bool,
    /// Whether the keys are on `vm.roots` (see [`sort_unrooted`]).
    rooted: bool,
    until_poll: usize,
    /// What stopped the sort: a kill, or an exception from `__lt__`.
    err: Option<Box<Unwind>>,
}

impl ValueOrder<'_> {
    fn fail(&mut self, r: VmResult<()>) -> bool {
        match r {
            Ok(()) => true,
            Err(e) => {
                self.err = Some(e);
                false
            }
        }
    }
}

impl SortOrder for ValueOrder<'_> {
    fn less(&mut self, a: usize, b: usize) -> Option<bool> {
        self.until_poll -= 1;
        if self.until_poll == 0 && !self.go_on() {
            return None;
        }
        let (x, y) = if self.reverse {
            (self.keys[b], self.keys[a])
        } else {
            (self.keys[a], self.keys[b])
        };
        match (x, y) {
            (Value::Int(p), Value::Int(q)) => return Some(p < q),
            (Value::Float(p), Value::Float(q)) => return Some(p < q),
            (Value::Str(p), Value::Str(q)) => return Some(p.as_str() < q.as_str()),
            _ => {}
        }
        if !self.rooted {
            self.rooted = true;
            let r = self.vm.root_polling(self.keys);
            if !self.fail(r) {
                return None;
            }
        }
        match self.vm.compare_bool(Cmp::Lt, x, y) {
            Ok(r) => Some(r),
            Err(e) => {
                self.err = Some(e);
                None
            }
        }
    }

    fn go_on(&mut self) -> bool {
        self.until_poll = Vm::POLL_EVERY;
        let r = self.vm.poll();
        self.fail(r)
    }
}

/// What [`merge_sort`] asks of its caller. `None` or `false` stops the
/// sort at once: after a kill or an exception the remaining work of a
/// ten-million-item sort would delay the kill by a second.
trait SortOrder {
    /// Whether item `a` goes before item `b`.
    fn less(&mut self, a: usize, b: usize) -> Option<bool>;
    /// Called between chunks of work that compares nothing.
    fn go_on(&mut self) -> bool;
}

/// A stable merge sort of the indices in `v` (Rust's `sort_by` requires a
/// total order and must not observe a panic-free but inconsistent
/// comparator). When the order stops it, `v` is left in some order.
/// `buf` is scratch space as long as `v`, the caller's so that it can keep
/// the memory of a stopped sort.
fn merge_sort(v: &mut Vec<usize>, buf: &mut Vec<usize>, order: &mut dyn SortOrder) {
    let n = v.len();
    debug_assert_eq!(buf.len(), n);
    if n < 2 {
        return;
    }
    // Insertion sort for short runs, then bottom-up merges.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                match order.less(v[j], v[j - 1]) {
                    Some(true) => {}
                    Some(false) => break,
                    None => return,
                }
                v.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                let Some(lt) = order.less(v[j], v[i]) else {
                    return;
                };
                if lt {
                    buf[k] = v[j];
                    j += 1;
                } else {
                    buf[k] = v[i];
                    i += 1;
                }
                k += 1;
            }
            // One side is used up: the rest of the other is copied as is,
            // in polled chunks (half of a million-item merge).
            let rest = if i < mid { i..mid } else { j..end };
            for chunk in v[rest].chunks(Vm::POLL_EVERY) {
                buf[k..k + chunk.len()].copy_from_slice(chunk);
                k += chunk.len();
                if chunk.len() == Vm::POLL_EVERY && !order.go_on() {
                    return;
                }
            }
            start = end;
        }
        std::mem::swap(v, buf);
        width *= 2;
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    arg_count(vm, "sorted", args, 1, 1)?;
    let key = kwarg(vm, "sort", kw, &["key", "reverse"], "key")?.filter(|k| !k.is_none());
    let reverse = match kwarg(vm, "sort", kw, &["key", "reverse"], "reverse")? {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let mut items = vm.collect_iter(args[0])?;
    if let Err(e) = sort_values(vm, &mut items, key, reverse) {
        vm.discard(items);
        return Err(e);
    }
    Ok(vm.list_value(items))
}

fn int_repr_radix(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs<'_>,
    name: &str,
    prefix: &str,
    radix: u32,
) -> VmResult<Value> {
    no_kwargs(vm, name, kw)?;
    let v = exactly_one(vm, name, args)?;
    let i = int_arg(vm, v)?;
    let mag = i.unsigned_abs();
    let digits = match radix {
        16 => format!("{mag:x}"),
        8 => format!("{mag:o}"),
        _ => format!("{mag:b}"),
    };
    let s = format!("{}{prefix}{digits}", if i < 0 { "-" } else { "" });
    Ok(vm.string_value(s))
}

fn hex(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    int_repr_radix(vm, args, kw, "hex", "0x", 16)
}

fn oct(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    int_repr_radix(vm, args, kw, "oct", "0o", 8)
}

fn bin(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    int_repr_radix(vm, args, kw, "bin", "0b", 2)
}

fn ord(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "ord", kw)?;
    let v = exactly_one(vm, "ord", args)?;
    match v {
        Value::Str(s) => {
            if s.char_len() != 1 {
                let msg = format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                );
                return Err(vm.type_error(&msg));
            }
            Ok(Value::Int(s.as_str().chars().next().unwrap() as i64))
        }
        other => {
            let msg = format!(
                "ord() expected string of length 1, but {} found",
                other.type_name()
            );
            Err(vm.type_error(&msg))
        }
    }
}

fn chr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "chr", kw)?;
    let v = exactly_one(vm, "chr", args)?;
    let i = int_arg(vm, v)?;
    match u32::try_from(i).ok().filter(|&n| n < 0x110000) {
        Some(n) => match char::from_u32(n) {
            Some(c) => Ok(vm.char_value(c)),
            None => Err(vm
                .value_error("chr() arg is a lone surrogate, which this VM's strings cannot hold")),
        },
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn round(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let nd_kw = kwarg(vm, "round", kw, &["number", "ndigits"], "ndigits")?;
    let num_kw = kwarg(vm, "round", kw, &["number", "ndigits"], "number")?;
    let number = match (args.first(), num_kw) {
        (Some(&v), _) | (None, Some(v)) => v,
        _ => return Err(vm.type_error("round() missing required argument 'number' (pos 1)")),
    };
    if args.len() > 2 {
        let msg = format!("round() takes at most 2 arguments ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    let ndigits = args.get(1).copied().or(nd_kw).filter(|v| !v.is_none());
    match number {
        Value::Float(f) => match ndigits {
            None => {
                if f.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(vm.error(
                        ExcKind::OverflowError,
                        "cannot convert float infinity to integer",
                    ));
                }
                let r = f.round_ties_even();
                if r.abs() >= 9.223372036854775808e18 {
                    return Err(vm.int_overflow());
                }
                Ok(Value::Int(r as i64))
            }
            Some(nd) => {
                let nd = int_arg(vm, nd)?;
                Ok(Value::Float(round_float(f, nd)))
            }
        },
        Value::Int(_) | Value::Bool(_) => {
            let i = int_arg(vm, number)?;
            match ndigits {
                None => Ok(Value::Int(i)),
                Some(nd) => {
                    let nd = int_arg(vm, nd)?;
                    if nd >= 0 {
                        return Ok(Value::Int(i));
                    }
                    if nd < -18 {
                        return Ok(Value::Int(0));
                    }
                    let p = 10i64.pow((-nd) as u32);
                    let q = i.div_euclid(p);
                    let r = i.rem_euclid(p);
                    let twice = r * 2;
                    let q = if twice > p || (twice == p && q % 2 != 0) {
                        q + 1
                    } else {
                        q
                    };
                    q.checked_mul(p)
                        .map(Value::Int)
                        .ok_or_else(|| vm.int_overflow())
                }
            }
        }
        _ => {
            let round_sym = vm_sym_round(vm);
            if let Some(f) = vm.lookup_special(number, round_sym) {
                let mut a = vec![number];
                if let Some(nd) = ndigits {
                    a.push(nd);
                }
                return vm.call(f, &a);
            }
            let msg = format!(
                "type {} doesn't define __round__ method",
                number.type_name()
            );
            Err(vm.type_error(&msg))
        }
    }
}

fn vm_sym_round(vm: &mut Vm) -> crate::intern::Symbol {
    vm.intern("__round__")
}

/// `round(x, nd)` for floats: correctly rounded through the decimal
/// representation, like CPython (`round(2.675, 2)` is `2.67`).
pub(crate) fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || nd > 308 {
        return x;
    }
    if nd < -308 {
        return 0.0f64.copysign(x);
    }
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        if r == 0.0 {
            return 0.0f64.copysign(x);
        }
        r
    } else {
        let p = 10f64.powi((-nd) as i32);
        let y = x / p;
        let r = y.round_ties_even() * p;
        if r.is_infinite() {
            return x;
        }
        r
    }
}

fn divmod(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "divmod", kw)?;
    arg_count(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if let (
        Value::Float(_) | Value::Int(_) | Value::Bool(_),
        Value::Float(_) | Value::Int(_) | Value::Bool(_),
    ) = (a, b)
    {
        let is_float = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
        if is_float {
            let x = match a {
                Value::Float(f) => f,
                Value::Int(i) => i as f64,
                Value::Bool(b) => b as i64 as f64,
                _ => 0.0,
            };
            let y = match b {
                Value::Float(f) => f,
                Value::Int(i) => i as f64,
                Value::Bool(b) => b as i64 as f64,
                _ => 0.0,
            };
            if y == 0.0 {
                return Err(vm.error(ExcKind::ZeroDivisionError, "float divmod()"));
            }
            let q = vm.float_op(crate::bytecode::BinaryKind::FloorDiv, x, y)?;
            let r = vm.float_op(crate::bytecode::BinaryKind::Mod, x, y)?;
            return Ok(vm.tuple_value(vec![q, r]));
        }
    }
    let q = vm.binary_op(crate::bytecode::BinaryKind::FloorDiv, a, b)?;
    let r = vm.binary_op(crate::bytecode::BinaryKind::Mod, a, b)?;
    Ok(vm.tuple_value(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let allowed = ["base", "exp", "mod"];
    let kb = kwarg(vm, "pow", kw, &allowed, "base")?;
    let ke = kwarg(vm, "pow", kw, &allowed, "exp")?;
    let km = kwarg(vm, "pow", kw, &allowed, "mod")?;
    let base = args.first().copied().or(kb);
    let exp = args.get(1).copied().or(ke);
    let modulus = args.get(2).copied().or(km).filter(|m| !m.is_none());
    let Some(base) = base else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = exp else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    match modulus {
        None => vm.binary_op(crate::bytecode::BinaryKind::Pow, base, exp),
        Some(m) => {
            let (Value::Int(b), Value::Int(e), Value::Int(md)) = (base, exp, m) else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if md == 0 {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let md128 = md as i128;
            let mut b = (b as i128).rem_euclid(md128.abs());
            let mut e = e;
            if e < 0 {
                // Modular inverse (Python 3.8+).
                match mod_inverse(b, md128.abs()) {
                    Some(inv) => b = inv,
                    None => {
                        return Err(vm.value_error("base is not invertible for the given modulus"))
                    }
                }
                e = -e;
            }
            let mut acc: i128 = 1 % md128.abs();
            let mut e = e as u64;
            while e > 0 {
                if e & 1 == 1 {
                    acc = acc * b % md128.abs();
                }
                b = b * b % md128.abs();
                e >>= 1;
            }
            if md < 0 && acc != 0 {
                acc += md128;
            }
            Ok(Value::Int(acc as i64))
        }
    }
}

fn mod_inverse(a: i128, m: i128) -> Option<i128> {
    let (mut old_r, mut r) = (a, m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    if old_r != 1 {
        return None;
    }
    Some(old_s.rem_euclid(m))
}

fn any_all(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>, name: &str, want: bool) -> VmResult<Value> {
    no_kwargs(vm, name, kw)?;
    let v = exactly_one(vm, name, args)?;
    let it = vm.get_iter(v)?;
    vm.roots.push(it);
    let r: VmResult<_> = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if vm.truthy(x)? == want {
                return Ok(Value::Bool(want));
            }
        }
        Ok(Value::Bool(!want))
    })();
    vm.roots.pop();
    r
}

fn any(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    any_all(vm, args, kw, "any", true)
}

fn all(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    any_all(vm, args, kw, "all", false)
}

fn iter(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "iter", kw)?;
    arg_count(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        return Err(vm.type_error("iter(callable, sentinel) is not supported by this VM"));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "next", kw)?;
    arg_count(vm, "next", args, 1, 2)?;
    let it = args[0];
    if !matches!(
        it,
        Value::Iter(_) | Value::Generator(_) | Value::Instance(_)
    ) {
        let msg = format!("'{}' object is not an iterator", it.type_name());
        return Err(vm.type_error(&msg));
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => {
                let value = match it {
                    Value::Generator(_) => std::mem::replace(&mut vm.gen_return_value, Value::None),
                    _ => Value::None,
                };
                Err(vm.stop_iteration(value))
            }
        },
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "hasattr", kw)?;
    arg_count(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    match vm.lookup_attr(args[0], name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) => match *e {
            Unwind::Raise(x) if vm.exc_is(x, ExcKind::AttributeError) => Ok(Value::Bool(false)),
            _ => Err(e),
        },
    }
}

fn getattr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "getattr", kw)?;
    arg_count(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1])?;
    match vm.lookup_attr(args[0], name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.attribute_error(args[0], name)),
        },
        Err(e) => match (*e, args.get(2)) {
            (Unwind::Raise(x), Some(&d)) if vm.exc_is(x, ExcKind::AttributeError) => Ok(d),
            (other, _) => Err(Box::new(other)),
        },
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "setattr", kw)?;
    arg_count(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "delattr", kw)?;
    arg_count(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    vm.del_attr(args[0], name)?;
    Ok(Value::None)
}

fn callable(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "callable", kw)?;
    let v = exactly_one(vm, "callable", args)?;
    Ok(Value::Bool(match v {
        Value::Func(_) | Value::Native(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.user_defined && i.class.lookup(sym::CALL).is_some(),
        _ => false,
    }))
}

fn id(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "id", kw)?;
    let v = exactly_one(vm, "id", args)?;
    let n = match v {
        Value::Int(i) => i.wrapping_mul(0x9e37_79b9) as usize,
        Value::Float(f) => f.to_bits() as usize,
        Value::None => 1,
        Value::Bool(b) => 2 + b as usize,
        other => other.heap_addr().unwrap_or(0),
    };
    Ok(Value::Int((n & (i64::MAX as usize)) as i64))
}

fn hash(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "hash", kw)?;
    let v = exactly_one(vm, "hash", args)?;
    let h = vm.hash(v)?;
    Ok(Value::Int(h as i64))
}

fn format(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "format", kw)?;
    arg_count(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            let msg = format!("format() argument 2 must be str, not {}", other.type_name());
            return Err(vm.type_error(&msg));
        }
        None => String::new(),
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.string_value(s))
}

/// `super()` with no arguments: the class from the caller's `__class__`
/// cell and its first argument.
fn super_(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "super", kw)?;
    let (class, obj) = match args.len() {
        0 => {
            let Some(frame) = vm.frames.last().copied() else {
                return Err(vm.error(ExcKind::RuntimeError, "super(): no arguments"));
            };
            let code = frame.code.inner();
            let c = &code.code;
            let cell_slot = code.local_names.iter().position(|&n| n == sym::CLASS);
            let class = cell_slot.and_then(|i| match vm.stack[frame.base as usize + i] {
                Value::Cell(cell) => match cell.value.get() {
                    Value::Class(k) => Some(k),
                    _ => None,
                },
                _ => None,
            });
            let Some(class) = class else {
                return Err(vm.error(ExcKind::RuntimeError, "super(): __class__ cell not found"));
            };
            if c.argcount == 0 {
                return Err(vm.error(ExcKind::RuntimeError, "super(): no arguments"));
            }
            let mut first = vm.stack[frame.base as usize];
            if let Value::Cell(cell) = first {
                first = cell.value.get();
            }
            (class, first)
        }
        2 => match args[0] {
            Value::Class(c) => (c, args[1]),
            _ => return Err(vm.type_error("super() argument 1 must be a type")),
        },
        n => {
            let msg = format!("super() takes 0 or 2 arguments ({n} given)");
            return Err(vm.type_error(&msg));
        }
    };
    Ok(Value::Opaque(vm.alloc(Opaque {
        data: Box::new(Super { class, obj }),
    })))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let code = args.first().copied().unwrap_or(Value::None);
    let cls = vm.exc_class(ExcKind::SystemExit);
    let e = vm.new_exception(cls, if args.is_empty() { vec![] } else { vec![code] });
    Err(Box::new(Unwind::Raise(e)))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`:
/// the same gate as the `import` statement (the host's allowed built-in
/// modules, nothing from the file system), with CPython's errors.
fn import(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    arg_count(vm, "__import__", args, 0, 5)?;
    let mut params: [Option<Value>; 5] = [None; 5];
    for (i, &v) in args.iter().enumerate() {
        params[i] = Some(v);
    }
    for (i, name) in NAMES.iter().enumerate() {
        if let Some(v) = kwarg(vm, "__import__", kw, &NAMES, name)? {
            if params[i].is_some() {
                let msg = format!(
                    "argument for __import__() given by name ('{name}') and position ({})",
                    i + 1
                );
                return Err(vm.type_error(&msg));
            }
            params[i] = Some(v);
        }
    }
    let name = match params[0] {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(_) => return Err(vm.type_error("module name must be a string")),
        None => return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)")),
    };
    let level = match params[4] {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if level > 0 {
        return Err(vm.error(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    if name.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let sym = vm.intern(&name);
    vm.import_module(sym)
}

fn globals(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "globals", kw)?;
    super::no_args(vm, "globals", args)?;
    let module = vm.frames.last().map(|f| f.module);
    let mut table = crate::dict::DictTable::new();
    if let Some(m) = module {
        for (name, v) in m.entries() {
            let k = vm.str_value(&vm.symbol_text(name).to_string());
            let h = vm.hash(k)?;
            table.insert(h, k, v);
        }
    }
    Ok(vm.dict_value(table))
}

fn dir(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "dir", kw)?;
    arg_count(vm, "dir", args, 0, 1)?;
    let names = match args.first() {
        Some(&v) => vm.dir_of(v),
        None => {
            let f = vm.frames.last().copied();
            match f {
                Some(frame) => {
                    let code = frame.code.inner();
                    if code.code.flags.module {
                        frame
                            .module
                            .entries()
                            .into_iter()
                            .map(|(n, _)| vm.symbol_text(n).to_string())
                            .collect()
                    } else {
                        code.local_names
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| !vm.stack[frame.base as usize + i].is_undef())
                            .map(|(_, n)| vm.symbol_text(*n).to_string())
                            .collect()
                    }
                }
                None => Vec::new(),
            }
        }
    };
    let mut names = names;
    names.sort();
    names.dedup();
    let items: Vec<Value> = names.iter().map(|n| vm.str_value(n)).collect();
    Ok(vm.list_value(items))
}

/// `property(fget, fset)` / `staticmethod(f)` / `classmethod(f)` objects.
pub(crate) fn descriptor(vm: &mut Vm, d: Descriptor) -> Value {
    Value::Opaque(vm.alloc(Opaque { data: Box::new(d) }))
}

/// `BaseException.__init__(self, *args)`: stores `args`.
pub(super) fn exception_init(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let Some(&this) = args.first() else {
        return Err(
            vm.type_error("descriptor '__init__' of 'BaseException' object needs an argument")
        );
    };
    let t = vm.tuple_value(args[1..].to_vec());
    if let Some(d) = Vm::exc_data(this) {
        d.args.set(t);
    }
    Ok(Value::None)
}

/// `BaseException.__str__`.
pub(super) fn exception_str(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let this = exactly_one(vm, "BaseException.__str__", args)?;
    let s = vm.exception_str(this)?;
    Ok(vm.string_value(s))
}

/// `BaseException.__repr__`.
pub(super) fn exception_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let this = exactly_one(vm, "BaseException.__repr__", args)?;
    let name = match this {
        Value::Instance(i) => i.class.name.to_string(),
        _ => String::new(),
    };
    let a = vm.exc_args(this);
    let inner = if a.len() == 1 {
        vm.repr(a[0])?
    } else {
        let t = vm.tuple_value(a);
        let r = vm.repr(t)?;
        r[1..r.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(vm.string_value(format!("{name}({inner})")))
}

/// `BaseException.with_traceback(tb)`: returns the exception (tracebacks
/// are not first-class objects here).
pub(super) fn exception_with_traceback(
    vm: &mut Vm,
    args: &[Value],
    _kw: Kwargs<'_>,
) -> VmResult<Value> {
    arg_count(vm, "with_traceback", args, 2, 2)?;
    Ok(args[0])
}
