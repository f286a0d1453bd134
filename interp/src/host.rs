//! Embedding support: what a host application needs beyond running a
//! program. Owned host values ([`HostValue`]) and their conversion to and
//! from guest values; Rust closures registered as guest callables
//! ([`HostFunction`], called with a [`HostCtx`] and [`Args`], failing with a
//! [`HostError`]); calling guest functions and reading or writing globals
//! by name.
//!
//! Why owned values: a guest [`Value`] holds raw heap handles that stay
//! valid only while the VM roots them, and a collection may run at any
//! instruction boundary (see `gc.rs`). A host that kept a `Value` across a
//! run or a call would read freed memory, so everything that leaves the VM
//! through this module is copied into a `HostValue` first, and everything
//! that enters it is built fresh from one.
//!
//! A host function runs between two instructions, so a kill cannot land
//! while it runs: a long one polls with [`HostCtx::check`] (or waits with
//! [`HostCtx::sleep`]), which turns a pending kill, interrupt or injected
//! exception into an error the function returns at once. The VM then
//! carries on unwinding exactly as if the guest had been stopped between
//! two instructions.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::attention::Attention;
use crate::gc::Gc;
use crate::intern::sym;
use crate::object::{Dict, HostClosure, Kwargs, Module, NativeBody, NativeFn};
use crate::value::Value;
use crate::vm::{ExcKind, Unwind, Vm, VmResult};

/// Containers nested deeper than this are not converted element by
/// element (see [`Vm::to_host`]): the conversion recurses on the Rust stack.
pub const MAX_HOST_DEPTH: usize = 200;

// ---------------------------------------------------------------- HostValue

/// A guest value copied out of the VM: plain owned data the host may keep
/// as long as it likes, send to other threads, and pass back in later.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum HostValue {
    /// `None`.
    #[default]
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `int` (64-bit, like the VM's).
    Int(i64),
    /// `float`.
    Float(f64),
    /// `str`.
    Str(String),
    /// `list`.
    List(Vec<HostValue>),
    /// `tuple`.
    Tuple(Vec<HostValue>),
    /// `dict`, as its items in insertion order.
    Dict(Vec<(HostValue, HostValue)>),
    /// Any other guest value (a function, a class instance, a module...),
    /// or a container that contains itself or is nested deeper than
    /// [`MAX_HOST_DEPTH`]: only its type name is copied. It cannot be
    /// passed back to the guest.
    Other {
        /// The guest type name (`function`, `Point`, ...).
        type_name: String,
    },
}

