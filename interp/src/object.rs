//! The heap object types behind `Value`'s handles.
//!
//! Mutable containers keep their contents in an `UnsafeCell` and expose only
//! small copy-in/copy-out operations (`get`, `set`, `push`, ...): a reference
//! into a container never outlives the call that made it, so guest code run
//! in between (a `__eq__`, a key function) can mutate the container without
//! invalidating anything. `with_items`/`with_items_mut` lend the contents to
//! a closure that must not reach the same container through another handle
//! and must not run guest code.

use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::bytecode::Code;
use crate::dict::DictTable;
use crate::gc::{Gc, Trace, Tracer};
use crate::intern::Symbol;
use crate::util::FxBuild;
use crate::value::Value;
use crate::vm::{Vm, VmResult};

// ---------------------------------------------------------------- str

/// An immutable string. Up to 24 bytes live inline (most strings a guest
/// makes are short: keys, words, digits), longer ones in one heap buffer.
pub struct Str {
    text: compact_str::CompactString,
    chars: usize,
    hash: Cell<u64>,
}

impl Str {
    /// A copy of `text`.
    pub fn new(text: &str) -> Str {
        Str::from_compact(compact_str::CompactString::new(text))
    }

    /// Takes `text` (its buffer is reused when it does not fit inline).
    pub fn from_string(text: String) -> Str {
        Str::from_compact(compact_str::CompactString::from(text))
    }

    /// A string whose character count the caller already knows (a
    /// `join` of strings): no scan of a text that may be megabytes long.
    pub fn from_string_counted(text: String, chars: usize) -> Str {
        debug_assert_eq!(text.chars().count(), chars);
        Str {
            text: compact_str::CompactString::from(text),
            chars,
            hash: Cell::new(0),
        }
    }

    fn from_compact(text: compact_str::CompactString) -> Str {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        Str {
            text,
            chars,
            hash: Cell::new(0),
        }
    }

    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points (Python's `len`).
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Whether every character is ASCII (so byte and character indices agree).
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The string's hash, computed once.
    #[inline]
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = crate::util::hash_bytes(self.text.as_bytes()) | 1;
        self.hash.set(h);
        h
    }

    /// The code point at character index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }
}

impl Trace for Str {
    fn trace(&self, _: &mut Tracer) {}
    const HAS_BUFFER: bool = true;
    fn buffer(&self) -> Option<(*const u8, usize)> {
        self.text
            .is_heap_allocated()
            .then(|| (self.text.as_ptr(), self.text.len()))
    }
    fn extra_bytes(&self) -> usize {
        if self.text.is_heap_allocated() {
            self.text.len()
        } else {
            0
        }
    }
}

// ---------------------------------------------------------------- list

/// A `list`.
#[derive(Default)]
pub struct List {
    items: UnsafeCell<Vec<Value>>,
}

impl List {
    /// A list owning `items`.
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: UnsafeCell::new(items),
        }
    }

    #[inline(always)]
    fn vec(&self) -> &Vec<Value> {
        // SAFETY: see the module comment; no `&mut` to the vector is alive
        // outside the short methods below.
        unsafe { &*self.items.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn vec_mut(&self) -> &mut Vec<Value> {
        // SAFETY: as above; each use ends before the method returns.
        unsafe { &mut *self.items.get() }
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.vec().len()
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `i`.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.vec().get(i).copied()
    }

    /// Replaces the item at `i`; false when out of range.
    #[inline(always)]
    pub fn set(&self, i: usize, v: Value) -> bool {
        match self.vec_mut().get_mut(i) {
            Some(slot) => {
                *slot = v;
                true
            }
            None => false,
        }
    }

    /// Appends `v`; returns the bytes the buffer grew by.
    #[inline]
    pub fn push(&self, v: Value) -> usize {
        let vec = self.vec_mut();
        let cap = vec.capacity();
        if vec.len() == cap && cap >= crate::gc::GENTLE_GROWTH_FROM {
            // Doubling would let one append take the heap far past its
            // limit before the next collection can notice (see `gc`).
            vec.reserve_exact(cap / 8);
        }
        vec.push(v);
        (vec.capacity() - cap) * std::mem::size_of::<Value>()
    }

    /// Removes and returns the last item.
    pub fn pop(&self) -> Option<Value> {
        self.vec_mut().pop()
    }

    /// A copy of the items.
    pub fn to_vec(&self) -> Vec<Value> {
        self.vec().clone()
    }

    /// Lends the items to `f`, which must not touch this list otherwise.
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        f(self.vec())
    }

    /// Lends the vector mutably to `f`, which must not touch this list
    /// otherwise and must not run guest code.
    pub fn with_items_mut<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        f(self.vec_mut())
    }
}

