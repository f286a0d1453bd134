//! The modules of the Threads and tracing tier: `_thread` (native thread,
//! lock and event primitives over `vm::threads`), `threading` (CPython's
//! API in guest code, `threading.py`, over `_thread`), and the stand-ins
//! the article's code imports: `ctypes` (exactly
//! `pythonapi.PyThreadState_SetAsyncExc`, `c_long`, `py_object`), `inspect`
//! (the class/function predicates) and `trace` (importable, empty).
//! Nothing here touches memory directly or reaches outside the VM.

use std::time::{Duration, Instant};

use crate::gc::Gc;
use crate::intern::sym;
use crate::object::*;
use crate::value::Value;
use crate::vm::threads::{event_data, lock_data, EventData, LockData, Wait};
use crate::vm::{ExcKind, Vm, VmResult};

use super::{add_methods, arg_count, exactly_one, int_arg, kwarg, native, no_args, no_kwargs};

/// `_thread.TIMEOUT_MAX`, CPython's value on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// The template of the `threading` module (see its docstring).
const THREADING_PY: &str = include_str!("threading.py");

/// Where CPython 3.11.7's threading.py lives on the machine the goldens
/// were made on; thread tracebacks show this path.
const THREADING_FILE: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py";

/// Creates the module `name` of this tier, if it is one. `None`: not ours.
pub(crate) fn make_module(vm: &mut Vm, name: &str) -> Option<VmResult<Gc<Module>>> {
    Some(match name {
        "_thread" => Ok(thread_module(vm)),
        "threading" => threading_module(vm),
        "ctypes" => Ok(ctypes_module(vm)),
        "inspect" => Ok(simple_module(
            vm,
            "inspect",
            &[
                ("isclass", inspect_isclass),
                ("isfunction", inspect_isfunction),
                ("ismethod", inspect_ismethod),
                ("isbuiltin", inspect_isbuiltin),
            ],
        )),
        "trace" => Ok(simple_module(vm, "trace", &[])),
        "multiprocessing" if vm.has_process_host() => super::multiprocessing::module(vm),
        _ => return None,
    })
}

