//! Methods of `list`, `tuple`, `dict`, `range` and generators.

use crate::gc::Gc;
use crate::object::*;
use crate::value::Value;
use crate::vm::{ExcKind, Unwind, Vm, VmResult};

use super::core::sort_values;
use super::types::dict_fill;
use super::{add_methods, arg_count, exactly_one, int_arg, kwarg, no_args, no_kwargs};

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types();
    let (list, tuple, dict, range, generator) = (t.list, t.tuple, t.dict, t.range, t.generator);
    add_methods(
        vm,
        list,
        "list",
        &[
            ("append", list_append),
            ("pop", list_pop),
            ("insert", list_insert),
            ("extend", list_extend),
            ("index", list_index),
            ("count", list_count),
            ("remove", list_remove),
            ("reverse", list_reverse),
            ("sort", list_sort),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    add_methods(
        vm,
        tuple,
        "tuple",
        &[("index", tuple_index), ("count", tuple_count)],
    );
    add_methods(
        vm,
        dict,
        "dict",
        &[
            ("get", dict_get),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("fromkeys", dict_fromkeys),
        ],
    );
    add_methods(
        vm,
        range,
        "range",
        &[("index", range_index), ("count", range_count)],
    );
    add_methods(
        vm,
        generator,
        "generator",
        &[
            ("send", gen_send),
            ("close", gen_close),
            ("throw", gen_throw),
            ("__next__", gen_next),
        ],
    );
}

fn the_list(args: &[Value]) -> Gc<List> {
    match args[0] {
        Value::List(l) => l,
        _ => unreachable!("list methods are only found on lists"),
    }
}

fn the_dict(args: &[Value]) -> Gc<Dict> {
    match args[0] {
        Value::Dict(d) => d,
        _ => unreachable!("dict methods are only found on dicts"),
    }
}

// ---------------------------------------------------------------- list

fn list_append(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "append", kw)?;
    let v = exactly_one(vm, "list.append", &args[1..])?;
    let grown = the_list(args).push(v);
    vm.note_growth(grown);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "pop", kw)?;
    arg_count(vm, "pop", &args[1..], 0, 1)?;
    let l = the_list(args);
    if l.is_empty() {
        return Err(vm.error(ExcKind::IndexError, "pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.error(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(l.with_items_mut(|v| v.remove(j as usize)))
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "insert", kw)?;
    arg_count(vm, "insert", &args[1..], 2, 2)?;
    let l = the_list(args);
    let i = int_arg(vm, args[1])?;
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let v = args[2];
    let grown = l.with_items_mut(|vec| {
        let cap = vec.capacity();
        vec.insert(j as usize, v);
        (vec.capacity() - cap) * 16
    });
    vm.note_growth(grown);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "extend", kw)?;
    let src = exactly_one(vm, "list.extend", &args[1..])?;
    let items = vm.collect_iter(src)?;
    // `l.extend(l)` in a loop doubles the list each time: check the step
    // against the heap limit before taking it.
    vm.reserve(items.len().saturating_mul(16))?;
    let mut grown = 0;
    the_list(args).with_items_mut(|v| {
        let cap = v.capacity();
        if v.len() + items.len() > cap && cap >= crate::gc::GENTLE_GROWTH_FROM {
            // As in `List::push`: no doubling of a big list past the limit.
            v.reserve_exact(items.len().max(cap / 8));
        }
        v.extend_from_slice(&items);
        grown = (v.capacity() - cap) * 16;
    });
    vm.note_growth(grown);
    Ok(Value::None)
}

/// `seq.index(x, start, end)` over a snapshot of items.
fn index_in(
    vm: &mut Vm,
    args: &[Value],
    len: usize,
    item: &dyn Fn(usize) -> Option<Value>,
) -> VmResult<Option<usize>> {
    let norm = |vm: &mut Vm, v: Option<&Value>, default: i64| -> VmResult<i64> {
        match v {
            None => Ok(default),
            Some(&v) => {
                let i = int_arg(vm, v)?;
                Ok(if i < 0 {
                    (i + len as i64).max(0)
                } else {
                    i.min(len as i64)
                })
            }
        }
    };
    let start = norm(vm, args.get(2), 0)? as usize;
    let end = norm(vm, args.get(3), len as i64)? as usize;
    let x = args[1];
    let mut i = start;
    while i < end {
        match item(i) {
            Some(v) => {
                if v.is(x) || vm.eq(v, x)? {
                    return Ok(Some(i));
                }
            }
            None => break,
        }
        i += 1;
    }
    Ok(None)
}