impl Trace for List {
    fn trace(&self, t: &mut Tracer) {
        t.values(self.vec());
    }
    fn extra_bytes(&self) -> usize {
        self.vec().capacity() * std::mem::size_of::<Value>()
    }
    const HAS_BUFFER: bool = true;
    fn buffer(&self) -> Option<(*const u8, usize)> {
        let v = self.vec();
        Some((
            v.as_ptr().cast(),
            v.capacity() * std::mem::size_of::<Value>(),
        ))
    }
}

// ---------------------------------------------------------------- tuple

/// A `tuple`.
pub struct Tuple {
    items: Box<[Value]>,
}

impl Tuple {
    /// A tuple of `items`.
    pub fn new(items: Box<[Value]>) -> Tuple {
        Tuple { items }
    }

    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        &self.items
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Trace for Tuple {
    fn trace(&self, t: &mut Tracer) {
        t.values(&self.items);
    }
    fn extra_bytes(&self) -> usize {
        self.items.len() * std::mem::size_of::<Value>()
    }
    const HAS_BUFFER: bool = true;
    fn buffer(&self) -> Option<(*const u8, usize)> {
        Some((
            self.items.as_ptr().cast(),
            std::mem::size_of_val(&*self.items),
        ))
    }
}

// ---------------------------------------------------------------- dict

/// A `dict` (insertion-ordered).
#[derive(Default)]
pub struct Dict {
    table: UnsafeCell<DictTable>,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// A dict over an existing table.
    pub fn from_table(table: DictTable) -> Dict {
        Dict {
            table: UnsafeCell::new(table),
        }
    }

    /// Read access to the table, for operations that run no guest code.
    #[inline(always)]
    pub fn table(&self) -> &DictTable {
        // SAFETY: see the module comment.
        unsafe { &*self.table.get() }
    }

