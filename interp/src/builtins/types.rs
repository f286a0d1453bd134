//! Constructors of the builtin types (`int(...)`, `list(...)`,
//! `range(...)`, `enumerate(...)`, ...) and the methods of numbers.

use crate::gc::Gc;
use crate::object::*;
use crate::value::Value;
use crate::vm::{ExcKind, Vm, VmResult};

use super::core::descriptor;
use super::{add_methods, arg_count, exactly_one, int_arg, kwarg, no_args, no_kwargs, Descriptor};

fn set_ctor(cls: Gc<Class>, f: NativeImpl) {
    cls.constructor.set(Some(f));
}

fn new_class(vm: &mut Vm, name: &'static str, ctor: NativeImpl) -> Gc<Class> {
    let object = vm.types().object;
    vm.alloc(Class {
        name: name.into(),
        qualname: name.into(),
        base: Some(object),
        attrs: AttrMap::default(),
        builtin: BuiltinType::Other,
        user_defined: false,
        constructor: std::cell::Cell::new(Some(ctor)),
        module: "builtins".into(),
    })
}

pub(super) fn install(vm: &mut Vm, b: Gc<Module>) {
    let t = vm.types();
    let pairs: Vec<(&'static str, Gc<Class>, NativeImpl)> = vec![
        ("int", t.int, int_new),
        ("float", t.float, float_new),
        ("str", t.str_, str_new),
        ("bool", t.bool_, bool_new),
        ("list", t.list, list_new),
        ("tuple", t.tuple, tuple_new),
        ("dict", t.dict, dict_new),
        ("range", t.range, range_new),
        ("slice", t.slice, slice_new),
        ("object", t.object, object_new),
        ("type", t.type_, type_new),
    ];
    for (name, cls, ctor) in pairs {
        set_ctor(cls, ctor);
        let s = vm.intern(name);
        b.set(s, Value::Class(cls));
    }
    let extra: Vec<(&'static str, NativeImpl)> = vec![
        ("enumerate", enumerate_new),
        ("zip", zip_new),
        ("map", map_new),
        ("filter", filter_new),
        ("reversed", reversed_new),
        ("staticmethod", staticmethod_new),
        ("classmethod", classmethod_new),
        ("property", property_new),
    ];
    for (name, ctor) in extra {
        let cls = new_class(vm, name, ctor);
        let s = vm.intern(name);
        b.set(s, Value::Class(cls));
        // `type(enumerate(...))` reports these classes too.
        if let Some(types) = vm.types.as_mut() {
            types.other.push((name, cls));
        }
    }
    let t = vm.types();
    let (int, float, object) = (t.int, t.float, t.object);
    add_methods(
        vm,
        int,
        "int",
        &[
            ("bit_length", int_bit_length),
            ("conjugate", num_conjugate),
            ("as_integer_ratio", int_as_ratio),
        ],
    );
    add_methods(
        vm,
        float,
        "float",
        &[
            ("is_integer", float_is_integer),
            ("conjugate", num_conjugate),
            ("as_integer_ratio", float_as_ratio),
        ],
    );
    add_methods(vm, object, "object", &[("__init__", object_init)]);
    let prop = vm
        .types()
        .other
        .iter()
        .find(|(n, _)| *n == "property")
        .map(|(_, c)| *c);
    if let Some(p) = prop {
        add_methods(
            vm,
            p,
            "property",
            &[("setter", property_setter), ("getter", property_getter)],
        );
    }
}

// ---------------------------------------------------------------- numbers