impl HostValue {
    /// The guest type name this value converts to (`int`, `str`, ...).
    pub fn type_name(&self) -> &str {
        match self {
            HostValue::None => "NoneType",
            HostValue::Bool(_) => "bool",
            HostValue::Int(_) => "int",
            HostValue::Float(_) => "float",
            HostValue::Str(_) => "str",
            HostValue::List(_) => "list",
            HostValue::Tuple(_) => "tuple",
            HostValue::Dict(_) => "dict",
            HostValue::Other { type_name } => type_name,
        }
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, HostValue::None)
    }

    /// The int, if this is one (or a bool, as in Python).
    pub fn as_int(&self) -> Option<i64> {
        match self {
            HostValue::Int(i) => Some(*i),
            HostValue::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    /// The number as a float, if this is a float or an int.
    pub fn as_float(&self) -> Option<f64> {
        match self {
            HostValue::Float(f) => Some(*f),
            HostValue::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    /// The text, if this is a `str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            HostValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The bool, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            HostValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items, if this is a list or a tuple.
    pub fn as_slice(&self) -> Option<&[HostValue]> {
        match self {
            HostValue::List(v) | HostValue::Tuple(v) => Some(v),
            _ => None,
        }
    }

    /// Looks `key` up in a dict value (a linear search: host dicts are
    /// item lists).
    pub fn get(&self, key: &str) -> Option<&HostValue> {
        match self {
            HostValue::Dict(items) => items
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Python's `repr` of the value (`None`, `'text'`, `[1, 2.5]`, `{'a': 1}`);
/// [`HostValue::Other`] shows as `<type_name object>`.
impl fmt::Display for HostValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn seq(f: &mut fmt::Formatter<'_>, items: &[HostValue]) -> fmt::Result {
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            Ok(())
        }
        match self {
            HostValue::None => f.write_str("None"),
            HostValue::Bool(true) => f.write_str("True"),
            HostValue::Bool(false) => f.write_str("False"),
            HostValue::Int(i) => write!(f, "{i}"),
            HostValue::Float(x) => f.write_str(&crate::format::float_repr(*x)),
            HostValue::Str(s) => {
                // Python prefers single quotes unless the text has one.
                let q = if s.contains('\'') && !s.contains('"') {
                    '"'
                } else {
                    '\''
                };
                write!(f, "{q}")?;
                for c in s.chars() {
                    match c {
                        '\\' => f.write_str("\\\\")?,
                        '\n' => f.write_str("\\n")?,
                        '\r' => f.write_str("\\r")?,
                        '\t' => f.write_str("\\t")?,
                        c if c == q => write!(f, "\\{c}")?,
                        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                            write!(f, "\\x{:02x}", c as u32)?
                        }
                        c => write!(f, "{c}")?,
                    }
                }
                write!(f, "{q}")
            }
            HostValue::List(items) => {
                f.write_str("[")?;
                seq(f, items)?;
                f.write_str("]")
            }
            HostValue::Tuple(items) => {
                f.write_str("(")?;
                seq(f, items)?;
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            HostValue::Dict(items) => {
                f.write_str("{")?;
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
            HostValue::Other { type_name } => write!(f, "<{type_name} object>"),
        }
    }
}

impl From<()> for HostValue {
    fn from(_: ()) -> Self {
        HostValue::None
    }
}
impl From<bool> for HostValue {
    fn from(b: bool) -> Self {
        HostValue::Bool(b)
    }
}
impl From<i64> for HostValue {
    fn from(i: i64) -> Self {
        HostValue::Int(i)
    }
}
impl From<i32> for HostValue {
    fn from(i: i32) -> Self {
        HostValue::Int(i.into())
    }
}
impl From<u32> for HostValue {
    fn from(i: u32) -> Self {
        HostValue::Int(i.into())
    }
}
/// Saturates at `i64::MAX` (the VM's ints are 64-bit).
impl From<u64> for HostValue {
    fn from(i: u64) -> Self {
        HostValue::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}
/// Saturates at `i64::MAX` (the VM's ints are 64-bit).
impl From<usize> for HostValue {
    fn from(i: usize) -> Self {
        HostValue::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}
impl From<f64> for HostValue {
    fn from(x: f64) -> Self {
        HostValue::Float(x)
    }
}
impl From<f32> for HostValue {
    fn from(x: f32) -> Self {
        HostValue::Float(x.into())
    }
}
impl From<String> for HostValue {
    fn from(s: String) -> Self {
        HostValue::Str(s)
    }
}
impl From<&str> for HostValue {
    fn from(s: &str) -> Self {
        HostValue::Str(s.to_string())
    }
}
impl<T: Into<HostValue>> From<Vec<T>> for HostValue {
    fn from(v: Vec<T>) -> Self {
        HostValue::List(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<HostValue>> From<Option<T>> for HostValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(HostValue::None, Into::into)
    }
}

/// Rust types a [`HostValue`] can be read as (host function arguments,
/// see [`Args::get`]).
pub trait FromHost: Sized {
    /// The guest type name expected, for `TypeError` messages.
    const EXPECTED: &'static str;
    /// The value as `Self`, or `None` when it has another type.
    fn from_host(v: &HostValue) -> Option<Self>;
}

impl FromHost for HostValue {
    const EXPECTED: &'static str = "object";
    fn from_host(v: &HostValue) -> Option<Self> {
        Some(v.clone())
    }
}
/// Accepts `bool` too, as Python's `int` parameters do.
impl FromHost for i64 {
    const EXPECTED: &'static str = "int";
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_int()
    }
}
/// A non-negative int.
impl FromHost for usize {
    const EXPECTED: &'static str = "non-negative int";
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_int().and_then(|i| usize::try_from(i).ok())
    }
}
/// Accepts `int` too, as Python's `float` parameters do.
impl FromHost for f64 {
    const EXPECTED: &'static str = "float";
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_float()
    }
}
impl FromHost for bool {
    const EXPECTED: &'static str = "bool";
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_bool()
    }
}
impl FromHost for String {
    const EXPECTED: &'static str = "str";
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
}
/// A list or a tuple whose items all convert.
impl<T: FromHost> FromHost for Vec<T> {
    const EXPECTED: &'static str = "list";
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_slice()?.iter().map(T::from_host).collect()
    }
}
/// `None` or a value that converts.
impl<T: FromHost> FromHost for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_host(v: &HostValue) -> Option<Self> {
        match v {
            HostValue::None => Some(None),
            other => T::from_host(other).map(Some),
        }
    }
}

// ---------------------------------------------------------------- errors

/// Where a [`HostError`] came from, which decides what the VM does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Made by the host function: raised in the guest as a new exception.
    Host,
    /// Guest code the host function called raised: the original exception
    /// propagates (with its traceback) if the function returns this error.
    Guest,
    /// The run is being stopped (kill, interrupt, injected exception): the
    /// VM goes on stopping it whatever the function returns.
    Stop,
}

/// An error a host function returns: raised in the guest as an exception of
/// the class named `kind`, which the guest can catch like any other.
///
/// `kind` is a builtin exception class (`"ValueError"`, `"TimeoutError"`,
/// ...) or an exception class defined at the top level of the guest's
/// `__main__`; any other name raises `RuntimeError("kind: message")`.
///
/// Errors from [`HostCtx::check`] and [`HostCtx::call_function`] carry the
/// kill or the guest exception that caused them: return them as they are
/// (with `?`) and the VM carries that on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostError {
    kind: String,
    message: String,
    origin: Origin,
}

