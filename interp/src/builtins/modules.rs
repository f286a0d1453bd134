//! The built-in modules a guest can import: `time`, `sys`, `math`. Each is
//! created on first import. Nothing here touches files, the network, the
//! environment or other processes.

use crate::gc::{Gc, Tracer};
use crate::object::*;
use crate::value::Value;
use crate::vm::{ExcKind, Unwind, Vm, VmResult};

use super::{arg_count, exactly_one, int_arg, native, no_args, no_kwargs};

/// `sys.stdout` / `sys.stderr`.
pub(crate) struct Stream {
    pub is_stderr: bool,
}

impl OpaqueData for Stream {
    fn type_name(&self) -> &'static str {
        "TextIOWrapper"
    }
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn module_with(vm: &mut Vm, name: &'static str, fns: &[(&'static str, NativeImpl)]) -> Gc<Module> {
    let m = vm.alloc(Module::new(name));
    vm.roots.push(Value::Module(m));
    let n = vm.str_value(name);
    m.set(crate::intern::sym::NAME, n);
    for &(fname, f) in fns {
        let v = native(vm, fname, None, f);
        let s = vm.intern(fname);
        m.set(s, v);
    }
    vm.roots.pop();
    m
}

fn set(vm: &mut Vm, m: Gc<Module>, name: &str, v: Value) {
    let s = vm.intern(name);
    m.set(s, v);
}

/// Creates the built-in module `name`, if there is one.
pub(crate) fn make_module(vm: &mut Vm, name: &str) -> Option<Gc<Module>> {
    Some(match name {
        "time" => module_with(
            vm,
            "time",
            &[
                ("sleep", time_sleep),
                ("time", time_time),
                ("time_ns", time_time_ns),
                ("monotonic", time_monotonic),
                ("monotonic_ns", time_monotonic_ns),
                ("perf_counter", time_monotonic),
                ("perf_counter_ns", time_monotonic_ns),
                ("process_time", time_monotonic),
            ],
        ),
        "sys" => {
            let m = module_with(
                vm,
                "sys",
                &[
                    ("exit", sys_exit),
                    ("getrecursionlimit", sys_getrecursionlimit),
                    ("setrecursionlimit", sys_setrecursionlimit),
                    ("exc_info", sys_exc_info),
                    ("settrace", sys_settrace),
                    ("gettrace", sys_gettrace),
                ],
            );
            vm.roots.push(Value::Module(m));
            let argv: Vec<String> = vm.config().argv.clone();
            let items: Vec<Value> = argv.iter().map(|a| vm.str_value(a)).collect();
            let l = vm.list_value(items);
            set(vm, m, "argv", l);
            set(vm, m, "maxsize", Value::Int(i64::MAX));
            let p = vm.str_value("linux");
            set(vm, m, "platform", p);
            let v = vm.str_value("3.11.7 (killable-vm)");
            set(vm, m, "version", v);
            let vi = vm.tuple_value(vec![Value::Int(3), Value::Int(11), Value::Int(7)]);
            set(vm, m, "version_info", vi);
            for (name, is_stderr) in [("stdout", false), ("stderr", true)] {
                let s = Value::Opaque(vm.alloc(Opaque {
                    data: Box::new(Stream { is_stderr }),
                }));
                set(vm, m, name, s);
                let cls = vm.type_of(s);
                if cls.attrs.is_empty() {
                    super::add_methods(
                        vm,
                        cls,
                        "TextIOWrapper",
                        &[("write", stream_write), ("flush", stream_flush)],
                    );
                }
            }
            vm.roots.pop();
            m
        }
        "math" => {
            let m = module_with(
                vm,
                "math",
                &[
                    ("sqrt", math_sqrt),
                    ("floor", math_floor),
                    ("ceil", math_ceil),
                    ("trunc", math_trunc),
                    ("fabs", math_fabs),
                    ("exp", math_exp),
                    ("log", math_log),
                    ("log2", math_log2),
                    ("log10", math_log10),
                    ("sin", math_sin),
                    ("cos", math_cos),
                    ("tan", math_tan),
                    ("asin", math_asin),
                    ("acos", math_acos),
                    ("atan", math_atan),
                    ("atan2", math_atan2),
                    ("hypot", math_hypot),
                    ("pow", math_pow),
                    ("isnan", math_isnan),
                    ("isinf", math_isinf),
                    ("isfinite", math_isfinite),
                    ("gcd", math_gcd),
                    ("factorial", math_factorial),
                    ("copysign", math_copysign),
                    ("fmod", math_fmod),
                    ("degrees", math_degrees),
                    ("radians", math_radians),
                ],
            );
            set(vm, m, "pi", Value::Float(std::f64::consts::PI));
            set(vm, m, "e", Value::Float(std::f64::consts::E));
            set(vm, m, "tau", Value::Float(std::f64::consts::TAU));
            set(vm, m, "inf", Value::Float(f64::INFINITY));
            set(vm, m, "nan", Value::Float(f64::NAN));
            m
        }
        _ => return None,
    })
}