    /// Write access to the table, for operations that run no guest code.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn table_mut(&self) -> &mut DictTable {
        // SAFETY: see the module comment.
        unsafe { &mut *self.table.get() }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.table().len()
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Trace for Dict {
    fn trace(&self, t: &mut Tracer) {
        self.table().trace(t);
    }
    fn extra_bytes(&self) -> usize {
        self.table().heap_bytes()
    }
}

// ---------------------------------------------------------------- range, slice

/// A `range`.
pub struct Range {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step, never zero.
    pub step: i64,
}

impl Range {
    /// Number of values.
    pub fn len(&self) -> i64 {
        range_len(self.start, self.stop, self.step)
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th value, for 0 <= i < len.
    pub fn nth(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// Number of values in `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, step) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / step + 1) as i64
    }
}

impl Trace for Range {
    fn trace(&self, _: &mut Tracer) {}
}

/// A `slice` object.
pub struct Slice {
    /// Start or `None`.
    pub start: Value,
    /// Stop or `None`.
    pub stop: Value,
    /// Step or `None`.
    pub step: Value,
}

impl Trace for Slice {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.start);
        t.value(self.stop);
        t.value(self.step);
    }
}

// ---------------------------------------------------------------- attributes

/// An insertion-ordered name-to-value map for instance and class attributes.
/// Small maps are searched linearly; large ones get a hash index.
#[derive(Default)]
pub struct AttrMap {
    inner: UnsafeCell<AttrInner>,
}

#[derive(Default)]
struct AttrInner {
    entries: Vec<(Symbol, Value)>,
    index: Option<HashMap<Symbol, u32, FxBuild>>,
}

const ATTR_INDEX_AT: usize = 12;

impl AttrMap {
    #[inline(always)]
    fn inner(&self) -> &AttrInner {
        // SAFETY: see the module comment.
        unsafe { &*self.inner.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn inner_mut(&self) -> &mut AttrInner {
        // SAFETY: see the module comment.
        unsafe { &mut *self.inner.get() }
    }

    /// The value of `name`.
    #[inline]
    pub fn get(&self, name: Symbol) -> Option<Value> {
        let inner = self.inner();
        match &inner.index {
            None => inner
                .entries
                .iter()
                .find(|(k, _)| *k == name)
                .map(|&(_, v)| v),
            Some(ix) => ix.get(&name).map(|&i| inner.entries[i as usize].1),
        }
    }

    /// Sets `name`.
    pub fn set(&self, name: Symbol, value: Value) {
        let inner = self.inner_mut();
        let pos = match &inner.index {
            None => inner.entries.iter().position(|(k, _)| *k == name),
            Some(ix) => ix.get(&name).map(|&i| i as usize),
        };
        match pos {
            Some(i) => inner.entries[i].1 = value,
            None => {
                inner.entries.push((name, value));
                let n = inner.entries.len();
                if let Some(ix) = &mut inner.index {
                    ix.insert(name, (n - 1) as u32);
                } else if n > ATTR_INDEX_AT {
                    inner.index = Some(
                        inner
                            .entries
                            .iter()
                            .enumerate()
                            .map(|(i, (k, _))| (*k, i as u32))
                            .collect(),
                    );
                }
            }
        }
    }

    /// Removes `name`; returns whether it was there.
    pub fn remove(&self, name: Symbol) -> bool {
        let inner = self.inner_mut();
        match inner.entries.iter().position(|(k, _)| *k == name) {
            Some(i) => {
                inner.entries.remove(i);
                if inner.index.is_some() {
                    inner.index = Some(
                        inner
                            .entries
                            .iter()
                            .enumerate()
                            .map(|(i, (k, _))| (*k, i as u32))
                            .collect(),
                    );
                }
                true
            }
            None => false,
        }
    }

    /// A copy of the entries, in insertion order.
    pub fn entries(&self) -> Vec<(Symbol, Value)> {
        self.inner().entries.clone()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.inner().entries.len()
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Trace for AttrMap {
    fn trace(&self, t: &mut Tracer) {
        for &(_, v) in &self.inner().entries {
            t.value(v);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.inner().entries.capacity() * std::mem::size_of::<(Symbol, Value)>()
    }
}

// ---------------------------------------------------------------- functions

/// A loaded code object: a compiled `Code` plus its constants materialised
/// as values of one VM, and its names mapped to the VM's symbols.
pub struct CodeObj {
    /// The compiled code, shared by every VM that loads the program.
    pub code: Arc<Code>,
    /// Constants, indexed by `LoadConst`.
    pub consts: Box<[Value]>,
    /// Names, indexed by attribute and name ops, as this VM's symbols.
    pub names: Box<[Symbol]>,
    /// Local variable names as VM symbols (for `locals`, errors, tracing).
    pub local_names: Box<[Symbol]>,
    /// For each global-slot operand, the slot in the module.
    pub global_slots: Box<[u32]>,
    /// `co_name`.
    pub name: Gc<Str>,
    /// `co_qualname`.
    pub qualname: Gc<Str>,
    /// The program this code belongs to (source text, file name).
    pub source: Arc<crate::compile::Source>,
    /// Inline caches of `LoadMethod`, one per name: what the last lookup
    /// of that name found for that receiver type (see `MethodCache`).
    pub method_cache: Box<[Cell<MethodCache>]>,
}

/// One `LoadMethod` inline cache entry: for receivers whose type is `key`
/// (a builtin type's tag, or an instance's class address), the method is
/// `method`, as long as the VM's class epoch is still `epoch`. Every class
/// mutation and every collection starts a new epoch, so an entry never
/// outlives the class it describes and is never traced.
#[derive(Clone, Copy, Default)]
pub struct MethodCache {
    /// The receiver type (0: empty).
    pub key: usize,
    /// `Vm::class_epoch` when filled.
    pub epoch: u64,
    /// The method found.
    pub method: Value,
}

impl Trace for CodeObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&self.consts);
        t.mark(self.name);
        t.mark(self.qualname);
    }
    fn extra_bytes(&self) -> usize {
        self.consts.len() * 16 + self.names.len() * 4
    }
}

/// A function defined in guest code (`def`, `lambda`, comprehension bodies).
pub struct Function {
    /// Its code.
    pub code: Gc<CodeObj>,
    /// The module whose globals it sees.
    pub module: Gc<Module>,
    /// `__name__`.
    pub name: Cell<Gc<Str>>,
    /// `__qualname__`.
    pub qualname: Cell<Gc<Str>>,
    /// Default values of the last positional parameters.
    pub defaults: Box<[Value]>,
    /// Defaults of keyword-only parameters.
    pub kwdefaults: Box<[(Symbol, Value)]>,
    /// Cells of the free variables, in the code's free-variable order.
    pub closure: Box<[Gc<CellObj>]>,
    /// Function attributes (`f.attr = ...`).
    pub attrs: AttrMap,
}

impl Trace for Function {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.code);
        t.mark(self.module);
        t.mark(self.name.get());
        t.mark(self.qualname.get());
        t.values(&self.defaults);
        for &(_, v) in self.kwdefaults.iter() {
            t.value(v);
        }
        for &c in self.closure.iter() {
            t.mark(c);
        }
        self.attrs.trace(t);
    }
}

/// Keyword arguments passed to a native function: names and values.
pub type Kwargs<'a> = &'a [(Symbol, Value)];

/// The Rust signature of every native function.
pub type NativeImpl = fn(&mut Vm, &[Value], Kwargs<'_>) -> VmResult<Value>;

/// A host closure registered as a guest callable.
pub type HostClosure = Box<dyn Fn(&mut Vm, &[Value], Kwargs<'_>) -> VmResult<Value> + Send>;

/// What a native function runs.
pub enum NativeBody {
    /// A plain function pointer (every builtin).
    Fn(NativeImpl),
    /// A boxed host closure.
    Closure(HostClosure),
}

/// A function implemented in Rust.
pub struct NativeFn {
    /// `__name__`.
    pub name: &'static str,
    /// For methods of builtin types: the type name (`str` for `str.upper`).
    pub owner: Option<&'static str>,
    /// The body.
    pub body: NativeBody,
    /// A value bound as the first argument on every call (`self` of a
    /// builtin module's function closure), if any.
    pub bound: Value,
}

impl NativeFn {
    /// Whether this is a method of a builtin type (a descriptor).
    pub fn is_method(&self) -> bool {
        self.owner.is_some()
    }
}

impl Trace for NativeFn {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.bound);
    }
}

/// A callable bound to a receiver: `obj.method` as a value.
pub struct BoundMethod {
    /// The underlying function (guest or native).
    pub func: Value,
    /// The receiver, passed as the first argument.
    pub receiver: Value,
}

impl Trace for BoundMethod {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.func);
        t.value(self.receiver);
    }
}