impl HostError {
    /// An exception of class `kind` with `message` (no argument when empty).
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> HostError {
        HostError {
            kind: kind.into(),
            message: message.into(),
            origin: Origin::Host,
        }
    }

    /// `TypeError(message)`.
    pub fn type_error(message: impl Into<String>) -> HostError {
        HostError::new("TypeError", message)
    }

    /// `ValueError(message)`.
    pub fn value_error(message: impl Into<String>) -> HostError {
        HostError::new("ValueError", message)
    }

    /// `RuntimeError(message)`.
    pub fn runtime_error(message: impl Into<String>) -> HostError {
        HostError::new("RuntimeError", message)
    }

    /// The exception class name.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether this error means the run is being stopped (a kill, an
    /// interrupt or an injected exception reached the host function). The
    /// host function should return it at once: whatever it returns, the VM
    /// goes on stopping the run.
    pub fn is_stop(&self) -> bool {
        self.origin == Origin::Stop
    }

    /// Whether this error is an exception raised by guest code the host
    /// function called.
    pub fn is_guest(&self) -> bool {
        self.origin == Origin::Guest
    }
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(&self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

impl std::error::Error for HostError {}

// ---------------------------------------------------------------- arguments

/// The arguments of a host function call, converted to host values.
#[derive(Debug, Clone)]
pub struct Args {
    function: &'static str,
    positional: Vec<HostValue>,
    keywords: Vec<(String, HostValue)>,
}

impl Args {
    /// Arguments for calling `function` (for tests of host functions).
    pub fn new(
        function: &str,
        positional: Vec<HostValue>,
        keywords: Vec<(String, HostValue)>,
    ) -> Args {
        Args {
            function: static_name(function),
            positional,
            keywords,
        }
    }

    /// The name the function was registered under.
    pub fn function(&self) -> &str {
        self.function
    }

    /// Number of positional arguments.
    pub fn len(&self) -> usize {
        self.positional.len()
    }

    /// Whether there are no positional arguments.
    pub fn is_empty(&self) -> bool {
        self.positional.is_empty()
    }

    /// The positional arguments.
    pub fn values(&self) -> &[HostValue] {
        &self.positional
    }

    /// The keyword arguments, in call order.
    pub fn keywords(&self) -> &[(String, HostValue)] {
        &self.keywords
    }

    /// Fails with CPython's `TypeError` unless there are between `min` and
    /// `max` positional arguments.
    pub fn arity(&self, min: usize, max: usize) -> Result<(), HostError> {
        let n = self.len();
        if (min..=max).contains(&n) {
            return Ok(());
        }
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        let msg = if min == max {
            format!(
                "{}() takes {min} positional argument{} but {n} were given",
                self.function,
                plural(min)
            )
        } else if n < min {
            format!(
                "{}() takes at least {min} argument{} ({n} given)",
                self.function,
                plural(min)
            )
        } else {
            format!(
                "{}() takes at most {max} argument{} ({n} given)",
                self.function,
                plural(max)
            )
        };
        Err(HostError::type_error(msg))
    }

    /// Positional argument `i` as a `T`; a `TypeError` naming the function
    /// and the argument when it is missing or has another type.
    pub fn get<T: FromHost>(&self, i: usize) -> Result<T, HostError> {
        let Some(v) = self.positional.get(i) else {
            return Err(HostError::type_error(format!(
                "{}() missing required argument {} ({})",
                self.function,
                i + 1,
                T::EXPECTED
            )));
        };
        self.convert(v, &format!("argument {}", i + 1))
    }

    /// Positional argument `i` as a `T`, or `default` when there are fewer
    /// arguments.
    pub fn get_or<T: FromHost>(&self, i: usize, default: T) -> Result<T, HostError> {
        match self.positional.get(i) {
            Some(v) => self.convert(v, &format!("argument {}", i + 1)),
            None => Ok(default),
        }
    }

    /// Keyword argument `name` as a `T`, if it was passed.
    pub fn keyword<T: FromHost>(&self, name: &str) -> Result<Option<T>, HostError> {
        match self.keywords.iter().find(|(k, _)| k == name) {
            Some((_, v)) => self.convert(v, &format!("argument '{name}'")).map(Some),
            None => Ok(None),
        }
    }

    fn convert<T: FromHost>(&self, v: &HostValue, what: &str) -> Result<T, HostError> {
        T::from_host(v).ok_or_else(|| {
            HostError::type_error(format!(
                "{}() {what} must be {}, not {}",
                self.function,
                T::EXPECTED,
                v.type_name()
            ))
        })
    }
}

// ---------------------------------------------------------------- host functions

/// A Rust function callable from the guest. `Fn`, not `FnMut`: guest code
/// it calls may call it again (keep state in atomics or a `Mutex`, and do
/// not hold a lock across [`HostCtx::call_function`]). `Send + Sync` so one
/// registration can be shared by VMs on many threads.
pub type HostFunction =
    dyn Fn(&mut HostCtx<'_>, &Args) -> Result<HostValue, HostError> + Send + Sync;

/// A kill or guest exception that reached a host function, kept until the
/// function returns (the VM then carries it on).
struct Pending {
    unwind: Box<Unwind>,
    /// A kill, interrupt or injection: propagates whatever the function
    /// returns.
    forced: bool,
}

/// What a host function can do while it runs: poll for a kill, sleep
/// without delaying one, call guest functions, read and write globals.
pub struct HostCtx<'a> {
    vm: &'a mut Vm,
    /// The raw arguments; rooted on the VM stack for the whole call.
    raw: &'a [Value],
    name: &'static str,
    pending: Option<Pending>,
    /// Index in `vm.roots` that keeps a pending exception alive while the
    /// host function may still run guest code.
    root: Option<usize>,
}

/// Bits that mean "stop what you are doing" to a host function.
const STOP_BITS: u32 =
    Attention::KILL | Attention::KILL_HARD | Attention::INTERRUPT | Attention::INJECT;

impl<'a> HostCtx<'a> {
    /// The name the function was registered under.
    pub fn name(&self) -> &str {
        self.name
    }

    /// Whether a kill, an interrupt or an injected exception is waiting to
    /// land. Cheap (one atomic load); does not consume anything. Use
    /// [`check`](HostCtx::check) to turn it into the error to return.
    pub fn should_stop(&self) -> bool {
        self.pending.as_ref().is_some_and(|p| p.forced)
            || self.vm.attention.snapshot() & STOP_BITS != 0
    }

    /// Lets a pending kill, interrupt or injected exception land: `Ok` when
    /// there is none, else an error ([`HostError::is_stop`]) that the
    /// function must return (with `?`); the VM then raises the `SystemExit`
    /// (or stops hard, or raises the injected exception) at the call site.
    /// Call it regularly in long loops, as the long builtins do.
    pub fn check(&mut self) -> Result<(), HostError> {
        if let Some(e) = self.forced_error() {
            return Err(e);
        }
        match self.vm.poll() {
            Ok(()) => Ok(()),
            // Whatever `poll` raises (the kill's `SystemExit`, an interrupt,
            // an injected exception) is aimed at the run, not at this
            // function: it must propagate.
            Err(unwind) => Err(self.keep(unwind, true)),
        }
    }

    /// Sleeps for `duration`, waking at once for a kill, an interrupt or an
    /// injected exception (like `time.sleep` in the guest); then
    /// [`check`](HostCtx::check).
    pub fn sleep(&mut self, duration: Duration) -> Result<(), HostError> {
        if self.forced_error().is_none() {
            self.vm.flush();
            self.vm.attention.sleep(duration, STOP_BITS);
        }
        self.check()
    }

    /// The VM's attention word, for host functions that wait on something
    /// else: [`Attention::sleep`] wakes on a kill.
    pub fn attention(&self) -> Arc<Attention> {
        self.vm.attention()
    }

    /// Calls the guest function bound to global `name` (or a builtin) with
    /// `args`. A guest exception comes back as an error
    /// ([`HostError::is_guest`]); returned as it is, the original exception
    /// propagates with its traceback. A kill that lands in the called code
    /// comes back as a stop error.
    pub fn call_function(
        &mut self,
        name: &str,
        args: &[HostValue],
    ) -> Result<HostValue, HostError> {
        if let Some(e) = self.forced_error() {
            return Err(e);
        }
        match self.vm.call_function(name, args) {
            Ok(v) => Ok(self.vm.to_host(v)),
            Err(unwind) => Err(self.keep(unwind, false)),
        }
    }

    /// Calls positional argument `index` (a guest callable passed to the
    /// host function) with `args`; errors as for
    /// [`call_function`](HostCtx::call_function).
    pub fn call_arg(&mut self, index: usize, args: &[HostValue]) -> Result<HostValue, HostError> {
        if let Some(e) = self.forced_error() {
            return Err(e);
        }
        let Some(&f) = self.raw.get(index) else {
            return Err(HostError::type_error(format!(
                "{}() missing required argument {}",
                self.name,
                index + 1
            )));
        };
        let base = self.vm.roots.len();
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            match self.vm.guest_value(a) {
                Ok(v) => {
                    // Rooted until the call has copied them onto the stack.
                    self.vm.roots.push(v);
                    vals.push(v);
                }
                Err(unwind) => {
                    self.vm.roots.truncate(base);
                    return Err(self.keep(unwind, false));
                }
            }
        }
        let r = self.vm.call(f, &vals);
        self.vm.roots.truncate(base);
        match r {
            Ok(v) => Ok(self.vm.to_host(v)),
            Err(unwind) => Err(self.keep(unwind, false)),
        }
    }

    /// A global of `__main__` (or a builtin), copied out.
    pub fn global(&mut self, name: &str) -> Option<HostValue> {
        self.vm.global(name)
    }

    /// Binds global `name` of `__main__`.
    pub fn set_global(&mut self, name: &str, value: &HostValue) -> Result<(), HostError> {
        match self.vm.set_global(name, value) {
            Ok(()) => Ok(()),
            Err(unwind) => Err(self.keep(unwind, false)),
        }
    }

    /// The stop error again, when a kill is already pending.
    fn forced_error(&self) -> Option<HostError> {
        match &self.pending {
            Some(p) if p.forced => Some(HostError {
                kind: "SystemExit".into(),
                message: "the run is being stopped".into(),
                origin: Origin::Stop,
            }),
            _ => None,
        }
    }

    /// Keeps `unwind` until the function returns, and describes it.
    /// `forced`: it must propagate whatever the function returns (a kill
    /// always must, wherever it was met).
    fn keep(&mut self, unwind: Box<Unwind>, forced: bool) -> HostError {
        if let Some(stop) = self.forced_error() {
            // A kill already pending wins over anything that follows it
            // (and its exception keeps the root).
            return stop;
        }
        let (forced, kind, message) = match &*unwind {
            Unwind::Kill(reason) => (
                true,
                "SystemExit".to_string(),
                reason.describe().to_string(),
            ),
            Unwind::Raise(exc) => {
                let exc = *exc;
                let kind = exc.type_name().to_string();
                // The first argument when it is a string: computing `str()`
                // could run guest code.
                let message = match self.vm.exc_args(exc).first() {
                    Some(Value::Str(s)) => s.as_str().to_string(),
                    _ => String::new(),
                };
                let forced = forced || self.vm.kill_mark(exc).is_some();
                match self.root {
                    Some(i) => self.vm.roots[i] = exc,
                    None => {
                        self.root = Some(self.vm.roots.len());
                        self.vm.roots.push(exc);
                    }
                }
                (forced, kind, message)
            }
        };
        self.pending = Some(Pending { unwind, forced });
        HostError {
            kind,
            message,
            origin: if forced { Origin::Stop } else { Origin::Guest },
        }
    }

    /// Ends the call: the value to return to the guest, or what to unwind.
    fn finish(mut self, r: std::thread::Result<Result<HostValue, HostError>>) -> VmResult<Value> {
        let pending = self.pending.take();
        if let Some(i) = self.root.take() {
            self.vm.roots.truncate(i);
        }
        let vm = self.vm;
        match (r, pending) {
            (_, Some(p)) if p.forced => Err(p.unwind),
            (Ok(Ok(v)), _) => vm.guest_value(&v),
            (Ok(Err(e)), Some(p)) if e.origin != Origin::Host => Err(p.unwind),
            (Ok(Err(e)), _) => Err(vm.raise_host_error(&e.kind, &e.message)),
            (Err(panic), _) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let msg = format!("host function '{}' panicked: {what}", self.name);
                Err(vm.error(ExcKind::RuntimeError, &msg))
            }
        }
    }
}