pub(crate) fn simple_module(
    vm: &mut Vm,
    name: &'static str,
    fns: &[(&'static str, NativeImpl)],
) -> Gc<Module> {
    let m = vm.alloc(Module::new(name));
    vm.roots.push(Value::Module(m));
    let n = vm.str_value(name);
    m.set(sym::NAME, n);
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

/// A builtin class whose instances are host objects (or, for `ctypes`,
/// plain instances), registered so that `type(obj)` finds it.
fn native_class(
    vm: &mut Vm,
    name: &'static str,
    module: &str,
    ctor: Option<NativeImpl>,
    methods: &[(&'static str, NativeImpl)],
) -> Gc<Class> {
    if let Some(&(_, c)) = vm.types().other.iter().find(|(n, _)| *n == name) {
        return c;
    }
    let object = vm.types().object;
    let c = vm.alloc(Class {
        name: name.into(),
        qualname: name.into(),
        base: Some(object),
        attrs: AttrMap::default(),
        builtin: BuiltinType::Other,
        user_defined: false,
        constructor: std::cell::Cell::new(ctor),
        lookups: Default::default(),
        module: module.into(),
    });
    vm.types
        .as_mut()
        .expect("types initialised")
        .other
        .push((name, c));
    add_methods(vm, c, name, methods);
    c
}

// ---------------------------------------------------------------- _thread

fn thread_module(vm: &mut Vm) -> Gc<Module> {
    let m = simple_module(
        vm,
        "_thread",
        &[
            ("get_ident", thread_get_ident),
            ("allocate_lock", thread_allocate_lock),
            ("start_joinable_thread", thread_start),
            ("join", thread_join),
            ("is_alive", thread_is_alive),
            ("_report", thread_report),
            ("_set_active", thread_set_active),
        ],
    );
    vm.roots.push(Value::Module(m));
    let lock = lock_class(vm);
    set(vm, m, "LockType", Value::Class(lock));
    let event = native_class(
        vm,
        "Event",
        "threading",
        Some(event_new),
        &[
            ("set", event_set),
            ("clear", event_clear),
            ("is_set", event_is_set),
            ("isSet", event_is_set),
            ("wait", event_wait),
        ],
    );
    set(vm, m, "Event", Value::Class(event));
    let err = vm.exc_class(ExcKind::RuntimeError);
    set(vm, m, "error", Value::Class(err));
    set(vm, m, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    vm.roots.pop();
    m
}

fn lock_class(vm: &mut Vm) -> Gc<Class> {
    native_class(
        vm,
        "lock",
        "_thread",
        None,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__enter__", lock_acquire),
            ("__exit__", lock_exit),
        ],
    )
}

/// The `threading` module: `threading.py` with its line markers expanded,
/// run as a module that sees the native `_thread`.
fn threading_module(vm: &mut Vm) -> VmResult<Gc<Module>> {
    let thread = match vm.modules.iter().find(|(n, _)| &**n == "_thread") {
        Some(&(_, t)) => t,
        None => {
            let t = thread_module(vm);
            vm.modules.push(("_thread".into(), t));
            t
        }
    };
    bundled_module(
        vm,
        "threading",
        THREADING_PY,
        THREADING_FILE,
        "_thread",
        thread,
    )
}

/// A module written in guest code and bundled with the VM (`template`,
/// shown under `file`), run with the native module `native` injected as
/// global `native_name` (not imported, so a host's module allow-list does
/// not hide it).
pub(crate) fn bundled_module(
    vm: &mut Vm,
    name: &'static str,
    template: &str,
    file: &str,
    native_name: &str,
    native: Gc<Module>,
) -> VmResult<Gc<Module>> {
    let text = expand_line_markers(template);
    let program = match crate::compile(&text, file) {
        Ok(p) => p,
        Err(e) => {
            let msg = format!("the bundled {name} module does not compile: {e}");
            return Err(vm.error(ExcKind::ImportError, &msg));
        }
    };
    vm.roots.push(Value::Module(native));
    let m = vm.alloc(Module::new(name));
    vm.roots.push(Value::Module(m));
    let n = vm.str_value(name);
    m.set(sym::NAME, n);
    set(vm, m, native_name, Value::Module(native));
    let r = vm.exec_module(&program, m);
    vm.roots.truncate(vm.roots.len() - 2);
    r.map(|_| m)
}

/// Expands `#@line N` marker lines into blank lines, so that the line after
/// the marker is line `N` of the result.
pub(crate) fn expand_line_markers(template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 1024);
    let mut line = 1usize;
    for l in template.lines() {
        if let Some(n) = l.trim_start().strip_prefix("#@line ") {
            let target: usize = n.trim().parse().unwrap_or(line);
            while line < target {
                out.push('\n');
                line += 1;
            }
            continue;
        }
        out.push_str(l);
        out.push('\n');
        line += 1;
    }
    out
}

fn thread_get_ident(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "get_ident", kw)?;
    no_args(vm, "get_ident", args)?;
    Ok(Value::Int(vm.current_ident()))
}

/// `start_joinable_thread(function, daemon)`: a new guest thread that will
/// call `function()`. Returns its ident.
fn thread_start(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "start_joinable_thread", kw)?;
    arg_count(vm, "start_joinable_thread", args, 1, 2)?;
    let daemon = match args.get(1) {
        Some(&v) => vm.truthy(v)?,
        None => false,
    };
    Ok(Value::Int(vm.start_thread(args[0], daemon)))
}

/// A timeout argument in seconds: `None` (wait forever) or a number;
/// negative values act as zero, as in `Thread.join` and `Event.wait`.
fn timeout_arg(vm: &mut Vm, v: Option<Value>) -> VmResult<Option<Duration>> {
    let secs = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Int(i)) => i as f64,
        Some(Value::Bool(b)) => b as i64 as f64,
        Some(Value::Float(f)) => f,
        Some(other) => {
            let msg = format!(
                "'>' not supported between instances of '{}' and 'int'",
                other.type_name()
            );
            return Err(vm.type_error(&msg));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(
        Duration::try_from_secs_f64(secs.max(0.0)).unwrap_or(Duration::MAX),
    ))
}

fn thread_join(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "join", kw)?;
    arg_count(vm, "join", args, 1, 2)?;
    let ident = int_arg(vm, args[0])?;
    let timeout = timeout_arg(vm, args.get(1).copied())?;
    vm.thread_join(ident, timeout)
}