/// A closure cell.
pub struct CellObj {
    /// The contents (`Undef` when empty).
    pub value: Cell<Value>,
}

impl Trace for CellObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.value.get());
    }
}

// ---------------------------------------------------------------- classes

/// Which builtin type a class is, or descends from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinType {
    /// `object`.
    Object,
    /// `type`.
    Type,
    /// `NoneType`.
    NoneType,
    /// `bool`.
    Bool,
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `str`.
    Str,
    /// `list`.
    List,
    /// `tuple`.
    Tuple,
    /// `dict`.
    Dict,
    /// `range`.
    Range,
    /// `slice`.
    Slice,
    /// Functions, methods, modules and other non-constructible types.
    Other,
    /// `BaseException` and its subclasses.
    Exception,
}

/// A class: builtin (`int`, `ValueError`) or defined by a `class` statement.
pub struct Class {
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// The single base class (`None` only for `object`).
    pub base: Option<Gc<Class>>,
    /// Class attributes and methods.
    pub attrs: AttrMap,
    /// The builtin type this class is or derives from.
    pub builtin: BuiltinType,
    /// Whether this class was defined by guest code.
    pub user_defined: bool,
    /// The constructor of a builtin type (called by `int(...)` etc.).
    pub constructor: Cell<Option<NativeImpl>>,
    /// `__module__` (`builtins` for builtin classes).
    pub module: Box<str>,
    /// Recent results of `lookup` (see `LookupCache`).
    pub lookups: LookupCache,
}