fn list_index(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "index", kw)?;
    arg_count(vm, "index", &args[1..], 1, 3)?;
    let l = the_list(args);
    match index_in(vm, args, l.len(), &|i| l.get(i))? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.value_error(&format!("{r} is not in list")))
        }
    }
}

fn count_in(
    vm: &mut Vm,
    x: Value,
    len: usize,
    item: &dyn Fn(usize) -> Option<Value>,
) -> VmResult<Value> {
    let mut n = 0;
    for i in 0..len {
        if let Some(v) = item(i) {
            if v.is(x) || vm.eq(v, x)? {
                n += 1;
            }
        }
    }
    Ok(Value::Int(n))
}

fn list_count(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "count", kw)?;
    let x = exactly_one(vm, "list.count", &args[1..])?;
    let l = the_list(args);
    count_in(vm, x, l.len(), &|i| l.get(i))
}

fn list_remove(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "remove", kw)?;
    let x = exactly_one(vm, "list.remove", &args[1..])?;
    let l = the_list(args);
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if v.is(x) || vm.eq(v, x)? {
            l.with_items_mut(|vec| {
                if i < vec.len() {
                    vec.remove(i);
                }
            });
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_reverse(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "list.reverse", &args[1..])?;
    the_list(args).with_items_mut(|v| v.reverse());
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let key = kwarg(vm, "sort", kw, &["key", "reverse"], "key")?.filter(|k| !k.is_none());
    let reverse = match kwarg(vm, "sort", kw, &["key", "reverse"], "reverse")? {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let l = the_list(args);
    // Sort a copy: a key function or `__lt__` that looks at the list sees
    // it empty, as in CPython, and cannot invalidate the sort.
    let mut items = l.with_items_mut(std::mem::take);
    let r = sort_values(vm, &mut items, key, reverse);
    let modified = !l.is_empty();
    l.with_items_mut(|v| *v = items);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "list.copy", &args[1..])?;
    let items = the_list(args).to_vec();
    Ok(vm.list_value(items))
}

fn list_clear(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "list.clear", &args[1..])?;
    the_list(args).with_items_mut(|v| v.clear());
    Ok(Value::None)
}

// ---------------------------------------------------------------- tuple, range

fn tuple_index(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "index", kw)?;
    arg_count(vm, "index", &args[1..], 1, 3)?;
    let Value::Tuple(t) = args[0] else {
        unreachable!()
    };
    match index_in(vm, args, t.len(), &|i| t.items().get(i).copied())? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "count", kw)?;
    let x = exactly_one(vm, "tuple.count", &args[1..])?;
    let Value::Tuple(t) = args[0] else {
        unreachable!()
    };
    count_in(vm, x, t.len(), &|i| t.items().get(i).copied())
}

fn range_index(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "index", kw)?;
    let x = exactly_one(vm, "range.index", &args[1..])?;
    let Value::Range(r) = args[0] else {
        unreachable!()
    };
    if let Value::Int(i) = x {
        let inside = if r.step > 0 {
            i >= r.start && i < r.stop && (i - r.start) % r.step == 0
        } else {
            i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
        };
        if inside {
            return Ok(Value::Int((i - r.start) / r.step));
        }
    }
    let s = vm.repr(x)?;
    Err(vm.value_error(&format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "count", kw)?;
    let x = exactly_one(vm, "range.count", &args[1..])?;
    let r = args[0];
    Ok(Value::Int(vm.contains(r, x)? as i64))
}

// ---------------------------------------------------------------- dict

fn dict_get(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "get", kw)?;
    arg_count(vm, "get", &args[1..], 1, 2)?;
    let d = the_dict(args);
    Ok(vm
        .dict_get(d, args[1])?
        .unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &[Value], part: DictPart, name: &str) -> VmResult<Value> {
    no_args(vm, name, &args[1..])?;
    let dict = the_dict(args);
    Ok(Value::DictView(vm.alloc(DictView { dict, part })))
}