fn thread_is_alive(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "is_alive", kw)?;
    let v = exactly_one(vm, "is_alive", args)?;
    let ident = int_arg(vm, v)?;
    Ok(Value::Bool(vm.threads.is_alive(ident)))
}

/// `_report(thread)`: `threading.excepthook` for the exception being
/// handled (called from `Thread._bootstrap_inner`'s `except:`).
fn thread_report(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "_report", kw)?;
    let thread = exactly_one(vm, "_report", args)?;
    let exc = vm.exc_current;
    if !exc.is_none() {
        vm.report_thread_exception(thread, exc);
    }
    Ok(Value::None)
}

fn thread_set_active(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "_set_active", kw)?;
    let d = exactly_one(vm, "_set_active", args)?;
    vm.threads.active_dict = d;
    Ok(Value::None)
}

// ---------------------------------------------------------------- locks

fn thread_allocate_lock(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "allocate_lock", kw)?;
    no_args(vm, "allocate_lock", args)?;
    lock_class(vm);
    Ok(Value::Opaque(vm.alloc(Opaque {
        data: Box::new(LockData {
            locked: std::cell::Cell::new(false),
        }),
    })))
}

fn this_lock(vm: &mut Vm, args: &[Value], what: &str) -> VmResult<Gc<Opaque>> {
    match args.first() {
        Some(&Value::Opaque(o)) if lock_data(o).is_some() => Ok(o),
        _ => {
            let msg = format!("descriptor '{what}' requires a '_thread.lock' object");
            Err(vm.type_error(&msg))
        }
    }
}

/// `lock.acquire(blocking=True, timeout=-1)`.
fn lock_acquire(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let lock = this_lock(vm, args, "acquire")?;
    if args.len() > 3 {
        let msg = format!(
            "acquire() takes at most 2 arguments ({} given)",
            args.len() - 1
        );
        return Err(vm.type_error(&msg));
    }
    let names = ["blocking", "timeout"];
    let blocking = match kwarg(vm, "acquire", kw, &names, "blocking")?.or(args.get(1).copied()) {
        Some(v) => int_arg(vm, v)? != 0,
        None => true,
    };
    let timeout = match kwarg(vm, "acquire", kw, &names, "timeout")?.or(args.get(2).copied()) {
        Some(Value::Float(f)) => f,
        Some(v) => int_arg(vm, v)? as f64,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.error(ExcKind::OverflowError, "timeout value is too large"));
    }
    let data = lock_data(lock).expect("checked above");
    if !data.locked.get() {
        data.locked.set(true);
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout == 0.0 {
        return Ok(Value::Bool(false));
    }
    let deadline = if timeout < 0.0 {
        None
    } else {
        Instant::now().checked_add(Duration::from_secs_f64(timeout))
    };
    if vm.can_block() {
        return Ok(vm.block(Wait::Lock(lock), deadline));
    }
    // No other thread can release it meanwhile.
    vm.wait_in_place(deadline)?;
    Ok(Value::Bool(false))
}

fn lock_release(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let lock = this_lock(vm, args, "release")?;
    no_kwargs(vm, "release", kw)?;
    if args.len() > 1 {
        let msg = format!(
            "lock.release() takes no arguments ({} given)",
            args.len() - 1
        );
        return Err(vm.type_error(&msg));
    }
    let data = lock_data(lock).expect("checked above");
    if !data.locked.get() {
        return Err(vm.error(ExcKind::RuntimeError, "release unlocked lock"));
    }
    data.locked.set(false);
    vm.lock_released(lock);
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    lock_release(vm, &args[..1.min(args.len())], &[])
}