/// Runs host function `f` for a guest call: converts the arguments, calls
/// `f` (a panic becomes a guest `RuntimeError`), converts the result.
fn call_host(
    vm: &mut Vm,
    name: &'static str,
    f: &HostFunction,
    raw: &[Value],
    kw: Kwargs<'_>,
) -> VmResult<Value> {
    let args = Args {
        function: name,
        positional: raw.iter().map(|&v| vm.to_host(v)).collect(),
        keywords: kw
            .iter()
            .map(|&(k, v)| (vm.symbol_text(k).to_string(), vm.to_host(v)))
            .collect(),
    };
    let mut ctx = HostCtx {
        vm,
        raw,
        name,
        pending: None,
        root: None,
    };
    let r = catch_unwind(AssertUnwindSafe(|| f(&mut ctx, &args)));
    ctx.finish(r)
}

/// Names of host functions live as long as the process (`NativeFn::name`
/// is `&'static str`); each distinct name is leaked once, however many VMs
/// register it.
fn static_name(name: &str) -> &'static str {
    static NAMES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.iter().find(|n| **n == name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(n);
    n
}

// ---------------------------------------------------------------- the VM side

impl Vm {
    /// Copies `v` out of the VM. Never runs guest code and never fails:
    /// values without a host counterpart, containers that contain
    /// themselves and containers nested deeper than [`MAX_HOST_DEPTH`]
    /// become [`HostValue::Other`].
    pub fn to_host(&self, v: Value) -> HostValue {
        let mut open = Vec::new();
        to_host_at(v, &mut open)
    }