fn stream_write(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "write", kw)?;
    if args.len() != 2 {
        let msg = format!(
            "TextIOWrapper.write() takes exactly one argument ({} given)",
            args.len() - 1
        );
        return Err(vm.type_error(&msg));
    }
    let is_stderr = match args[0] {
        Value::Opaque(o) => o
            .data
            .as_any()
            .downcast_ref::<Stream>()
            .is_some_and(|s| s.is_stderr),
        _ => false,
    };
    let Value::Str(s) = args[1] else {
        let msg = format!("write() argument must be str, not {}", args[1].type_name());
        return Err(vm.type_error(&msg));
    };
    vm.write_out(s.as_str(), is_stderr)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    vm.flush();
    Ok(Value::None)
}

// ---------------------------------------------------------------- time

fn number(vm: &mut Vm, v: Value, what: &str) -> VmResult<f64> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::Float(f) => Ok(f),
        other => {
            let msg = format!(
                "{what}'{}' object cannot be interpreted as an integer",
                other.type_name()
            );
            Err(vm.type_error(&msg))
        }
    }
}

pub(crate) fn time_sleep(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "sleep", kw)?;
    let v = exactly_one(vm, "sleep", args)?;
    let secs = number(vm, v, "")?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    vm.thread_sleep(secs)
}

fn since_epoch() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn time_time(_vm: &mut Vm, _args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_time_ns(_vm: &mut Vm, _args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn monotonic_origin() -> std::time::Instant {
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *ORIGIN.get_or_init(std::time::Instant::now)
}

fn time_monotonic(_vm: &mut Vm, _args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Float(
        monotonic_origin().elapsed().as_secs_f64() + 1000.0,
    ))
}

fn time_monotonic_ns(_vm: &mut Vm, _args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Int(
        monotonic_origin().elapsed().as_nanos() as i64 + 1_000_000_000_000,
    ))
}

// ---------------------------------------------------------------- sys

fn sys_exit(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "exit", kw)?;
    arg_count(vm, "exit", args, 0, 1)?;
    let cls = vm.exc_class(ExcKind::SystemExit);
    // `sys.exit(None)` raises `SystemExit()` (args `()`), like CPython's
    // `PyErr_SetObject(PyExc_SystemExit, Py_None)`.
    let args = if matches!(args.first(), Some(Value::None)) {
        Vec::new()
    } else {
        args.to_vec()
    };
    let e = vm.new_exception(cls, args);
    Err(Box::new(Unwind::Raise(e)))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "getrecursionlimit", args)?;
    Ok(Value::Int(vm.config().recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "setrecursionlimit", kw)?;
    let v = exactly_one(vm, "setrecursionlimit", args)?;
    let n = int_arg(vm, v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // The host's limit is a ceiling the guest cannot raise.
    let max = vm.max_recursion_limit();
    vm.config_mut().recursion_limit = (n as usize).min(max);
    Ok(Value::None)
}

/// `sys.settrace(f)`: traces frames the running guest thread enters from
/// now on (see `vm::settrace`).
fn sys_settrace(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "settrace", kw)?;
    if args.len() != 1 {
        let msg = format!(
            "sys.settrace() takes exactly one argument ({} given)",
            args.len()
        );
        return Err(vm.type_error(&msg));
    }
    vm.set_guest_trace(args[0]);
    Ok(Value::None)
}

fn sys_gettrace(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "gettrace", kw)?;
    no_args(vm, "gettrace", args)?;
    Ok(vm.guest_trace())
}

fn sys_exc_info(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    no_args(vm, "exc_info", args)?;
    let e = vm.exc_current;
    if e.is_none() {
        return Ok(vm.tuple_value(vec![Value::None, Value::None, Value::None]));
    }
    let cls = Value::Class(vm.type_of(e));
    Ok(vm.tuple_value(vec![cls, e, Value::None]))
}

// ---------------------------------------------------------------- math