fn dict_keys(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    view(vm, args, DictPart::Keys, "dict.keys")
}

fn dict_values(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    view(vm, args, DictPart::Values, "dict.values")
}

fn dict_items(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    view(vm, args, DictPart::Items, "dict.items")
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "pop", kw)?;
    arg_count(vm, "pop", &args[1..], 1, 2)?;
    let d = the_dict(args);
    let key = args[1];
    match vm.dict_remove(d, key)? {
        Some((_, v)) => Ok(v),
        None => match args.get(2) {
            Some(&default) => Ok(default),
            None => Err(vm.error_with(ExcKind::KeyError, key)),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "dict.popitem", &args[1..])?;
    match the_dict(args).table_mut().pop_last() {
        Some((k, v)) => Ok(vm.tuple_value(vec![k, v])),
        None => {
            let m = vm.str_value("popitem(): dictionary is empty");
            Err(vm.error_with(ExcKind::KeyError, m))
        }
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "setdefault", kw)?;
    arg_count(vm, "setdefault", &args[1..], 1, 2)?;
    let d = the_dict(args);
    if let Some(v) = vm.dict_get(d, args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(d, args[1], default)?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    arg_count(vm, "update", &args[1..], 0, 1)?;
    let d = the_dict(args);
    if let Some(&src) = args.get(1) {
        dict_fill(vm, d, src)?;
    }
    for &(k, v) in kw {
        let key = vm.str_value(&vm.symbol_text(k).to_string());
        vm.dict_set(d, key, v)?;
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "dict.copy", &args[1..])?;
    let t = the_dict(args).table().clone();
    Ok(vm.dict_value(t))
}

fn dict_clear(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "dict.clear", &args[1..])?;
    the_dict(args).table_mut().clear();
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "fromkeys", kw)?;
    // Called on an instance (`{}.fromkeys`) or the class (`dict.fromkeys`).
    let rest = match args.first() {
        Some(Value::Dict(_)) => &args[1..],
        _ => args,
    };
    arg_count(vm, "fromkeys", rest, 1, 2)?;
    let value = rest.get(1).copied().unwrap_or(Value::None);
    let keys = vm.collect_iter(rest[0])?;
    let d = vm.alloc(Dict::new());
    vm.roots.push(Value::Dict(d));
    let r: VmResult<_> = (|| {
        for k in keys {
            vm.dict_set(d, k, value)?;
        }
        Ok(())
    })();
    vm.roots.pop();
    r?;
    Ok(Value::Dict(d))
}

// ---------------------------------------------------------------- generators

fn the_gen(vm: &mut Vm, args: &[Value]) -> VmResult<Gc<Generator>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(*g),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "send", kw)?;
    let g = the_gen(vm, args)?;
    let v = exactly_one(vm, "generator.send", &args[1..])?;
    match vm.resume_generator(g, v)? {
        Some(y) => Ok(y),
        None => {
            let r = std::mem::replace(&mut vm.gen_return_value, Value::None);
            Err(vm.stop_iteration(r))
        }
    }
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let g = the_gen(vm, args)?;
    match vm.resume_generator(g, Value::None)? {
        Some(y) => Ok(y),
        None => {
            let r = std::mem::replace(&mut vm.gen_return_value, Value::None);
            Err(vm.stop_iteration(r))
        }
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let g = the_gen(vm, args)?;
    vm.close_generator(g)?;
    Ok(Value::None)
}

fn gen_throw(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "throw", kw)?;
    let g = the_gen(vm, args)?;
    arg_count(vm, "throw", &args[1..], 1, 3)?;
    let exc = vm.make_raisable(args[1])?;
    if let Some(&v) = args.get(2) {
        if !v.is_none() {
            if let Some(d) = Vm::exc_data(exc) {
                d.args.set(vm.tuple_value(vec![v]));
            }
        }
    }
    match vm.throw_into_generator(g, exc) {
        Ok(Some(y)) => Ok(y),
        Ok(None) => {
            let r = std::mem::replace(&mut vm.gen_return_value, Value::None);
            Err(vm.stop_iteration(r))
        }
        Err(e) => match *e {
            Unwind::Raise(x) => Err(Box::new(Unwind::Raise(x))),
            other => Err(Box::new(other)),
        },
    }
}