/// Parses an int literal string the way `int(s, base)` does.
pub(crate) fn parse_int(text: &str, base: u32) -> Option<Result<i64, ()>> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let (base, digits, after_prefix) = match base {
        0 if prefixed("0x") => (16, &s[2..], true),
        0 if prefixed("0o") => (8, &s[2..], true),
        0 if prefixed("0b") => (2, &s[2..], true),
        0 => {
            // Base 0 forbids leading zeros in decimals, like literals.
            if s.len() > 1 && s.starts_with('0') && s.bytes().any(|c| c != b'0' && c != b'_') {
                return None;
            }
            (10, s, false)
        }
        16 if prefixed("0x") => (16, &s[2..], true),
        8 if prefixed("0o") => (8, &s[2..], true),
        2 if prefixed("0b") => (2, &s[2..], true),
        b => (b, s, false),
    };
    // One underscore may follow a base prefix (`0x_ff`).
    let digits = if after_prefix {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let mut acc: i128 = 0;
    for c in digits.chars() {
        if c == '_' {
            continue;
        }
        let d = c.to_digit(36)?;
        if d >= base {
            return None;
        }
        acc = acc * base as i128 + d as i128;
        if acc > (i64::MAX as i128) + 1 {
            return Some(Err(()));
        }
    }
    let v = if neg { -acc } else { acc };
    if v > i64::MAX as i128 || v < i64::MIN as i128 {
        return Some(Err(()));
    }
    Some(Ok(v as i64))
}

/// `int(x)` for a float.
pub(crate) fn float_to_int(vm: &mut Vm, f: f64) -> VmResult<i64> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.error(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t >= 9.223372036854775808e18 || t < -9.223372036854775808e18 {
        return Err(vm.int_overflow());
    }
    Ok(t as i64)
}

fn int_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let base_kw = kwarg(vm, "int", kw, &["base"], "base")?;
    if args.len() > 2 {
        let msg = format!("int() takes at most 2 arguments ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    let base = args.get(1).copied().or(base_kw);
    let Some(&x) = args.first() else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = int_arg(vm, b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Value::Str(s) = x else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int_value(vm, s.as_str(), b as u32);
    }
    match x {
        Value::Int(_) => Ok(x),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => Ok(Value::Int(float_to_int(vm, f)?)),
        Value::Str(s) => parse_int_value(vm, s.as_str(), 10),
        Value::Instance(_) => {
            for name in ["__int__", "__index__"] {
                let sym = vm.intern(name);
                if let Some(r) = vm.call_method(x, sym, &[])? {
                    return match r {
                        Value::Int(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => {
                            let msg =
                                format!("{name} returned non-int (type {})", other.type_name());
                            Err(vm.type_error(&msg))
                        }
                    };
                }
            }
            let msg = format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                x.type_name()
            );
            Err(vm.type_error(&msg))
        }
        other => {
            let msg = format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            );
            Err(vm.type_error(&msg))
        }
    }
}

fn parse_int_value(vm: &mut Vm, s: &str, base: u32) -> VmResult<Value> {
    match parse_int(s, base) {
        Some(Ok(i)) => Ok(Value::Int(i)),
        Some(Err(())) => Err(vm.int_overflow()),
        None => {
            let msg = format!(
                "invalid literal for int() with base {base}: {}",
                crate::format::str_repr(s)
            );
            Err(vm.value_error(&msg))
        }
    }
}

/// Parses a float the way `float(s)` does.
pub(crate) fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let lower = s.to_ascii_lowercase();
    let (sign, rest) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, lower.as_str()),
    };
    match rest {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    if rest.is_empty() || rest.starts_with('_') || rest.ends_with('_') || rest.contains("__") {
        return None;
    }
    let bytes = rest.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_'
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && i + 1 < bytes.len()
                && bytes[i + 1].is_ascii_digit())
        {
            return None;
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_')) {
            return None;
        }
    }
    let clean: String = rest.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|v| sign * v)
}