/// Every class mutation anywhere starts a new epoch, which invalidates
/// every class's `LookupCache` at once (a base class's change shows
/// through its subclasses). Global rather than per VM because it costs
/// nothing to share: mutating classes is rare after start-up.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Call after changing any class's attributes.
pub fn class_mutated() {
    CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
}

const LOOKUP_SLOTS: usize = 8;

/// A small direct-mapped cache of `Class::lookup` results, misses
/// included: a method call walks the class chain once per epoch instead of
/// on every call, and the `__setattr__`/`__getattr__` probes that find
/// nothing cost one compare.
#[derive(Default)]
pub struct LookupCache {
    slots: UnsafeCell<[LookupSlot; LOOKUP_SLOTS]>,
}

#[derive(Default, Clone, Copy)]
struct LookupSlot {
    name: Option<Symbol>,
    epoch: u64,
    found: Option<Value>,
}

impl Class {
    /// `__name__`.
    pub fn name_static(&self) -> &str {
        &self.name
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subclass_of(&self, other: &Class) -> bool {
        let mut c: &Class = self;
        loop {
            if std::ptr::eq(c, other) {
                return true;
            }
            match &c.base {
                Some(b) => c = b,
                None => return false,
            }
        }
    }

    /// Looks `name` up in this class and its bases (the MRO of single
    /// inheritance is the base chain).
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let index = name.index() % LOOKUP_SLOTS;
        // SAFETY: the VM is single-threaded; no reference into the slots
        // outlives this call.
        let slot = unsafe { &mut (*self.lookups.slots.get())[index] };
        if slot.name == Some(name) && slot.epoch == epoch {
            return slot.found;
        }
        let found = self.lookup_uncached(name);
        *slot = LookupSlot {
            name: Some(name),
            epoch,
            found,
        };
        found
    }

    fn lookup_uncached(&self, name: Symbol) -> Option<Value> {
        let mut c: &Class = self;
        loop {
            if let Some(v) = c.attrs.get(name) {
                return Some(v);
            }
            match &c.base {
                Some(b) => c = b,
                None => return None,
            }
        }
    }

    /// Whether instances are exceptions.
    pub fn is_exception(&self) -> bool {
        self.builtin == BuiltinType::Exception
    }
}

impl Trace for Class {
    fn trace(&self, t: &mut Tracer) {
        if let Some(b) = self.base {
            t.mark(b);
        }
        self.attrs.trace(t);
    }
}

