//! Builtin functions, the methods of builtin types, and the built-in
//! modules. Everything here is a `NativeImpl`: `fn(&mut Vm, args, kwargs)`.
//!
//! Builtins whose work grows with their input (`join`, `sorted`, `sum`,
//! `list(range(n))`, `str * n`) call `Vm::poll` as they go, so a kill lands
//! within a bounded time even inside one long builtin call.

mod containers;
mod core;
mod modules;
mod multiprocessing;
mod strings;
mod threading;
mod types;

use crate::gc::{Gc, Tracer};
use crate::intern::Symbol;
use crate::object::*;
use crate::value::Value;
use crate::vm::{Vm, VmResult};

pub(crate) use modules::make_module;
pub(crate) use strings::percent_format;
pub(crate) use threading::make_module as make_tier_module;

/// `staticmethod`, `classmethod` and `property` objects stored in classes.
pub(crate) enum Descriptor {
    /// `@staticmethod`.
    Static(Value),
    /// `@classmethod`.
    Class(Value),
    /// `property(fget, fset)`.
    Property {
        /// Getter or `None`.
        get: Value,
        /// Setter or `None`.
        set: Value,
    },
}

impl OpaqueData for Descriptor {
    fn type_name(&self) -> &'static str {
        match self {
            Descriptor::Static(_) => "staticmethod",
            Descriptor::Class(_) => "classmethod",
            Descriptor::Property { .. } => "property",
        }
    }
    fn trace(&self, t: &mut Tracer) {
        match self {
            Descriptor::Static(v) | Descriptor::Class(v) => t.value(*v),
            Descriptor::Property { get, set } => {
                t.value(*get);
                t.value(*set);
            }
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The zero-argument `super()` object: attribute lookup starts after
/// `class` in the MRO of `obj`.
pub(crate) struct Super {
    pub class: Gc<Class>,
    pub obj: Value,
}

impl OpaqueData for Super {
    fn type_name(&self) -> &'static str {
        "super"
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.class);
        t.value(self.obj);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Creates a native function value.
pub(crate) fn native(
    vm: &mut Vm,
    name: &'static str,
    owner: Option<&'static str>,
    f: NativeImpl,
) -> Value {
    Value::Native(vm.alloc(NativeFn {
        name,
        owner,
        body: NativeBody::Fn(f),
        bound: Value::Undef,
    }))
}

/// Adds methods to a builtin class.
pub(crate) fn add_methods(
    vm: &mut Vm,
    cls: Gc<Class>,
    owner: &'static str,
    methods: &[(&'static str, NativeImpl)],
) {
    for &(name, f) in methods {
        let v = native(vm, name, Some(owner), f);
        let sym = vm.intern(name);
        cls.attrs.set(sym, v);
        crate::object::class_mutated();
    }
}

/// Installs the builtins module and the methods of builtin types.
pub(crate) fn install(vm: &mut Vm) {
    let b = vm.alloc(Module::new("builtins"));
    vm.builtins = Some(b);
    core::install(vm, b);
    types::install(vm, b);
    strings::install(vm);
    containers::install(vm);
    let name = vm.str_value("builtins");
    b.set(crate::intern::sym::NAME, name);
    let base_exc = vm.exc_class(crate::vm::ExcKind::BaseException);
    add_methods(
        vm,
        base_exc,
        "BaseException",
        &[
            ("__init__", core::exception_init),
            ("__str__", core::exception_str),
            ("__repr__", core::exception_repr),
            ("with_traceback", core::exception_with_traceback),
        ],
    );
    let kinds: Vec<crate::vm::ExcKind> = crate::vm::ExcKind::all().collect();
    for k in kinds {
        let c = vm.exc_class(k);
        let sym = vm.intern(k.name());
        b.set(sym, Value::Class(c));
    }
    for (alias, k) in [
        ("EnvironmentError", crate::vm::ExcKind::OSError),
        ("IOError", crate::vm::ExcKind::OSError),
    ] {
        let c = vm.exc_class(k);
        let sym = vm.intern(alias);
        b.set(sym, Value::Class(c));
    }
}

// ---------------------------------------------------------------- argument checks

/// `f() takes exactly one argument (N given)`.
pub(crate) fn exactly_one(vm: &mut Vm, name: &str, args: &[Value]) -> VmResult<Value> {
    if args.len() != 1 {
        let msg = format!("{name}() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    Ok(args[0])
}

/// `f() takes no arguments (N given)`.
pub(crate) fn no_args(vm: &mut Vm, name: &str, args: &[Value]) -> VmResult<()> {
    if !args.is_empty() {
        let msg = format!("{name}() takes no arguments ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

/// `f expected at least/at most/exactly N arguments, got M` (Argument
/// Clinic's wording).
#[inline]
pub(crate) fn arg_count(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> VmResult<()> {
    if (min..=max).contains(&args.len()) {
        return Ok(());
    }
    arg_count_error(vm, name, args.len(), min, max)
}

#[cold]
#[inline(never)]
fn arg_count_error(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> VmResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    Err(vm.type_error(&msg))
}

/// `f() takes no keyword arguments`.
#[inline]
pub(crate) fn no_kwargs(vm: &mut Vm, name: &str, kw: Kwargs<'_>) -> VmResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    no_kwargs_error(vm, name)
}

#[cold]
#[inline(never)]
fn no_kwargs_error(vm: &mut Vm, name: &str) -> VmResult<()> {
    let msg = format!("{name}() takes no keyword arguments");
    Err(vm.type_error(&msg))
}

/// Looks up keyword `name`, rejecting any keyword not in `allowed`.
pub(crate) fn kwarg(
    vm: &mut Vm,
    fname: &str,
    kw: Kwargs<'_>,
    allowed: &[&str],
    name: &str,
) -> VmResult<Option<Value>> {
    let mut found = None;
    for &(k, v) in kw {
        let text = vm.symbol_text(k);
        if !allowed.contains(&text) {
            let msg = format!("{fname}() got an unexpected keyword argument '{text}'");
            return Err(vm.type_error(&msg));
        }
        if text == name {
            found = Some(v);
        }
    }
    Ok(found)
}

/// An int argument (`__index__`), with CPython's error.
pub(crate) fn int_arg(vm: &mut Vm, v: Value) -> VmResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ => match vm.index_value(v)? {
            Some(i) => Ok(i),
            None => {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                );
                Err(vm.type_error(&msg))
            }
        },
    }
}

/// The symbol for a string argument naming an attribute.
pub(crate) fn attr_name(vm: &mut Vm, v: Value) -> VmResult<Symbol> {
    match v {
        Value::Str(s) => Ok(vm.intern(s.as_str())),
        other => {
            let msg = format!("attribute name must be string, not '{}'", other.type_name());
            Err(vm.type_error(&msg))
        }
    }
}

/// A traceback object (`exc.__traceback__`): a view of one entry of an
/// exception's traceback, outermost first.
pub(crate) struct Traceback {
    pub exc: Value,
    /// Position in Python order (0 is the outermost frame).
    pub index: usize,
}

impl OpaqueData for Traceback {
    fn type_name(&self) -> &'static str {
        "traceback"
    }
    fn trace(&self, t: &mut Tracer) {
        t.value(self.exc);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