fn lock_locked(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let lock = this_lock(vm, args, "locked")?;
    no_kwargs(vm, "locked", kw)?;
    Ok(Value::Bool(lock_data(lock).is_some_and(|l| l.locked.get())))
}

// ---------------------------------------------------------------- events

fn event_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "Event", kw)?;
    if !args.is_empty() {
        let msg = format!(
            "Event.__init__() takes 1 positional argument but {} were given",
            args.len() + 1
        );
        return Err(vm.type_error(&msg));
    }
    Ok(Value::Opaque(vm.alloc(Opaque {
        data: Box::new(EventData {
            flag: std::cell::Cell::new(false),
        }),
    })))
}

fn this_event<'a>(
    vm: &mut Vm,
    args: &[Value],
    method: &str,
    max: usize,
) -> VmResult<(Gc<Opaque>, &'a EventData)> {
    let ev = match args.first() {
        Some(&Value::Opaque(o)) => event_data(o).map(|d| (o, d)),
        _ => None,
    };
    let Some(ev) = ev else {
        let msg = format!("descriptor '{method}' requires an 'Event' object");
        return Err(vm.type_error(&msg));
    };
    if args.len() > max {
        let msg = if max == 1 {
            format!(
                "Event.{method}() takes 1 positional argument but {} were given",
                args.len()
            )
        } else {
            format!(
                "Event.{method}() takes from 1 to {max} positional arguments but {} were given",
                args.len()
            )
        };
        return Err(vm.type_error(&msg));
    }
    Ok(ev)
}

fn event_set(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "set", kw)?;
    let (o, d) = this_event(vm, args, "set", 1)?;
    d.flag.set(true);
    vm.event_set(o);
    Ok(Value::None)
}

fn event_clear(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "clear", kw)?;
    let (_, d) = this_event(vm, args, "clear", 1)?;
    d.flag.set(false);
    Ok(Value::None)
}

fn event_is_set(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "is_set", kw)?;
    let (_, d) = this_event(vm, args, "is_set", 1)?;
    Ok(Value::Bool(d.flag.get()))
}

/// `event.wait(timeout=None)`: `True` once set, `False` on timeout.
fn event_wait(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let (o, d) = this_event(vm, args, "wait", 2)?;
    let t = kwarg(vm, "wait", kw, &["timeout"], "timeout")?.or(args.get(1).copied());
    let timeout = timeout_arg(vm, t)?;
    if d.flag.get() {
        return Ok(Value::Bool(true));
    }
    if timeout.is_some_and(|t| t.is_zero()) {
        return Ok(Value::Bool(false));
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    if vm.can_block() {
        return Ok(vm.block(Wait::Event(o), deadline));
    }
    // No other thread can set it meanwhile.
    vm.wait_in_place(deadline)?;
    Ok(Value::Bool(d.flag.get()))
}

// ---------------------------------------------------------------- ctypes

fn ctypes_module(vm: &mut Vm) -> Gc<Module> {
    let m = simple_module(vm, "ctypes", &[]);
    vm.roots.push(Value::Module(m));
    let c_long = native_class(vm, "c_long", "ctypes", Some(c_long_new), &[]);
    set(vm, m, "c_long", Value::Class(c_long));
    let py_object = native_class(vm, "py_object", "ctypes", Some(py_object_new), &[]);
    set(vm, m, "py_object", Value::Class(py_object));
    // `pythonapi` is a `PyDLL` in CPython; here a namespace holding the one
    // function the article calls. Any other name is an AttributeError.
    let api = simple_module(
        vm,
        "pythonapi",
        &[("PyThreadState_SetAsyncExc", set_async_exc)],
    );
    set(vm, m, "pythonapi", Value::Module(api));
    vm.roots.pop();
    m
}

/// An instance of the ctypes class `name` holding `value`.
fn ctypes_value(vm: &mut Vm, name: &'static str, value: Value) -> Value {
    let cls = native_class(vm, name, "ctypes", None, &[]);
    let inst = vm.alloc(Instance {
        class: cls,
        attrs: AttrMap::default(),
        exc: None,
    });
    inst.attrs.set(sym::VALUE, value);
    Value::Instance(inst)
}

fn c_long_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "c_long", kw)?;
    arg_count(vm, "c_long", args, 0, 1)?;
    let v = match args.first() {
        None => 0,
        Some(&Value::Int(i)) => i,
        Some(&Value::Bool(b)) => b as i64,
        Some(other) => {
            let msg = format!("an integer is required (got type {})", other.type_name());
            return Err(vm.type_error(&msg));
        }
    };
    Ok(ctypes_value(vm, "c_long", Value::Int(v)))
}