/// An instance of a class defined in guest code, or of an exception class.
pub struct Instance {
    /// Its class.
    pub class: Gc<Class>,
    /// Instance attributes.
    pub attrs: AttrMap,
    /// Exception state, for instances of exception classes.
    pub exc: Option<Box<ExcData>>,
}

impl Trace for Instance {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.class);
        self.attrs.trace(t);
        if let Some(e) = &self.exc {
            e.trace(t);
        }
    }
}

/// How a `SystemExit` raised by the host's kill must be treated.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct KillMark {
    /// Why the host killed the run.
    pub reason: crate::attention::KillReason,
    /// When set, no `except` clause matches it (finally blocks still run).
    pub uncatchable: bool,
}

/// One traceback entry: a frame the exception passed through.
#[derive(Clone, Copy)]
pub struct TraceEntry {
    /// The frame's code.
    pub code: Gc<CodeObj>,
    /// Index of the instruction that was executing.
    pub pc: u32,
}

/// The state every exception instance carries.
#[derive(Default)]
pub struct ExcData {
    /// `args` (a tuple).
    pub args: Cell<Value>,
    /// Frames passed through, innermost first.
    pub traceback: UnsafeCell<Vec<TraceEntry>>,
    /// `__cause__`.
    pub cause: Cell<Value>,
    /// `__context__`.
    pub context: Cell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// Set when this is the soft kill's `SystemExit`.
    pub kill: Cell<Option<KillMark>>,
}

impl ExcData {
    /// The traceback entries, innermost first.
    pub fn traceback(&self) -> Vec<TraceEntry> {
        // SAFETY: copied out at once.
        unsafe { (*self.traceback.get()).clone() }
    }

    /// Appends an entry (while unwinding through a frame).
    pub fn push_traceback(&self, e: TraceEntry) {
        // SAFETY: short exclusive use; nothing else borrows the vector.
        unsafe { (*self.traceback.get()).push(e) }
    }

    /// Drops all traceback entries.
    pub fn clear_traceback(&self) {
        // SAFETY: as above.
        unsafe { (*self.traceback.get()).clear() }
    }
}

impl Trace for ExcData {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.args.get());
        t.value(self.cause.get());
        t.value(self.context.get());
        // SAFETY: read-only walk during marking, when no guest code runs.
        for e in unsafe { &*self.traceback.get() } {
            t.mark(e.code);
        }
    }
}

// ---------------------------------------------------------------- modules

/// A module: `__main__`, or a builtin module such as `time`. Globals live
/// in numbered slots; compiled code refers to them by slot, so a global
/// access is an index, not a hash lookup.
pub struct Module {
    /// `__name__`.
    pub name: Box<str>,
    inner: UnsafeCell<ModuleInner>,
}

#[derive(Default)]
struct ModuleInner {
    values: Vec<Value>,
    names: Vec<Symbol>,
    index: HashMap<Symbol, u32, FxBuild>,
}

impl Module {
    /// An empty module.
    pub fn new(name: &str) -> Module {
        Module {
            name: name.into(),
            inner: UnsafeCell::new(ModuleInner::default()),
        }
    }