    /// Builds a guest value from `v`. Fails with `TypeError` for
    /// [`HostValue::Other`] and for unhashable dict keys, and with
    /// `MemoryError` beyond the heap limit. Runs no guest code.
    pub fn guest_value(&mut self, v: &HostValue) -> VmResult<Value> {
        // Nothing is collected before the next instruction boundary, so the
        // values built here need no rooting until the caller uses them.
        self.guest_value_at(v, 0)
    }

    fn guest_value_at(&mut self, v: &HostValue, depth: usize) -> VmResult<Value> {
        if depth > MAX_HOST_DEPTH {
            return Err(self.error(
                ExcKind::RecursionError,
                "host value nested too deeply to convert",
            ));
        }
        Ok(match v {
            HostValue::None => Value::None,
            HostValue::Bool(b) => Value::Bool(*b),
            HostValue::Int(i) => Value::Int(*i),
            HostValue::Float(x) => Value::Float(*x),
            HostValue::Str(s) => {
                self.reserve(s.len())?;
                self.str_value(s)
            }
            HostValue::List(items) | HostValue::Tuple(items) => {
                self.reserve(items.len().saturating_mul(16))?;
                let mut vs = Vec::with_capacity(items.len());
                for i in items {
                    vs.push(self.guest_value_at(i, depth + 1)?);
                }
                if matches!(v, HostValue::List(_)) {
                    self.list_value(vs)
                } else {
                    self.tuple_value(vs)
                }
            }
            HostValue::Dict(items) => {
                self.reserve(items.len().saturating_mul(40))?;
                let d: Gc<Dict> = self.alloc(Dict::new());
                for (k, val) in items {
                    let k = self.guest_value_at(k, depth + 1)?;
                    let val = self.guest_value_at(val, depth + 1)?;
                    // Keys built from host values are str, numbers, tuples
                    // or containers: hashing them runs no guest code.
                    self.dict_set(d, k, val)?;
                }
                Value::Dict(d)
            }
            HostValue::Other { type_name } => {
                let msg =
                    format!("a host copy of a '{type_name}' object cannot be passed to the guest");
                return Err(self.type_error(&msg));
            }
        })
    }