fn float_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "float", kw)?;
    arg_count(vm, "float", args, 0, 1)?;
    let Some(&x) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x),
        Value::Int(i) => Ok(Value::Float(i as f64)),
        Value::Bool(b) => Ok(Value::Float(b as i64 as f64)),
        Value::Str(s) => match parse_float(s.as_str()) {
            Some(f) => Ok(Value::Float(f)),
            None => {
                let msg = format!(
                    "could not convert string to float: {}",
                    crate::format::str_repr(s.as_str())
                );
                Err(vm.value_error(&msg))
            }
        },
        Value::Instance(_) => {
            let sym = vm.intern("__float__");
            if let Some(r) = vm.call_method(x, sym, &[])? {
                return match r {
                    Value::Float(_) => Ok(r),
                    other => {
                        let msg = format!(
                            "{}.__float__ returned non-float (type {})",
                            x.type_name(),
                            other.type_name()
                        );
                        Err(vm.type_error(&msg))
                    }
                };
            }
            let msg = format!(
                "float() argument must be a string or a real number, not '{}'",
                x.type_name()
            );
            Err(vm.type_error(&msg))
        }
        other => {
            let msg = format!(
                "float() argument must be a string or a real number, not '{}'",
                other.type_name()
            );
            Err(vm.type_error(&msg))
        }
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "str", kw)?;
    if args.len() > 1 {
        if args.len() > 3 {
            let msg = format!("str() takes at most 3 arguments ({} given)", args.len());
            return Err(vm.type_error(&msg));
        }
        return Err(vm.type_error("decoding str is not supported (this VM has no bytes type)"));
    }
    match args.first() {
        None => Ok(vm.str_value("")),
        Some(&Value::Str(s)) => Ok(Value::Str(s)),
        Some(&Value::Int(i)) => Ok(vm.str_value(crate::format::int_str(i, &mut [0; 20]))),
        Some(&v) => {
            let s = vm.to_str(v)?;
            Ok(vm.string_value(s))
        }
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "bool", kw)?;
    arg_count(vm, "bool", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::Bool(false)),
        Some(&v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "list", kw)?;
    arg_count(vm, "list", args, 0, 1)?;
    let items = match args.first() {
        None => Vec::new(),
        Some(&v) => vm.collect_iter(v)?,
    };
    Ok(vm.list_value(items))
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "tuple", kw)?;
    arg_count(vm, "tuple", args, 0, 1)?;
    match args.first() {
        None => Ok(vm.tuple_value(Vec::new())),
        Some(&v @ Value::Tuple(_)) => Ok(v),
        Some(&v) => {
            let items = vm.collect_iter(v)?;
            Ok(vm.tuple_value(items))
        }
    }
}

/// Fills `d` from a mapping or an iterable of pairs (`dict(x)`,
/// `d.update(x)`).
pub(crate) fn dict_fill(vm: &mut Vm, d: Gc<Dict>, src: Value) -> VmResult<()> {
    if let Value::Dict(s) = src {
        for (h, k, v) in s.table().hashed_items() {
            vm.dict_insert(d, h, k, v)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(src)?;
    vm.roots.push(it);
    let r: VmResult<_> = (|| {
        let mut i = 0;
        while let Some(pair) = vm.iter_next(it)? {
            vm.roots.push(pair);
            let items = if vm.is_iterable(pair) {
                vm.collect_iter(pair)
            } else {
                let msg =
                    format!("cannot convert dictionary update sequence element #{i} to a sequence");
                Err(vm.type_error(&msg))
            };
            vm.roots.pop();
            let items = items?;
            if items.len() != 2 {
                let msg = format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    items.len()
                );
                return Err(vm.value_error(&msg));
            }
            vm.dict_set(d, items[0], items[1])?;
            i += 1;
        }
        Ok(())
    })();
    vm.roots.pop();
    r
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    arg_count(vm, "dict", args, 0, 1)?;
    let d = vm.alloc(Dict::new());
    vm.roots.push(Value::Dict(d));
    let r: VmResult<_> = (|| {
        if let Some(&src) = args.first() {
            dict_fill(vm, d, src)?;
        }
        for &(k, v) in kw {
            let key = vm.str_value(&vm.symbol_text(k).to_string());
            vm.dict_set(d, key, v)?;
        }
        Ok(())
    })();
    vm.roots.pop();
    r?;
    Ok(Value::Dict(d))
}

fn range_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "range", kw)?;
    arg_count(vm, "range", args, 1, 3)?;
    let mut ints = [0i64; 3];
    for (i, &a) in args.iter().enumerate() {
        ints[i] = int_arg(vm, a)?;
    }
    let (start, stop, step) = match args.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(vm.alloc(Range { start, stop, step })))
}

