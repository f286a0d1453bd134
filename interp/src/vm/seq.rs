//! Sequence and container protocols: iteration, indexing, slicing, `len`.

use crate::gc::Gc;
use crate::intern::sym;
use crate::object::*;
use crate::value::Value;

use super::{ExcKind, Unwind, Vm, VmResult};

/// Resolved slice bounds over a sequence of some length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SliceIdx {
    pub start: i64,
    /// The clamped stop (`slice.indices`'s second item).
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// The indices the slice selects, in order.
    pub(crate) fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step, len) = (self.start, self.step, self.len);
        (0..len).map(move |k| (start + k as i64 * step) as usize)
    }
}

impl Vm {
    /// Whether `v` can be iterated.
    pub(crate) fn is_iterable(&self, v: Value) -> bool {
        match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::DictView(_)
            | Value::Iter(_)
            | Value::Generator(_) => true,
            Value::Instance(i) => {
                i.class.user_defined
                    && (i.class.lookup(sym::ITER).is_some()
                        || i.class.lookup(sym::GETITEM).is_some())
            }
            _ => false,
        }
    }

    fn new_iter(&mut self, state: IterState) -> Value {
        Value::Iter(self.alloc(IterObj::new(state)))
    }

    /// `iter(v)`.
    #[inline(never)]
    pub fn get_iter(&mut self, v: Value) -> VmResult<Value> {
        Ok(match v {
            Value::List(list) => self.new_iter(IterState::List { list, next: 0 }),
            Value::Tuple(tuple) => self.new_iter(IterState::Tuple { tuple, next: 0 }),
            Value::Str(s) => self.new_iter(IterState::Str { s, byte: 0 }),
            Value::Range(r) => self.new_iter(IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            }),
            Value::Dict(dict) => self.new_iter(IterState::Dict {
                dict,
                next: 0,
                len: dict.len(),
                part: DictPart::Keys,
            }),
            Value::DictView(view) => self.new_iter(IterState::Dict {
                dict: view.dict,
                next: 0,
                len: view.dict.len(),
                part: view.part,
            }),
            Value::Iter(_) | Value::Generator(_) => v,
            Value::Instance(i) if i.class.user_defined => {
                if let Some(r) = self.call_method(v, sym::ITER, &[])? {
                    let ok = match r {
                        Value::Instance(ri) => ri.class.lookup(sym::NEXT).is_some(),
                        Value::Iter(_) | Value::Generator(_) => true,
                        _ => false,
                    };
                    if !ok {
                        let msg =
                            format!("iter() returned non-iterator of type '{}'", r.type_name());
                        return Err(self.type_error(&msg));
                    }
                    r
                } else if i.class.lookup(sym::GETITEM).is_some() {
                    self.new_iter(IterState::GetItem { obj: v, next: 0 })
                } else {
                    return Err(self.not_iterable(v));
                }
            }
            _ => return Err(self.not_iterable(v)),
        })
    }

    pub(crate) fn not_iterable(&mut self, v: Value) -> Box<Unwind> {
        let msg = format!("'{}' object is not iterable", v.type_name());
        self.type_error(&msg)
    }

    /// Advances an iterator: `Some(item)`, or `None` when exhausted.
    #[inline(never)]
    pub fn iter_next(&mut self, it: Value) -> VmResult<Option<Value>> {
        match it {
            Value::Iter(obj) => self.builtin_iter_next(obj),
            Value::Generator(g) => self.resume_generator(g, Value::None),
            Value::Instance(_) => match self.lookup_special(it, sym::NEXT) {
                Some(f) => match self.call(f, &[it]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => match *e {
                        Unwind::Raise(exc) if self.exc_is(exc, ExcKind::StopIteration) => Ok(None),
                        _ => Err(e),
                    },
                },
                None => {
                    let msg = format!("'{}' object is not an iterator", it.type_name());
                    Err(self.type_error(&msg))
                }
            },
            _ => {
                let msg = format!("'{}' object is not an iterator", it.type_name());
                Err(self.type_error(&msg))
            }
        }
    }

    /// One step of a builtin iterator. The fast cases (list, range) are also
    /// inlined in the dispatch loop's `ForIter`.
    #[inline(never)]
    pub(crate) fn builtin_iter_next(&mut self, obj: Gc<IterObj>) -> VmResult<Option<Value>> {
        let st = obj.state();
        match st {
            IterState::List { list, next } => {
                let r = list.get(*next);
                if r.is_some() {
                    *next += 1;
                } else {
                    *st = IterState::Done;
                }
                Ok(r)
            }
            IterState::Tuple { tuple, next } => {
                let r = tuple.items().get(*next).copied();
                if r.is_some() {
                    *next += 1;
                } else {
                    *st = IterState::Done;
                }
                Ok(r)
            }
            IterState::Range { next, stop, step } => {
                let n = *next;
                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    *next = n.wrapping_add(*step);
                    if (*step > 0 && *next < n) || (*step < 0 && *next > n) {
                        // Wrapped past i64: this was the last value.
                        *next = *stop;
                    }
                    Ok(Some(Value::Int(n)))
                } else {
                    Ok(None)
                }
            }
            IterState::Str { s, byte } => {
                let text = s.inner().as_str();
                match text[*byte..].chars().next() {
                    Some(c) => {
                        *byte += c.len_utf8();
                        Ok(Some(self.char_value(c)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Dict {
                dict,
                next,
                len,
                part,
            } => {
                let (d, part) = (*dict, *part);
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(self.error(
                        ExcKind::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                match d.table().next_entry(*next) {
                    Some((pos, k, v)) => {
                        *next = pos + 1;
                        Ok(Some(match part {
                            DictPart::Keys => k,
                            DictPart::Values => v,
                            DictPart::Items => self.tuple_value(vec![k, v]),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Enumerate { inner, count } => {
                let (inner, n) = (*inner, *count);
                match self.iter_next(inner)? {
                    Some(v) => {
                        if let IterState::Enumerate { count, .. } = obj.state() {
                            *count = n + 1;
                        }
                        Ok(Some(self.tuple_value(vec![Value::Int(n), v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { iters } => {
                let iters = iters.to_vec();
                if iters.is_empty() {
                    return Ok(None);
                }
                let mark = self.roots.len();
                for &it in &iters {
                    match self.iter_next(it) {
                        Ok(Some(v)) => self.roots.push(v),
                        Ok(None) => {
                            self.roots.truncate(mark);
                            *obj.state() = IterState::Done;
                            return Ok(None);
                        }
                        Err(e) => {
                            self.roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                let items = self.roots[mark..].to_vec();
                self.roots.truncate(mark);
                Ok(Some(self.tuple_value(items)))
            }
            IterState::Map { func, iters } => {
                let (func, iters) = (*func, iters.to_vec());
                let mark = self.roots.len();
                for &it in &iters {
                    match self.iter_next(it) {
                        Ok(Some(v)) => self.roots.push(v),
                        Ok(None) => {
                            self.roots.truncate(mark);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                let args = self.roots[mark..].to_vec();
                let r = self.call(func, &args);
                self.roots.truncate(mark);
                r.map(Some)
            }
            IterState::Filter { func, iter } => {
                let (func, iter) = (*func, *iter);
                loop {
                    let Some(v) = self.iter_next(iter)? else {
                        return Ok(None);
                    };
                    self.roots.push(v);
                    let keep = if func.is_none() {
                        self.truthy(v)
                    } else {
                        self.call(func, &[v]).and_then(|r| self.truthy(r))
                    };
                    self.roots.pop();
                    if keep? {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::Reversed { seq, next } => {
                if *next == 0 {
                    return Ok(None);
                }
                *next -= 1;
                let (seq, i) = (*seq, *next);
                let r = match seq {
                    Value::List(l) => l.get(i),
                    Value::Tuple(t) => t.items().get(i).copied(),
                    Value::Range(r) => Some(Value::Int(r.nth(i as i64))),
                    Value::Str(s) => s.char_at(i).map(|c| self.char_value(c)),
                    other => Some(self.subscr(other, Value::Int(i as i64))?),
                };
                if r.is_none() {
                    if let IterState::Reversed { next, .. } = obj.state() {
                        *next = 0;
                    }
                }
                Ok(r)
            }
            IterState::GetItem { obj: target, next } => {
                let (target, i) = (*target, *next);
                *next += 1;
                match self.subscr(target, Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => match *e {
                        Unwind::Raise(exc)
                            if self.exc_is(exc, ExcKind::IndexError)
                                || self.exc_is(exc, ExcKind::StopIteration) =>
                        {
                            *obj.state() = IterState::Done;
                            Ok(None)
                        }
                        _ => Err(e),
                    },
                }
            }
            IterState::Done => Ok(None),
        }
    }

    /// A copy of `items`, polling the attention word between chunks: a
    /// copy of a huge list must not hold a kill back for milliseconds.
    pub(crate) fn copy_polling(&mut self, items: &[Value]) -> VmResult<Vec<Value>> {
        if items.len() <= Self::POLL_EVERY {
            return Ok(items.to_vec());
        }
        let mut out = Vec::with_capacity(items.len());
        for chunk in items.chunks(Self::POLL_EVERY) {
            self.poll_filling(&mut out)?;
            out.extend_from_slice(chunk);
        }
        Ok(out)
    }

    /// Pushes `items` on the temporary roots (before guest code runs while
    /// a builtin holds them outside the heap), in polled chunks.
    pub(crate) fn root_polling(&mut self, items: &[Value]) -> VmResult<()> {
        self.roots.reserve(items.len());
        for chunk in items.chunks(Self::POLL_EVERY) {
            self.poll()?;
            self.roots.extend_from_slice(chunk);
        }
        Ok(())
    }

    /// All items of an iterable. The returned values are not rooted: do not
    /// run guest code while holding them without rooting them first.
    pub fn collect_iter(&mut self, v: Value) -> VmResult<Vec<Value>> {
        match v {
            Value::List(l) => return l.with_items(|items| self.copy_polling(items)),
            Value::Tuple(t) => return self.copy_polling(t.items()),
            Value::Dict(d) => return Ok(d.table().keys()),
            Value::Range(r) => {
                let n = r.len().max(0) as usize;
                self.reserve(n.saturating_mul(16))?;
                let mut out = Vec::with_capacity(n);
                for i in 0..n as i64 {
                    if i as usize % Self::POLL_EVERY == 0 {
                        self.poll_filling(&mut out)?;
                    }
                    out.push(Value::Int(r.nth(i)));
                }
                return Ok(out);
            }
            Value::Str(s) => {
                let text = s.inner().as_str();
                // Sixteen bytes per character: `list(s)` of a string near
                // the heap limit would be sixteen times past it.
                self.reserve(s.char_len().saturating_mul(16))?;
                let mut out = Vec::with_capacity(s.char_len());
                for c in text.chars() {
                    out.push(self.char_value(c));
                }
                return Ok(out);
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        // Items accumulate in a heap list on the root stack, so a collection
        // during a generator's code keeps them.
        let acc = self.alloc(List::new(Vec::new()));
        self.roots.push(it);
        self.roots.push(Value::List(acc));
        let r: VmResult<_> = (|| {
            let mut n = 0usize;
            while let Some(x) = self.iter_next(it)? {
                let grown = acc.push(x);
                self.note_growth(grown);
                n += 1;
                if n % Self::POLL_EVERY == 0 {
                    self.poll()?;
                }
            }
            Ok(())
        })();
        self.roots.truncate(self.roots.len() - 2);
        r?;
        Ok(acc.to_vec())
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> VmResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::DictView(d) => d.dict.len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(_) => match self.call_method(v, sym::LEN, &[])? {
                Some(Value::Int(i)) if i >= 0 => i as usize,
                Some(Value::Bool(b)) => b as usize,
                Some(Value::Int(_)) => return Err(self.value_error("__len__() should return >= 0")),
                Some(other) => {
                    let msg = format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    );
                    return Err(self.type_error(&msg));
                }
                None => {
                    let msg = format!("object of type '{}' has no len()", v.type_name());
                    return Err(self.type_error(&msg));
                }
            },
            _ => {
                let msg = format!("object of type '{}' has no len()", v.type_name());
                return Err(self.type_error(&msg));
            }
        })
    }

    /// An int usable as an index (`__index__`).
    pub(crate) fn index_value(&mut self, v: Value) -> VmResult<Option<i64>> {
        Ok(match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::Instance(_) => match self.call_method(v, sym::INDEX, &[])? {
                Some(Value::Int(i)) => Some(i),
                _ => None,
            },
            _ => None,
        })
    }

    /// Resolves a slice against a length (`PySlice_GetIndicesEx`).
    pub(crate) fn slice_indices(&mut self, s: &Slice, len: usize) -> VmResult<SliceIdx> {
        self.slice_bounds(s.start, s.stop, s.step, len)
    }

    /// The indices `[start:stop:step]` selects of a sequence of `len`
    /// items (`slice.indices`).
    pub(crate) fn slice_bounds(
        &mut self,
        start: Value,
        stop: Value,
        step: Value,
        len: usize,
    ) -> VmResult<SliceIdx> {
        let len_i = len as i64;
        let simple = |v: Value, default: i64| match v {
            Value::Int(x) if x < 0 => Some((x + len_i).max(0)),
            Value::Int(x) => Some(x.min(len_i)),
            Value::None => Some(default),
            _ => None,
        };
        if step.is_none() {
            // The common `[a:b]`, `[:b]`, `[a:]`.
            if let (Some(a), Some(b)) = (simple(start, 0), simple(stop, len_i)) {
                return Ok(SliceIdx {
                    start: a,
                    stop: b,
                    step: 1,
                    len: (b - a).max(0) as usize,
                });
            }
        }
        let get = |vm: &mut Vm, v: Value| -> VmResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.index_value(v)? {
                Some(i) => Ok(Some(i)),
                None => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = get(self, step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
            match v {
                None => default,
                Some(mut x) => {
                    if x < 0 {
                        x += len_i;
                        if x < lo {
                            x = lo;
                        }
                    } else if x > hi {
                        x = hi;
                    }
                    x
                }
            }
        };
        let (start, stop) = if step > 0 {
            (
                clamp(get(self, start)?, 0, 0, len_i),
                clamp(get(self, stop)?, len_i, 0, len_i),
            )
        } else {
            (
                clamp(get(self, start)?, len_i - 1, -1, len_i - 1),
                clamp(get(self, stop)?, -1, -1, len_i - 1),
            )
        };
        let n = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIdx {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    fn norm_index(i: i64, len: usize) -> Option<usize> {
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            None
        } else {
            Some(j as usize)
        }
    }

    /// `obj[start:stop:step]`: lists, tuples and strings without making a
    /// slice object (`Op::SubscrSlice`), anything else through `subscr`.
    #[inline(never)]
    pub(crate) fn slice_of(
        &mut self,
        obj: Value,
        start: Value,
        stop: Value,
        step: Value,
    ) -> VmResult<Value> {
        match obj {
            Value::List(l) => {
                let idx = self.slice_bounds(start, stop, step, l.len())?;
                let items = l.with_items(|v| match idx.step {
                    1 => self.copy_polling(&v[idx.start as usize..][..idx.len]),
                    _ => Ok(idx.indices().map(|i| v[i]).collect()),
                })?;
                Ok(self.list_value(items))
            }
            Value::Tuple(t) => {
                let idx = self.slice_bounds(start, stop, step, t.len())?;
                if idx.step == 1 && idx.len == t.len() {
                    return Ok(obj);
                }
                let items = match idx.step {
                    1 => self.copy_polling(&t.items()[idx.start as usize..][..idx.len])?,
                    _ => idx.indices().map(|i| t.items()[i]).collect(),
                };
                Ok(self.tuple_value(items))
            }
            Value::Str(s) => {
                let idx = self.slice_bounds(start, stop, step, s.char_len())?;
                let text = s.inner().as_str();
                let out: String = if s.is_ascii() {
                    if idx.step == 1 {
                        let a = idx.start.max(0) as usize;
                        text.get(a..a + idx.len).unwrap_or("").to_string()
                    } else {
                        let b = text.as_bytes();
                        idx.indices().map(|i| b[i] as char).collect()
                    }
                } else {
                    let chars: Vec<char> = text.chars().collect();
                    idx.indices().map(|i| chars[i]).collect()
                };
                Ok(self.string_value(out))
            }
            _ => {
                let key = Value::Slice(self.alloc(Slice { start, stop, step }));
                self.subscr(obj, key)
            }
        }
    }

    /// `obj[key]`.
    #[inline(never)]
    pub fn subscr(&mut self, obj: Value, key: Value) -> VmResult<Value> {
        match obj {
            Value::List(l) => {
                if let Some(i) = self.index_value(key)? {
                    return match Vm::norm_index(i, l.len()) {
                        Some(j) => Ok(l.get(j).unwrap()),
                        None => Err(self.error(ExcKind::IndexError, "list index out of range")),
                    };
                }
                if let Value::Slice(s) = key {
                    return self.slice_of(obj, s.start, s.stop, s.step);
                }
                let msg = format!(
                    "list indices must be integers or slices, not {}",
                    key.type_name()
                );
                Err(self.type_error(&msg))
            }
            Value::Tuple(t) => {
                if let Some(i) = self.index_value(key)? {
                    return match Vm::norm_index(i, t.len()) {
                        Some(j) => Ok(t.items()[j]),
                        None => Err(self.error(ExcKind::IndexError, "tuple index out of range")),
                    };
                }
                if let Value::Slice(s) = key {
                    return self.slice_of(obj, s.start, s.stop, s.step);
                }
                let msg = format!(
                    "tuple indices must be integers or slices, not {}",
                    key.type_name()
                );
                Err(self.type_error(&msg))
            }
            Value::Str(s) => {
                if let Some(i) = self.index_value(key)? {
                    return match Vm::norm_index(i, s.char_len()) {
                        Some(j) => {
                            let c = s.char_at(j).unwrap();
                            Ok(self.char_value(c))
                        }
                        None => Err(self.error(ExcKind::IndexError, "string index out of range")),
                    };
                }
                if let Value::Slice(sl) = key {
                    return self.slice_of(obj, sl.start, sl.stop, sl.step);
                }
                let msg = format!("string indices must be integers, not '{}'", key.type_name());
                Err(self.type_error(&msg))
            }
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.error_with(ExcKind::KeyError, key)),
            },
            Value::Range(r) => {
                if let Some(i) = self.index_value(key)? {
                    let len = r.len();
                    let j = if i < 0 { i + len } else { i };
                    if j < 0 || j >= len {
                        return Err(
                            self.error(ExcKind::IndexError, "range object index out of range")
                        );
                    }
                    return Ok(Value::Int(r.nth(j)));
                }
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(&sl, r.len() as usize)?;
                    let start = r.start + idx.start * r.step;
                    let step = r.step * idx.step;
                    let stop = r.start + idx.stop * r.step;
                    return Ok(Value::Range(self.alloc(Range { start, stop, step })));
                }
                let msg = format!(
                    "range indices must be integers or slices, not {}",
                    key.type_name()
                );
                Err(self.type_error(&msg))
            }
            Value::Instance(_) => match self.call_method(obj, sym::GETITEM, &[key])? {
                Some(v) => Ok(v),
                None => Err(self.not_subscriptable(obj)),
            },
            Value::Class(c) if c.user_defined => {
                if let Some(f) = c.lookup(crate::intern::sym::GETITEM) {
                    let _ = f;
                }
                let msg = format!("type '{}' is not subscriptable", c.name);
                Err(self.type_error(&msg))
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&mut self, obj: Value) -> Box<Unwind> {
        let msg = format!("'{}' object is not subscriptable", obj.type_name());
        self.type_error(&msg)
    }

    /// `obj[key] = value`.
    #[inline(never)]
    pub fn store_subscr(&mut self, obj: Value, key: Value, value: Value) -> VmResult<()> {
        match obj {
            Value::List(l) => {
                if let Some(i) = self.index_value(key)? {
                    return match Vm::norm_index(i, l.len()) {
                        Some(j) => {
                            l.set(j, value);
                            Ok(())
                        }
                        None => {
                            Err(self
                                .error(ExcKind::IndexError, "list assignment index out of range"))
                        }
                    };
                }
                if let Value::Slice(s) = key {
                    let items = if let Value::List(src) = value {
                        src.to_vec()
                    } else {
                        if !self.is_iterable(value) {
                            return Err(self.type_error("can only assign an iterable"));
                        }
                        self.collect_iter(value)?
                    };
                    let idx = self.slice_indices(&s, l.len())?;
                    if idx.step == 1 {
                        let a = idx.start.max(0) as usize;
                        let b = (a + idx.len).max(a);
                        let before = l.len();
                        l.with_items_mut(|v| {
                            v.splice(a..b, items.iter().copied());
                        });
                        let after = l.len();
                        self.note_growth(after.saturating_sub(before) * 16);
                        return Ok(());
                    }
                    if items.len() != idx.len {
                        let msg = format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            idx.len
                        );
                        return Err(self.value_error(&msg));
                    }
                    for (i, v) in idx.indices().zip(items) {
                        l.set(i, v);
                    }
                    return Ok(());
                }
                let msg = format!(
                    "list indices must be integers or slices, not {}",
                    key.type_name()
                );
                Err(self.type_error(&msg))
            }
            Value::Dict(d) => self.dict_set(d, key, value),
            Value::Instance(_) => match self.call_method(obj, sym::SETITEM, &[key, value])? {
                Some(_) => Ok(()),
                None => {
                    let msg = format!(
                        "'{}' object does not support item assignment",
                        obj.type_name()
                    );
                    Err(self.type_error(&msg))
                }
            },
            _ => {
                let msg = format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                );
                Err(self.type_error(&msg))
            }
        }
    }

    /// `del obj[key]`.
    #[inline(never)]
    pub fn delete_subscr(&mut self, obj: Value, key: Value) -> VmResult<()> {
        match obj {
            Value::List(l) => {
                if let Some(i) = self.index_value(key)? {
                    return match Vm::norm_index(i, l.len()) {
                        Some(j) => {
                            l.with_items_mut(|v| {
                                v.remove(j);
                            });
                            Ok(())
                        }
                        None => {
                            Err(self
                                .error(ExcKind::IndexError, "list assignment index out of range"))
                        }
                    };
                }
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(&s, l.len())?;
                    let mut doomed: Vec<usize> = idx.indices().collect();
                    doomed.sort_unstable();
                    l.with_items_mut(|v| {
                        let mut k = 0;
                        let mut i = 0;
                        v.retain(|_| {
                            let keep = !(k < doomed.len() && doomed[k] == i);
                            if !keep {
                                k += 1;
                            }
                            i += 1;
                            keep
                        });
                    });
                    return Ok(());
                }
                let msg = format!(
                    "list indices must be integers or slices, not {}",
                    key.type_name()
                );
                Err(self.type_error(&msg))
            }
            Value::Dict(d) => match self.dict_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.error_with(ExcKind::KeyError, key)),
            },

            Value::Instance(_) => match self.call_method(obj, sym::DELITEM, &[key])? {
                Some(_) => Ok(()),
                None => {
                    let msg = format!(
                        "'{}' object does not support item deletion",
                        obj.type_name()
                    );
                    Err(self.type_error(&msg))
                }
            },
            _ => {
                let msg = format!("'{}' object doesn't support item deletion", obj.type_name());
                Err(self.type_error(&msg))
            }
        }
    }
}