    /// Registers `f` as a guest callable named `name`: a builtin visible to
    /// every program this VM runs when `module` is `None`, else a function
    /// of module `module` (created on first use, or added to the built-in
    /// module of that name), which the guest imports as usual. A module
    /// must also be allowed by `Config::allowed_modules` when that is set.
    pub fn register_function(&mut self, module: Option<&str>, name: &str, f: Arc<HostFunction>) {
        let fname = static_name(name);
        let body: HostClosure = Box::new(move |vm, args, kw| call_host(vm, fname, &*f, args, kw));
        let v = Value::Native(self.alloc(NativeFn {
            name: fname,
            owner: None,
            body: NativeBody::Closure(body),
            bound: Value::Undef,
        }));
        let target = match module {
            None => self.builtins.expect("builtins are installed by Vm::new"),
            Some(m) => self.host_module(m),
        };
        let s = self.intern(name);
        target.set(s, v);
    }

    /// The module `name` for host functions: an existing one, a built-in
    /// one created now, or a new empty one.
    fn host_module(&mut self, name: &str) -> Gc<Module> {
        if let Some((_, m)) = self.modules.iter().find(|(n, _)| **n == *name) {
            return *m;
        }
        let m = match crate::builtins::make_module(self, name) {
            Some(m) => m,
            None => {
                let m = self.alloc(Module::new(name));
                let n = self.str_value(name);
                m.set(sym::NAME, n);
                m
            }
        };
        self.modules.push((name.into(), m));
        m
    }

    /// Calls the guest function bound to global `name` of `__main__` (or
    /// the builtin of that name) with `args`.
    ///
    /// From an idle VM this is a run of its own: it starts from a clean
    /// frame stack and leaves nothing behind (call `begin_run` first, as
    /// for `run_prepared`, to forget kills aimed at earlier runs). From a
    /// host function it is a nested call. The result is only valid until
    /// the next instruction runs: convert it with [`Vm::to_host`] at once.
    pub fn call_function(&mut self, name: &str, args: &[HostValue]) -> VmResult<Value> {
        // Idle: no guest frame and nothing on the stack. (A host function
        // called by name from an idle VM runs with no frame, but its
        // callee and arguments are on the stack.)
        let idle = self.frames.is_empty() && self.sp == 0;
        if idle {
            self.reset_for_run();
        }
        let r = self.call_function_inner(name, args);
        if idle {
            self.finish_run();
        }
        r
    }