fn slice_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "slice", kw)?;
    arg_count(vm, "slice", args, 1, 3)?;
    let (start, stop, step) = match args.len() {
        1 => (Value::None, args[0], Value::None),
        2 => (args[0], args[1], Value::None),
        _ => (args[0], args[1], args[2]),
    };
    Ok(Value::Slice(vm.alloc(Slice { start, stop, step })))
}

fn object_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    if !args.is_empty() || !kw.is_empty() {
        return Err(vm.type_error("object() takes no arguments"));
    }
    let cls = vm.types().object;
    Ok(Value::Instance(vm.alloc(Instance {
        class: cls,
        attrs: AttrMap::default(),
        exc: None,
    })))
}

fn object_init(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(Value::None)
}

fn type_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "type", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    Ok(Value::Class(vm.type_of(args[0])))
}

// ---------------------------------------------------------------- iterators

fn iter_value(vm: &mut Vm, state: IterState) -> Value {
    Value::Iter(vm.alloc(IterObj::new(state)))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let start_kw = kwarg(vm, "enumerate", kw, &["iterable", "start"], "start")?;
    let iterable_kw = kwarg(vm, "enumerate", kw, &["iterable", "start"], "iterable")?;
    let Some(src) = args.first().copied().or(iterable_kw) else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    if args.len() > 2 {
        let msg = format!(
            "enumerate() takes at most 2 arguments ({} given)",
            args.len()
        );
        return Err(vm.type_error(&msg));
    }
    let start = match args.get(1).copied().or(start_kw) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let inner = vm.get_iter(src)?;
    Ok(iter_value(
        vm,
        IterState::Enumerate {
            inner,
            count: start,
        },
    ))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    if let Some(&(k, _)) = kw.first() {
        let msg = format!(
            "zip() got an unexpected keyword argument '{}'",
            vm.symbol_text(k)
        );
        return Err(vm.type_error(&msg));
    }
    let mark = vm.roots.len();
    for &a in args {
        match vm.get_iter(a) {
            Ok(it) => vm.roots.push(it),
            Err(e) => {
                vm.roots.truncate(mark);
                return Err(e);
            }
        }
    }
    let iters: Box<[Value]> = vm.roots[mark..].into();
    vm.roots.truncate(mark);
    Ok(iter_value(vm, IterState::Zip { iters }))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "map", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mark = vm.roots.len();
    for &a in &args[1..] {
        match vm.get_iter(a) {
            Ok(it) => vm.roots.push(it),
            Err(e) => {
                vm.roots.truncate(mark);
                return Err(e);
            }
        }
    }
    let iters: Box<[Value]> = vm.roots[mark..].into();
    vm.roots.truncate(mark);
    Ok(iter_value(
        vm,
        IterState::Map {
            func: args[0],
            iters,
        },
    ))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "filter", kw)?;
    arg_count(vm, "filter", args, 2, 2)?;
    let iter = vm.get_iter(args[1])?;
    Ok(iter_value(
        vm,
        IterState::Filter {
            func: args[0],
            iter,
        },
    ))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "reversed", kw)?;
    let v = exactly_one(vm, "reversed", args)?;
    let n = match v {
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.len(),
        Value::Str(s) => s.char_len(),
        Value::Range(r) => r.len() as usize,
        Value::Dict(d) => {
            let mut keys = d.table().keys();
            keys.reverse();
            let l = vm.list_value(keys);
            return vm.get_iter(l);
        }
        Value::Instance(i) if i.class.user_defined => {
            let rev = vm.intern("__reversed__");
            if let Some(r) = vm.call_method(v, rev, &[])? {
                return Ok(r);
            }
            if i.class.lookup(crate::intern::sym::GETITEM).is_some()
                && i.class.lookup(crate::intern::sym::LEN).is_some()
            {
                vm.len(v)?
            } else {
                let msg = format!("'{}' object is not reversible", v.type_name());
                return Err(vm.type_error(&msg));
            }
        }
        other => {
            let msg = format!("'{}' object is not reversible", other.type_name());
            return Err(vm.type_error(&msg));
        }
    };
    Ok(iter_value(vm, IterState::Reversed { seq: v, next: n }))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "staticmethod", kw)?;
    let f = exactly_one(vm, "staticmethod", args)?;
    Ok(descriptor(vm, Descriptor::Static(f)))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "classmethod", kw)?;
    let f = exactly_one(vm, "classmethod", args)?;
    Ok(descriptor(vm, Descriptor::Class(f)))
}

