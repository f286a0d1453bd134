//! `Value`: what a guest variable holds. Sixteen bytes, `Copy`: `None`,
//! booleans, 64-bit ints and floats are stored inline (no allocation per
//! arithmetic instruction); everything else is a `Gc` handle into the heap.

use crate::gc::{Gc, Trace, Tracer};
use crate::object::*;

/// A guest value.
///
/// `repr(C, u64)`: the tag is a full word and every payload sits at offset
/// 8, so a `Value` is two plain words and copies with two moves. (With the
/// default layout `Bool(bool)` puts its payload at offset 1, and copies
/// become overlapping unaligned stores that stall store forwarding on the
/// hot push/pop path: a measured 2-3x slowdown of the dispatch loop.)
#[derive(Clone, Copy, Default)]
#[repr(C, u64)]
pub enum Value {
    /// Not a Python value: an unbound local, an empty global slot, the
    /// "no self" marker of a method call. Never visible to guest code.
    #[default]
    Undef,
    /// `None`.
    None,
    /// `NotImplemented`, returned by binary special methods.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// `int` (64-bit; overflow raises `OverflowError`, a documented deviation).
    Int(i64),
    /// `float`.
    Float(f64),
    /// `str`.
    Str(Gc<Str>),
    /// `list`.
    List(Gc<List>),
    /// `tuple`.
    Tuple(Gc<Tuple>),
    /// `dict`.
    Dict(Gc<Dict>),
    /// `range`.
    Range(Gc<Range>),
    /// `slice`.
    Slice(Gc<Slice>),
    /// A function defined in guest code.
    Func(Gc<Function>),
    /// A function implemented in Rust (builtins, module functions, methods
    /// of builtin types, host functions).
    Native(Gc<NativeFn>),
    /// A callable bound to its first argument (`obj.method`).
    Method(Gc<BoundMethod>),
    /// A class (builtin or user-defined).
    Class(Gc<Class>),
    /// An instance of a user-defined class or of an exception class.
    Instance(Gc<Instance>),
    /// A module (`__main__`, `time`, `sys`, ...).
    Module(Gc<Module>),
    /// An iterator over a builtin container (or `enumerate`, `zip`, ...).
    Iter(Gc<IterObj>),
    /// A `dict_keys` / `dict_values` / `dict_items` view.
    DictView(Gc<DictView>),
    /// A closure cell. Only on the VM stack, never a guest value.
    Cell(Gc<CellObj>),
    /// A loaded code object. Only as a constant, never a guest value.
    Code(Gc<CodeObj>),
    /// A generator object.
    Generator(Gc<Generator>),
    /// A host object with its own behaviour (threads, locks, ...).
    Opaque(Gc<Opaque>),
}

impl Value {
    /// `True` for the internal "no value" marker.
    #[inline(always)]
    pub fn is_undef(self) -> bool {
        matches!(self, Value::Undef)
    }

    /// `True` for `None`.
    #[inline(always)]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    /// The builtin-type name used in error messages (`'int'`, `'list'`, ...).
    /// Instances report their class name.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Undef => "<undefined>",
            Value::None => "NoneType",
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            Value::Func(_) => "function",
            Value::Native(n) => {
                if n.is_method() {
                    "method_descriptor"
                } else {
                    "builtin_function_or_method"
                }
            }
            Value::Method(_) => "method",
            Value::Class(_) => "type",
            Value::Instance(i) => i.class.name_static(),
            Value::Module(_) => "module",
            Value::Iter(it) => it.type_name(),
            Value::DictView(v) => v.type_name(),
            Value::Cell(_) => "cell",
            Value::Code(_) => "code",
            Value::Generator(_) => "generator",
            Value::Opaque(o) => o.type_name(),
        }
    }

    /// Identity (`is`). Inline values compare by value, as CPython's cached
    /// small ints and singletons make them appear to.
    pub fn is(self, other: Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undef, Undef) | (None, None) | (NotImplemented, NotImplemented) => true,
            (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_addr(), other.heap_addr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The heap address of a boxed value.
    pub fn heap_addr(self) -> Option<usize> {
        use Value::*;
        Some(match self {
            Str(g) => g.addr(),
            List(g) => g.addr(),
            Tuple(g) => g.addr(),
            Dict(g) => g.addr(),
            Range(g) => g.addr(),
            Slice(g) => g.addr(),
            Func(g) => g.addr(),
            Native(g) => g.addr(),
            Method(g) => g.addr(),
            Class(g) => g.addr(),
            Instance(g) => g.addr(),
            Module(g) => g.addr(),
            Iter(g) => g.addr(),
            DictView(g) => g.addr(),
            Cell(g) => g.addr(),
            Code(g) => g.addr(),
            Generator(g) => g.addr(),
            Opaque(g) => g.addr(),
            _ => return Option::None,
        })
    }

    /// The string, if this is a `str`.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => Option::None,
        }
    }
}

impl Tracer<'_> {
    /// Marks whatever `v` points at.
    #[inline]
    pub fn value(&mut self, v: Value) {
        use Value::*;
        match v {
            Undef | None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) => {}
            Str(g) => self.mark(g),
            List(g) => self.mark(g),
            Tuple(g) => self.mark(g),
            Dict(g) => self.mark(g),
            Range(g) => self.mark(g),
            Slice(g) => self.mark(g),
            Func(g) => self.mark(g),
            Native(g) => self.mark(g),
            Method(g) => self.mark(g),
            Class(g) => self.mark(g),
            Instance(g) => self.mark(g),
            Module(g) => self.mark(g),
            Iter(g) => self.mark(g),
            DictView(g) => self.mark(g),
            Cell(g) => self.mark(g),
            Code(g) => self.mark(g),
            Generator(g) => self.mark(g),
            Opaque(g) => self.mark(g),
        }
    }

    /// Marks every value in `vs`, in chunks between which the collection
    /// may be abandoned (a list of millions).
    pub fn values(&mut self, vs: &[Value]) {
        for chunk in vs.chunks(crate::gc::MARK_POLL_EVERY) {
            if self.stopped() {
                return;
            }
            for &v in chunk {
                self.value(v);
            }
            if self.tick(chunk.len()) {
                return;
            }
        }
    }
}

impl Trace for Value {
    fn trace(&self, t: &mut Tracer) {
        t.value(*self);
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Undef => write!(f, "<undef>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<{}>", other.type_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}

/// Writes a value to a slot (stack, frame, module) with one 16-byte store.
///
/// Values computed in registers (an `Int` sum) would otherwise be written
/// as two 8-byte stores (tag, payload), and the next 16-byte copy of the
/// slot (`StoreLocal`, `Dup`) could not be forwarded from them: a store
/// forwarding stall on the hottest path of the loop. Every later load, 8 or
/// 16 bytes, forwards from a single 16-byte store.
#[inline(always)]
pub(crate) unsafe fn write_value(dst: *mut Value, v: Value) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_storeu_si128};
        // SAFETY: `Value` is 16 bytes of plain data (`repr(C, u64)`), and
        // `dst` is a valid, writable stack slot (caller's contract).
        unsafe {
            _mm_storeu_si128(
                dst as *mut __m128i,
                std::mem::transmute::<Value, __m128i>(v),
            )
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // SAFETY: as above.
        unsafe { *dst = v }
    }
}