    fn call_function_inner(&mut self, name: &str, args: &[HostValue]) -> VmResult<Value> {
        let s = self.intern(name);
        let f = self
            .main_module
            .and_then(|m| m.get(s))
            .or_else(|| self.builtins.and_then(|b| b.get(s)));
        let Some(f) = f else {
            let msg = format!("name '{name}' is not defined");
            return Err(self.error(ExcKind::NameError, &msg));
        };
        let base = self.roots.len();
        self.roots.push(f);
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            match self.guest_value(a) {
                Ok(v) => {
                    self.roots.push(v);
                    vals.push(v);
                }
                Err(e) => {
                    self.roots.truncate(base);
                    return Err(e);
                }
            }
        }
        let r = self.call(f, &vals);
        self.roots.truncate(base);
        r
    }

    /// Global `name` of `__main__` (or, failing that, the builtin of that
    /// name), copied out; `None` when unbound.
    pub fn global(&mut self, name: &str) -> Option<HostValue> {
        let s = self.intern(name);
        let v = self
            .main_module
            .and_then(|m| m.get(s))
            .or_else(|| self.builtins.and_then(|b| b.get(s)))?;
        Some(self.to_host(v))
    }

    /// Binds global `name` of `__main__` to a guest copy of `value`. Before
    /// the first run this creates an empty `__main__`, which the next run
    /// replaces: values a program must see from its first line belong among
    /// the builtins ([`Vm::set_builtin`]).
    pub fn set_global(&mut self, name: &str, value: &HostValue) -> VmResult<()> {
        let v = self.guest_value(value)?;
        let m = match self.main_module {
            Some(m) => m,
            None => {
                let m = self.alloc(Module::new("__main__"));
                let n = self.str_value("__main__");
                m.set(sym::NAME, n);
                self.main_module = Some(m);
                m
            }
        };
        let s = self.intern(name);
        m.set(s, v);
        Ok(())
    }

    /// Binds builtin `name` to a guest copy of `value`: every program this
    /// VM runs sees it, unless it assigns a global of the same name.
    pub fn set_builtin(&mut self, name: &str, value: &HostValue) -> VmResult<()> {
        let v = self.guest_value(value)?;
        let s = self.intern(name);
        self.builtins
            .expect("builtins are installed by Vm::new")
            .set(s, v);
        Ok(())
    }

    /// Runs `f` with `v` rooted, so that `v` survives guest code that `f`
    /// runs (formatting an exception calls its `__str__`; a collection may
    /// happen meanwhile). `f` must not start a new run (`run`,
    /// `call_function` on an idle VM), which forgets every root.
    pub fn with_root<R>(&mut self, v: Value, f: impl FnOnce(&mut Vm) -> R) -> R {
        let base = self.roots.len();
        self.roots.push(v);
        let r = f(self);
        self.roots.truncate(base);
        r
    }

    /// Starts counting guest output (for `Config::max_output`) from zero,
    /// so the limit applies per run rather than per VM.
    pub fn reset_output_count(&mut self) {
        self.output_bytes = 0;
    }

    /// The exception a host error stands for: a builtin class, a class the
    /// guest defined in `__main__`, or `RuntimeError("kind: message")`.
    fn raise_host_error(&mut self, kind: &str, message: &str) -> Box<Unwind> {
        if let Some(k) = ExcKind::from_name(kind) {
            return if message.is_empty() {
                self.new_error_noargs(k)
            } else {
                self.error(k, message)
            };
        }
        let s = self.intern(kind);
        if let Some(Value::Class(c)) = self.main_module.and_then(|m| m.get(s)) {
            if c.is_exception() {
                let args = if message.is_empty() {
                    Vec::new()
                } else {
                    vec![self.str_value(message)]
                };
                // `args` is not rooted, but nothing collects before the
                // exception holds it.
                let e = self.new_exception(c, args);
                return Box::new(Unwind::Raise(e));
            }
        }
        self.error(ExcKind::RuntimeError, &format!("{kind}: {message}"))
    }
}