fn property_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let fget = kwarg(vm, "property", kw, &["fget", "fset", "fdel", "doc"], "fget")?;
    let fset = kwarg(vm, "property", kw, &["fget", "fset", "fdel", "doc"], "fset")?;
    let get = args.first().copied().or(fget).unwrap_or(Value::None);
    let set = args.get(1).copied().or(fset).unwrap_or(Value::None);
    Ok(descriptor(vm, Descriptor::Property { get, set }))
}

fn property_parts(vm: &mut Vm, v: Value) -> VmResult<(Value, Value)> {
    if let Value::Opaque(o) = v {
        if let Some(Descriptor::Property { get, set }) =
            o.data.as_any().downcast_ref::<Descriptor>()
        {
            return Ok((*get, *set));
        }
    }
    Err(vm.type_error("descriptor requires a 'property' object"))
}

fn property_setter(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "setter", kw)?;
    arg_count(vm, "setter", args, 2, 2)?;
    let (get, _) = property_parts(vm, args[0])?;
    Ok(descriptor(vm, Descriptor::Property { get, set: args[1] }))
}

fn property_getter(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "getter", kw)?;
    arg_count(vm, "getter", args, 2, 2)?;
    let (_, set) = property_parts(vm, args[0])?;
    Ok(descriptor(vm, Descriptor::Property { get: args[1], set }))
}

// ---------------------------------------------------------------- number methods

fn int_bit_length(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "bit_length", kw)?;
    no_args(vm, "int.bit_length", &args[1..])?;
    let i = int_arg(vm, args[0])?;
    Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
}

fn num_conjugate(_vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(match args[0] {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

fn int_as_ratio(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let i = int_arg(vm, args[0])?;
    Ok(vm.tuple_value(vec![Value::Int(i), Value::Int(1)]))
}

fn float_is_integer(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "is_integer", kw)?;
    no_args(vm, "float.is_integer", &args[1..])?;
    match args[0] {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Ok(Value::Bool(false)),
    }
}

fn float_as_ratio(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let Value::Float(f) = args[0] else {
        return Ok(Value::None);
    };
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.error(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (m, e) = crate::dict::frexp(f);
    let mut num = m;
    let mut exp = e;
    while num.fract() != 0.0 {
        num *= 2.0;
        exp -= 1;
    }
    let n = num as i64;
    let (n, d) = if exp >= 0 {
        match n
            .checked_mul(1i64.checked_shl(exp as u32).unwrap_or(0))
            .filter(|_| exp < 63)
        {
            Some(v) => (v, 1),
            None => return Err(vm.int_overflow()),
        }
    } else if -exp < 63 {
        (n, 1i64 << (-exp))
    } else {
        return Err(vm.int_overflow());
    };
    let g = gcd(n.unsigned_abs(), d as u64) as i64;
    Ok(vm.tuple_value(vec![Value::Int(n / g), Value::Int(d / g)]))
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}