fn float_arg(vm: &mut Vm, args: &[Value], name: &str) -> VmResult<f64> {
    let v = exactly_one(vm, name, args)?;
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::Float(f) => Ok(f),
        other => {
            let msg = format!("must be real number, not {}", other.type_name());
            Err(vm.type_error(&msg))
        }
    }
}

fn two_floats(vm: &mut Vm, args: &[Value], name: &str) -> VmResult<(f64, f64)> {
    arg_count(vm, name, args, 2, 2)?;
    let a = float_arg(vm, &args[..1], name)?;
    let b = float_arg(vm, &args[1..], name)?;
    Ok((a, b))
}

fn domain(vm: &mut Vm, x: f64) -> VmResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x))
}

macro_rules! unary_math {
    ($name:ident, $py:expr, $f:expr, $check:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
            no_kwargs(vm, $py, kw)?;
            let x = float_arg(vm, args, $py)?;
            let check: fn(f64) -> bool = $check;
            if !check(x) {
                return Err(vm.value_error("math domain error"));
            }
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            if r.is_infinite() && x.is_finite() {
                return Err(vm.error(ExcKind::OverflowError, "math range error"));
            }
            domain(vm, r).or_else(|_| Ok(Value::Float(r)))
        }
    };
}

unary_math!(math_sqrt, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan());
unary_math!(math_fabs, "fabs", f64::abs, |_| true);
unary_math!(math_exp, "exp", f64::exp, |_| true);
unary_math!(math_log2, "log2", f64::log2, |x| x > 0.0 || x.is_nan());
unary_math!(math_log10, "log10", f64::log10, |x| x > 0.0 || x.is_nan());
unary_math!(math_sin, "sin", f64::sin, |x| !x.is_infinite());
unary_math!(math_cos, "cos", f64::cos, |x| !x.is_infinite());
unary_math!(math_tan, "tan", f64::tan, |x| !x.is_infinite());
unary_math!(math_asin, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x)
    || x.is_nan());
unary_math!(math_acos, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x)
    || x.is_nan());
unary_math!(math_atan, "atan", f64::atan, |_| true);
unary_math!(math_degrees, "degrees", f64::to_degrees, |_| true);
unary_math!(math_radians, "radians", f64::to_radians, |_| true);

fn math_log(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "log", kw)?;
    arg_count(vm, "log", args, 1, 2)?;
    let x = float_arg(vm, &args[..1], "log")?;
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    match args.get(1) {
        None => Ok(Value::Float(x.ln())),
        Some(&b) => {
            let b = float_arg(vm, &[b], "log")?;
            if b <= 0.0 || b == 1.0 {
                return Err(vm.value_error("math domain error"));
            }
            Ok(Value::Float(x.ln() / b.ln()))
        }
    }
}

fn rounding(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> VmResult<Value> {
    let v = exactly_one(vm, name, args)?;
    match v {
        Value::Int(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(x) => {
            let r = f(x);
            Ok(Value::Int(super::types::float_to_int(vm, r)?))
        }
        other => {
            let msg = format!("must be real number, not {}", other.type_name());
            Err(vm.type_error(&msg))
        }
    }
}

fn math_floor(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    rounding(vm, args, "floor", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    rounding(vm, args, "ceil", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    rounding(vm, args, "trunc", f64::trunc)
}

fn math_atan2(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let (y, x) = two_floats(vm, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn math_hypot(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let mut acc = 0.0f64;
    for &a in args {
        let x = float_arg(vm, &[a], "hypot")?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn math_pow(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let (x, y) = two_floats(vm, args, "pow")?;
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        if x == 0.0 {
            return Err(vm.value_error("math domain error"));
        }
        return Err(vm.error(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn math_isnan(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, "isnan")?.is_nan()))
}

fn math_isinf(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, "isinf")?.is_infinite()))
}

fn math_isfinite(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, "isfinite")?.is_finite()))
}

fn math_gcd(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let mut acc: u64 = 0;
    for &a in args {
        let i = int_arg(vm, a)?;
        let mut x = acc;
        let mut y = i.unsigned_abs();
        while y != 0 {
            (x, y) = (y, x % y);
        }
        acc = x;
    }
    Ok(Value::Int(acc as i64))
}

fn math_factorial(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let v = exactly_one(vm, "factorial", args)?;
    let n = int_arg(vm, v)?;
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let mut acc: i64 = 1;
    for k in 2..=n {
        acc = acc.checked_mul(k).ok_or_else(|| vm.int_overflow())?;
    }
    Ok(Value::Int(acc))
}

fn math_copysign(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let (x, y) = two_floats(vm, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    let (x, y) = two_floats(vm, args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x % y))
}