/// `to_host` for a value met `open.len()` containers deep; `open` holds the
/// addresses of the containers being converted (cycle detection).
fn to_host_at(v: Value, open: &mut Vec<usize>) -> HostValue {
    let container = matches!(v, Value::List(_) | Value::Tuple(_) | Value::Dict(_));
    if container {
        let addr = v.heap_addr().unwrap_or(0);
        if open.len() >= MAX_HOST_DEPTH || open.contains(&addr) {
            return HostValue::Other {
                type_name: v.type_name().to_string(),
            };
        }
        open.push(addr);
    }
    let r = match v {
        Value::None | Value::Undef => HostValue::None,
        Value::Bool(b) => HostValue::Bool(b),
        Value::Int(i) => HostValue::Int(i),
        Value::Float(x) => HostValue::Float(x),
        Value::Str(s) => HostValue::Str(s.as_str().to_string()),
        Value::List(l) => HostValue::List(
            l.to_vec()
                .into_iter()
                .map(|x| to_host_at(x, open))
                .collect(),
        ),
        Value::Tuple(t) => {
            HostValue::Tuple(t.items().iter().map(|&x| to_host_at(x, open)).collect())
        }
        Value::Dict(d) => HostValue::Dict(
            d.table()
                .items()
                .into_iter()
                .map(|(k, x)| (to_host_at(k, open), to_host_at(x, open)))
                .collect(),
        ),
        other => HostValue::Other {
            type_name: other.type_name().to_string(),
        },
    };
    if container {
        open.pop();
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attention::KillReason;
    use crate::vm::Config;

    fn run(vm: &mut Vm, src: &str) -> VmResult<Value> {
        let p = crate::compile(src, "t.py").unwrap();
        vm.run(&p)
    }

    #[test]
    fn values_round_trip() {
        let mut vm = Vm::default();
        let v = HostValue::Dict(vec![
            ("a".into(), vec![1i64, 2].into()),
            (HostValue::Tuple(vec![1.into(), "x".into()]), 2.5.into()),
            ("n".into(), HostValue::None),
            ("b".into(), true.into()),
        ]);
        let g = vm.guest_value(&v).unwrap();
        assert_eq!(vm.to_host(g), v);
        assert_eq!(
            v.to_string(),
            "{'a': [1, 2], (1, 'x'): 2.5, 'n': None, 'b': True}"
        );
        assert_eq!(HostValue::from("it's").to_string(), "\"it's\"");
        assert_eq!(HostValue::Tuple(vec![1.into()]).to_string(), "(1,)");
        // Unhashable keys and host-only values do not enter the guest.
        let bad = HostValue::Dict(vec![(HostValue::List(vec![]), 1.into())]);
        assert!(vm.guest_value(&bad).is_err());
        assert!(vm
            .guest_value(&HostValue::Other {
                type_name: "f".into()
            })
            .is_err());
    }

    #[test]
    fn cycles_and_deep_nesting_are_cut_not_followed() {
        let mut vm = Vm::default();
        run(
            &mut vm,
            "a = []\na.append(a)\nd = []\nfor i in range(100000):\n    d = [d]\n",
        )
        .unwrap();
        assert_eq!(
            vm.global("a"),
            Some(HostValue::List(vec![HostValue::Other {
                type_name: "list".into()
            }]))
        );
        // 100,000 levels: converted down to MAX_HOST_DEPTH, no stack overflow.
        let mut v = vm.global("d").unwrap();
        let mut depth = 0;
        while let HostValue::List(mut items) = v {
            v = items.pop().unwrap();
            depth += 1;
        }
        assert_eq!(depth, MAX_HOST_DEPTH);
        assert_eq!(
            v,
            HostValue::Other {
                type_name: "list".into()
            }
        );
    }

    #[test]
    fn budget_grace_turns_a_swallowed_budget_kill_hard() {
        let mut vm = Vm::default();
        vm.set_instruction_budget(Some(1000));
        vm.set_budget_grace(Some(100));
        let r = run(&mut vm, "while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n");
        assert!(matches!(
            r.map_err(|e| *e),
            Err(Unwind::Kill(KillReason::Budget))
        ));
        // Without a grace, the soft kill is all there is (and a swallowed
        // one would run on, so this script lets it through).
        vm.set_instruction_budget(Some(1000));
        vm.set_budget_grace(None);
        let r = run(&mut vm, "while True:\n    pass\n");
        match r.map_err(|e| *e) {
            Err(Unwind::Raise(exc)) => {
                assert_eq!(vm.kill_mark(exc).unwrap().reason, KillReason::Budget)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn heap_limit_catches_growth_one_append_at_a_time() {
        let mut vm = Vm::new(Config {
            max_heap: Some(1 << 20),
            ..Config::default()
        });
        let r = run(&mut vm, "xs = []\nwhile True:\n    xs.append([1, 2])\n");
        match r.map_err(|e| *e) {
            Err(Unwind::Raise(exc)) => assert!(vm.exc_is(exc, ExcKind::MemoryError)),
            other => panic!("{other:?}"),
        }
        assert!(vm.heap().bytes() < (1 << 20) + (1 << 20) / 8 + (64 << 10) + 4096);
    }
}