    #[inline(always)]
    fn inner(&self) -> &ModuleInner {
        // SAFETY: see the module comment.
        unsafe { &*self.inner.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn inner_mut(&self) -> &mut ModuleInner {
        // SAFETY: see the module comment.
        unsafe { &mut *self.inner.get() }
    }

    /// The slot of `name`, created (empty) if new.
    pub fn slot(&self, name: Symbol) -> u32 {
        let inner = self.inner_mut();
        if let Some(&s) = inner.index.get(&name) {
            return s;
        }
        let s = inner.values.len() as u32;
        inner.values.push(Value::Undef);
        inner.names.push(name);
        inner.index.insert(name, s);
        s
    }

    /// The slot of `name` if it exists.
    pub fn find_slot(&self, name: Symbol) -> Option<u32> {
        self.inner().index.get(&name).copied()
    }

    /// The value in `slot` (`Undef` if unbound).
    #[inline(always)]
    pub fn get_slot(&self, slot: u32) -> Value {
        // Slots are created before any code referring to them is loaded.
        self.inner().values[slot as usize]
    }

    /// Sets `slot`.
    #[inline(always)]
    pub fn set_slot(&self, slot: u32, v: Value) {
        let dst: *mut Value = &mut self.inner_mut().values[slot as usize];
        // SAFETY: `dst` is a valid, exclusive slot of the module.
        unsafe { crate::value::write_value(dst, v) }
    }

    /// The bound value of `name`.
    pub fn get(&self, name: Symbol) -> Option<Value> {
        self.find_slot(name)
            .map(|s| self.get_slot(s))
            .filter(|v| !v.is_undef())
    }

    /// Binds `name`.
    pub fn set(&self, name: Symbol, v: Value) {
        let s = self.slot(name);
        self.set_slot(s, v);
    }

    /// Name of `slot`.
    pub fn slot_name(&self, slot: u32) -> Symbol {
        self.inner().names[slot as usize]
    }

    /// Bound names and values, in slot order.
    pub fn entries(&self) -> Vec<(Symbol, Value)> {
        let inner = self.inner();
        inner
            .names
            .iter()
            .zip(&inner.values)
            .filter(|(_, v)| !v.is_undef())
            .map(|(&n, &v)| (n, v))
            .collect()
    }
}

impl Trace for Module {
    fn trace(&self, t: &mut Tracer) {
        t.values(&self.inner().values);
    }
    fn extra_bytes(&self) -> usize {
        self.inner().values.capacity() * 20
    }
}

// ---------------------------------------------------------------- iterators

/// Which part of a dict a view or iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` pairs.
    Items,
}

/// A `dict_keys`, `dict_values` or `dict_items` view.
pub struct DictView {
    /// The dict.
    pub dict: Gc<Dict>,
    /// What it shows.
    pub part: DictPart,
}

impl DictView {
    /// `dict_keys` etc.
    pub fn type_name(&self) -> &'static str {
        match self.part {
            DictPart::Keys => "dict_keys",
            DictPart::Values => "dict_values",
            DictPart::Items => "dict_items",
        }
    }
}

impl Trace for DictView {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.dict);
    }
}

/// The state of a builtin iterator.
pub enum IterState {
    /// Over a list (sees appends made during iteration, like CPython).
    List { list: Gc<List>, next: usize },
    /// Over a tuple.
    Tuple { tuple: Gc<Tuple>, next: usize },
    /// Over a string, by byte offset.
    Str { s: Gc<Str>, byte: usize },
    /// Over a range.
    Range { next: i64, stop: i64, step: i64 },
    /// Over a dict; `len` detects resizing during iteration.
    Dict {
        dict: Gc<Dict>,
        next: usize,
        len: usize,
        part: DictPart,
    },
    /// `enumerate`.
    Enumerate { inner: Value, count: i64 },
    /// `zip`.
    Zip { iters: Box<[Value]> },
    /// `map`.
    Map { func: Value, iters: Box<[Value]> },
    /// `filter`.
    Filter { func: Value, iter: Value },
    /// `reversed` over a sequence; `next` counts down.
    Reversed { seq: Value, next: usize },
    /// The `__getitem__` protocol of a user class.
    GetItem { obj: Value, next: i64 },
    /// Finished.
    Done,
}

/// A builtin iterator.
pub struct IterObj {
    state: UnsafeCell<IterState>,
}

impl IterObj {
    /// An iterator in `state`.
    pub fn new(state: IterState) -> IterObj {
        IterObj {
            state: UnsafeCell::new(state),
        }
    }