fn py_object_new(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "py_object", kw)?;
    arg_count(vm, "py_object", args, 0, 1)?;
    let v = args.first().copied().unwrap_or(Value::None);
    Ok(ctypes_value(vm, "py_object", v))
}

/// The value of a ctypes instance of class `name`, if `v` is one.
fn ctypes_payload(v: Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) if !i.class.user_defined && &*i.class.name == name => {
            i.attrs.get(sym::VALUE)
        }
        _ => None,
    }
}

/// `ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, exc)`: raises `exc`
/// (a `py_object`) in guest thread `tid` at its next instruction, waking
/// it from a blocking call; `None` or `0` clears a pending one. Returns
/// the number of threads affected: 1, or 0 for an unknown thread.
fn set_async_exc(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "PyThreadState_SetAsyncExc", kw)?;
    if args.len() != 2 {
        let msg = format!(
            "this function takes at least 2 arguments ({} given)",
            args.len()
        );
        return Err(vm.type_error(&msg));
    }
    let tid = match ctypes_payload(args[0], "c_long").unwrap_or(args[0]) {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        other => {
            let msg = format!(
                "argument 1: TypeError: Don't know how to convert parameter 1 ({})",
                other.type_name()
            );
            return Err(vm.type_error(&msg));
        }
    };
    let exc = match args[1] {
        Value::None | Value::Int(0) => None,
        v => match ctypes_payload(v, "py_object") {
            Some(Value::None) => None,
            Some(p) => Some(p),
            None => {
                let msg = format!(
                    "argument 2: TypeError: Don't know how to convert parameter 2 ({})",
                    v.type_name()
                );
                return Err(vm.type_error(&msg));
            }
        },
    };
    Ok(Value::Int(vm.set_async_exc(tid, exc)))
}

// ---------------------------------------------------------------- inspect

fn inspect_isclass(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "isclass", kw)?;
    let v = exactly_one(vm, "isclass", args)?;
    Ok(Value::Bool(matches!(v, Value::Class(_))))
}

fn inspect_isfunction(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "isfunction", kw)?;
    let v = exactly_one(vm, "isfunction", args)?;
    Ok(Value::Bool(matches!(v, Value::Func(_))))
}

fn inspect_ismethod(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "ismethod", kw)?;
    let v = exactly_one(vm, "ismethod", args)?;
    Ok(Value::Bool(
        matches!(v, Value::Method(m) if matches!(m.func, Value::Func(_))),
    ))
}

fn inspect_isbuiltin(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "isbuiltin", kw)?;
    let v = exactly_one(vm, "isbuiltin", args)?;
    let builtin = match v {
        Value::Native(_) => true,
        Value::Method(m) => matches!(m.func, Value::Native(_)),
        _ => false,
    };
    Ok(Value::Bool(builtin))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines thread tracebacks show are where CPython has them.
    #[test]
    fn threading_lines_match_cpython() {
        let text = expand_line_markers(THREADING_PY);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[982 - 1].trim(),
            "self._target(*self._args, **self._kwargs)"
        );
        assert_eq!(lines[1045 - 1].trim(), "self.run()");
        crate::compile(&text, THREADING_FILE).expect("threading.py compiles");
    }
}