    /// The state, for advancing it.
    ///
    /// The returned reference must not be held across guest code.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn state(&self) -> &mut IterState {
        // SAFETY: see the module comment; callers copy what they need and
        // release the borrow before running guest code.
        unsafe { &mut *self.state.get() }
    }

    /// The CPython type name (`list_iterator`, ...).
    pub fn type_name(&self) -> &'static str {
        match self.state() {
            IterState::List { .. } => "list_iterator",
            IterState::Tuple { .. } => "tuple_iterator",
            IterState::Str { .. } => "str_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Dict { part, .. } => match part {
                DictPart::Keys => "dict_keyiterator",
                DictPart::Values => "dict_valueiterator",
                DictPart::Items => "dict_itemiterator",
            },
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Reversed { .. } => "reversed",
            IterState::GetItem { .. } => "iterator",
            IterState::Done => "iterator",
        }
    }
}

impl Trace for IterObj {
    fn trace(&self, t: &mut Tracer) {
        match self.state() {
            IterState::List { list, .. } => t.mark(*list),
            IterState::Tuple { tuple, .. } => t.mark(*tuple),
            IterState::Str { s, .. } => t.mark(*s),
            IterState::Range { .. } | IterState::Done => {}
            IterState::Dict { dict, .. } => t.mark(*dict),
            IterState::Enumerate { inner, .. } => t.value(*inner),
            IterState::Zip { iters } => t.values(iters),
            IterState::Map { func, iters } => {
                t.value(*func);
                t.values(iters);
            }
            IterState::Filter { func, iter } => {
                t.value(*func);
                t.value(*iter);
            }
            IterState::Reversed { seq, .. } => t.value(*seq),
            IterState::GetItem { obj, .. } => t.value(*obj),
        }
    }
}

// ---------------------------------------------------------------- generators

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenStatus {
    /// Created, not started.
    Created,
    /// Suspended at a `yield`.
    Suspended,
    /// Executing (on some thread's frame stack).
    Running,
    /// Returned or raised.
    Done,
}

/// A generator: a suspended frame and its stack slice.
pub struct Generator {
    /// Status.
    pub status: Cell<GenStatus>,
    /// The function's code.
    pub code: Gc<CodeObj>,
    /// The function (for globals and closure).
    pub func: Gc<Function>,
    /// Saved locals and operand stack while suspended.
    pub saved: UnsafeCell<Vec<Value>>,
    /// Saved program counter while suspended.
    pub pc: Cell<u32>,
    /// `__name__`.
    pub name: Gc<Str>,
    /// `__qualname__`.
    pub qualname: Gc<Str>,
}

impl Generator {
    /// The saved stack slice.
    #[allow(clippy::mut_from_ref)]
    pub fn saved(&self) -> &mut Vec<Value> {
        // SAFETY: used only by the VM while resuming or suspending, with no
        // other borrow alive.
        unsafe { &mut *self.saved.get() }
    }
}

impl Trace for Generator {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.code);
        t.mark(self.func);
        t.mark(self.name);
        t.mark(self.qualname);
        // SAFETY: read-only during marking.
        t.values(unsafe { &*self.saved.get() });
    }
    fn extra_bytes(&self) -> usize {
        // SAFETY: read-only.
        unsafe { (*self.saved.get()).capacity() * 16 }
    }
}

// ---------------------------------------------------------------- opaque

/// Behaviour of a host object stored in the heap.
pub trait OpaqueData: std::any::Any {
    /// The type name shown to the guest.
    fn type_name(&self) -> &'static str;
    /// Marks contained values.
    fn trace(&self, _t: &mut Tracer) {}
    /// As `Any`, for downcasting.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// A host object.
pub struct Opaque {
    /// The host data.
    pub data: Box<dyn OpaqueData>,
}

impl Opaque {
    /// The type name shown to the guest.
    pub fn type_name(&self) -> &'static str {
        self.data.type_name()
    }
}

impl Trace for Opaque {
    fn trace(&self, t: &mut Tracer) {
        self.data.trace(t);
    }
}
