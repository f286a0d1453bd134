//! The virtual machine: its state (`Vm`), frames, the error type that
//! unwinds them (`Unwind`), and the entry points that run a program or call
//! a guest function. The dispatch loop is in `run.rs`, the attention slow
//! path in `attention.rs`, the unwinder in `unwind.rs`.

mod attention;
mod attr;
mod call;
mod exceptions;
mod gen;
mod ops;
mod repr;
mod run;
mod seq;
pub(crate) mod settrace;
mod slow;
pub(crate) mod threads;
mod unwind;

pub use exceptions::ExcKind;
pub(crate) use ops::Cmp;
pub(crate) use run::Mode;
pub use unwind::KillSite;

use std::io::Write;
use std::sync::Arc;

use crate::attention::{Attention, KillReason};
use crate::bytecode::Const;
use crate::compile::{Program, Source};
use crate::gc::{Gc, Heap, Trace, Tracer};
use crate::intern::{Interner, Symbol};
use crate::object::*;
use crate::trace::TraceHook;
use crate::value::Value;

/// What escapes a frame other than a normal return.
pub enum Unwind {
    /// A guest exception (an exception instance), handled by `try`/`except`
    /// like CPython. The soft kill is one of these: a `SystemExit`.
    Raise(Value),
    /// The host stopped the run hard: no `except` matches, no `finally`
    /// runs, nothing guest-visible happens.
    Kill(KillReason),
}

/// Result of anything that can raise. The error is boxed so the `Ok` path
/// stays as small as a `Value` (unwinding is rare, running is not).
pub type VmResult<T> = Result<T, Box<Unwind>>;

impl std::fmt::Debug for Unwind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unwind::Raise(v) => write!(f, "Raise({v:?})"),
            Unwind::Kill(r) => write!(f, "Kill({r:?})"),
        }
    }
}

/// What a frame is for, beyond running its code.
#[derive(Clone, Copy)]
pub(crate) enum FrameKind {
    /// An ordinary call.
    Normal,
    /// `__init__` run by a class call: the call's result is the instance.
    Init(Value),
    /// A class body: names go to the namespace dict.
    ClassBody(Gc<Dict>),
    /// A generator resumed by `ForIter` in the caller: on return, the caller
    /// pops the generator and jumps to `exit`.
    GenFor { gen: Gc<Generator>, exit: u32 },
    /// A generator resumed from Rust (`next()`, `send`, a builtin iterating).
    GenCall { gen: Gc<Generator> },
    /// A generator resumed by `yield from` in the caller.
    GenYieldFrom { gen: Gc<Generator>, exit: u32 },
}

/// One activation record. Slots live on the VM stack at `base..`.
#[derive(Clone, Copy)]
pub(crate) struct Frame {
    pub code: Gc<CodeObj>,
    pub func: Option<Gc<Function>>,
    pub module: Gc<Module>,
    /// Next instruction to execute.
    pub pc: u32,
    /// Stack index of slot 0.
    pub base: u32,
    /// Stack index where the return value goes (the callee's slot).
    pub ret: u32,
    pub kind: FrameKind,
    /// Line of the last line event (tracing only; 0 before the call event).
    pub trace_line: u32,
    /// Last instruction traced (to see backward jumps).
    pub trace_pc: u32,
}

/// Settings of a VM. See the `killer` crate's builder for the documented
/// host-facing API.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sys.getrecursionlimit()`: maximum guest frame depth (default 1000).
    pub recursion_limit: usize,
    /// The most the guest may raise `recursion_limit` to with
    /// `sys.setrecursionlimit` (frames live on the heap, not the Rust
    /// stack, so this bounds memory, not safety).
    pub max_recursion_limit: usize,
    /// Heap limit in bytes (`MemoryError` beyond it).
    pub max_heap: Option<usize>,
    /// Output limit in bytes for stdout plus stderr.
    pub max_output: Option<usize>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// When set, the soft kill's `SystemExit` matches no `except` clause.
    pub uncatchable_kill: bool,
    /// Modules the guest may import (`None`: every built-in module).
    pub allowed_modules: Option<Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            recursion_limit: 1000,
            max_recursion_limit: 100_000,
            max_heap: None,
            max_output: None,
            argv: vec![String::new()],
            uncatchable_kill: false,
            allowed_modules: None,
        }
    }
}

/// Builtin classes the VM refers to directly.
pub(crate) struct Types {
    pub object: Gc<Class>,
    pub type_: Gc<Class>,
    pub none: Gc<Class>,
    pub bool_: Gc<Class>,
    pub int: Gc<Class>,
    pub float: Gc<Class>,
    pub str_: Gc<Class>,
    pub list: Gc<Class>,
    pub tuple: Gc<Class>,
    pub dict: Gc<Class>,
    pub range: Gc<Class>,
    pub slice: Gc<Class>,
    pub function: Gc<Class>,
    pub builtin_function: Gc<Class>,
    pub method: Gc<Class>,
    pub module: Gc<Class>,
    pub generator: Gc<Class>,
    pub other: Vec<(&'static str, Gc<Class>)>,
}

/// A running or idle virtual machine.
pub struct Vm {
    pub(crate) heap: Heap,
    pub(crate) attention: Arc<Attention>,
    pub(crate) interner: Interner,
    pub(crate) types: Option<Types>,
    pub(crate) exc_classes: Vec<Gc<Class>>,
    pub(crate) builtins: Option<Gc<Module>>,
    pub(crate) modules: Vec<(Box<str>, Gc<Module>)>,
    /// The value stack of the running thread: slots and operands.
    pub(crate) stack: Vec<Value>,
    /// Top of `stack` (index of the first free slot).
    pub(crate) sp: usize,
    pub(crate) frames: Vec<Frame>,
    /// Values held by Rust code across guest calls (see `gc.rs`).
    pub(crate) roots: Vec<Value>,
    /// Large buffers a kill abandoned half-built (see [`Vm::discard`]).
    discarded: Discarded,
    /// The exception currently being handled (`except` body), or `None`.
    pub(crate) exc_current: Value,
    /// An uncatchable kill the guest tried to swallow; re-raised at the
    /// next instruction.
    pub(crate) pending_kill: Value,
    /// One-character ASCII strings, shared.
    pub(crate) small_strs: Vec<Gc<Str>>,
    /// `'call'`, `'line'`, `'return'`, `'exception'`, `'opcode'`: the event
    /// argument of every guest trace call, made once.
    pub(crate) trace_event_names: Vec<Gc<Str>>,
    pub(crate) empty_str: Option<Gc<Str>>,
    pub(crate) main_module: Option<Gc<Module>>,
    pub(crate) config: Config,
    pub(crate) stdout: Box<dyn Write + Send>,
    pub(crate) stderr: Box<dyn Write + Send>,
    pub(crate) output_bytes: usize,
    pub(crate) trace_hook: Option<Box<dyn TraceHook>>,
    /// Instructions left before the budget kill (when `Attention::BUDGET`).
    pub(crate) budget: u64,
    /// Instructions allowed after the budget's soft kill before a hard one
    /// (`None`: no hard budget kill).
    pub(crate) budget_grace: Option<u64>,
    /// Whether the budget's soft kill was delivered (its grace is counting).
    pub(crate) budget_soft_spent: bool,
    /// Depth of Rust-level re-entry (builtins calling guest code).
    pub(crate) nesting: usize,
    /// Bumped by every class mutation and every collection: `LoadMethod`
    /// caches filled in an older epoch are stale (see `MethodCache`).
    pub(crate) class_epoch: u64,
    /// Programs loaded into this VM (their sources, for tracebacks).
    pub(crate) sources: Vec<Arc<Source>>,
    /// Containers being printed by `repr` (cycle detection).
    pub(crate) repr_stack: Vec<usize>,
    /// Depth of nested container comparisons.
    pub(crate) cmp_depth: usize,
    /// `exc_current` of the code that resumed each running generator.
    pub(crate) gen_saved_exc: Vec<Value>,
    /// Where the last hard kill landed: each frame's code and pc, made
    /// into `KillSite`s only when asked (a kill must not wait for three
    /// strings per frame of a deep recursion).
    pub(crate) kill_site: Vec<(Gc<CodeObj>, u32)>,
    /// Where the last soft kill's `SystemExit` was raised (likewise).
    pub(crate) soft_kill_site: Vec<(Gc<CodeObj>, u32)>,
    /// The return value of the last generator that finished when resumed
    /// from Rust (for `StopIteration.value`).
    pub(crate) gen_return_value: Value,
    /// Guest threads (the running thread's registers are the fields above).
    pub(crate) threads: threads::Threads,
    /// Whether the running thread has a `sys.settrace` function.
    pub(crate) guest_traced: bool,
    /// The host hook asked for `Instruction` events (asked once, when
    /// installed, not at every instruction).
    pub(crate) hook_wants_instructions: bool,
    /// The only tracing is a host hook on line (not instruction) events:
    /// instructions that are no trace stop skip `service_attention`.
    pub(crate) trace_lines_only: bool,
    /// A guest trace function is running (it is not traced itself).
    pub(crate) in_tracer: bool,
    /// The host's grant to start child processes (`multiprocessing`).
    pub(crate) process_host: Option<Box<dyn crate::process::ProcessHost>>,
    /// Flush guest output at every write (a forked child: a `SIGTERM`
    /// must not lose what it printed).
    pub(crate) unbuffered: bool,
}

// SAFETY: every `Gc` handle inside the VM points into its own heap, and the
// VM moves between threads as a whole; it is never shared (`!Sync`).
unsafe impl Send for Vm {}

impl Default for Vm {
    fn default() -> Self {
        Vm::new(Config::default())
    }
}

/// Deepest Rust re-entry (builtins calling back into guest code, nested
/// `__repr__`s...) before `RecursionError`, so the Rust stack cannot
/// overflow whatever the recursion limit is.
const MAX_NESTING: usize = 200;

/// Guest-sized allocations from this size up are tried on the allocator
/// first (`Vm::reserve`): smaller ones cannot fail short of the machine
/// being out of memory anyway.
const PROBE_ABOVE: usize = 1 << 20;

impl Vm {
    /// A VM with its builtins loaded, writing to the process's stdout and
    /// stderr.
    pub fn new(config: Config) -> Vm {
        let mut vm = Vm {
            heap: Heap::new(),
            attention: Arc::new(Attention::new()),
            interner: Interner::new(),
            types: None,
            exc_classes: Vec::new(),
            builtins: None,
            modules: Vec::new(),
            stack: vec![Value::Undef; 1024],
            sp: 0,
            frames: Vec::with_capacity(64),
            roots: Vec::new(),
            discarded: Discarded::default(),
            exc_current: Value::None,
            pending_kill: Value::Undef,
            small_strs: Vec::new(),
            trace_event_names: Vec::new(),
            empty_str: None,
            main_module: None,
            config,
            stdout: Box::new(std::io::stdout()),
            stderr: Box::new(std::io::stderr()),
            output_bytes: 0,
            trace_hook: None,
            budget: 0,
            budget_grace: None,
            budget_soft_spent: false,
            nesting: 0,
            class_epoch: 1,
            sources: Vec::new(),
            repr_stack: Vec::new(),
            cmp_depth: 0,
            gen_saved_exc: Vec::new(),
            kill_site: Vec::new(),
            soft_kill_site: Vec::new(),
            gen_return_value: Value::None,
            threads: threads::Threads::default(),
            guest_traced: false,
            hook_wants_instructions: false,
            trace_lines_only: false,
            in_tracer: false,
            process_host: None,
            unbuffered: false,
        };
        vm.heap.set_limit(vm.config.max_heap);
        vm.init_types();
        for c in 0..128u8 {
            let s = vm.alloc(Str::new((c as char).encode_utf8(&mut [0; 4])));
            vm.small_strs.push(s);
        }
        vm.empty_str = Some(vm.alloc(Str::new("")));
        for name in ["call", "line", "return", "exception", "opcode"] {
            let s = vm.alloc(Str::new(name));
            vm.trace_event_names.push(s);
        }
        crate::builtins::install(&mut vm);
        vm
    }

    /// The attention word, for kill handles and watchdogs.
    pub fn attention(&self) -> Arc<Attention> {
        Arc::clone(&self.attention)
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Changes the settings (between runs).
    pub fn config_mut(&mut self) -> &mut Config {
        &mut self.config
    }

    /// Redirects guest `print` output.
    pub fn set_stdout(&mut self, w: Box<dyn Write + Send>) {
        self.stdout = w;
    }

    /// Redirects guest error output (thread exception reports).
    pub fn set_stderr(&mut self, w: Box<dyn Write + Send>) {
        self.stderr = w;
    }

    /// Flushes guest output.
    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }

    /// The heap, for statistics.
    pub fn heap(&self) -> &Heap {
        &self.heap
    }

    // ------------------------------------------------------------ heap

    /// Allocates an object, requesting a collection at the next instruction
    /// boundary when the heap has grown enough.
    #[inline]
    pub fn alloc<T: Trace + 'static>(&mut self, v: T) -> Gc<T> {
        let (g, due) = self.heap.alloc(v);
        if due {
            self.attention.raise(Attention::GC);
        }
        g
    }

    /// Records `n` bytes of growth of an existing object.
    #[inline]
    pub(crate) fn note_growth(&mut self, n: usize) {
        if n > 0 && self.heap.note_growth(n) {
            self.attention.raise(Attention::GC);
        }
    }

    /// Fails with `MemoryError` if `n` more bytes would pass the heap limit.
    /// Called before any allocation whose size the guest controls.
    pub fn reserve(&mut self, n: usize) -> VmResult<()> {
        if let Some(max) = self.config.max_heap {
            if self.heap.bytes().saturating_add(n) > max {
                // A collection might free enough: do one now if we are at a
                // safe point (no guest frames running in Rust callers).
                return Err(self.memory_error(n));
            }
        }
        if n > (isize::MAX as usize) / 2 {
            return Err(self.memory_error(n));
        }
        if n >= PROBE_ABOVE {
            // Without a heap limit (or below it) the machine is the limit,
            // and Rust's infallible `with_capacity` aborts the process when
            // it is reached (`[0] * 10**10` asks for 160 GB). Asking the
            // allocator first turns that into CPython's bare `MemoryError`.
            // The probe only maps address space, and the caller's own
            // allocation follows at once.
            let mut probe: Vec<u8> = Vec::new();
            if probe.try_reserve_exact(n).is_err() {
                return Err(self.memory_error(n));
            }
        }
        Ok(())
    }

    fn memory_error(&mut self, _n: usize) -> Box<Unwind> {
        match self.config.max_heap {
            Some(max) => self.error(
                ExcKind::MemoryError,
                &format!("heap limit of {} bytes exceeded", max),
            ),
            None => self.new_error_noargs(ExcKind::MemoryError),
        }
    }

    /// A new `str` value.
    pub fn str_value(&mut self, s: &str) -> Value {
        let b = s.as_bytes();
        if b.len() == 1 && b[0] < 128 {
            return Value::Str(self.small_strs[b[0] as usize]);
        }
        if b.is_empty() {
            return Value::Str(self.empty_str.unwrap());
        }
        Value::Str(self.alloc(Str::new(s)))
    }

    /// A new `str` value from an owned string.
    pub fn string_value(&mut self, s: String) -> Value {
        let b = s.as_bytes();
        if b.len() <= 1 {
            return self.str_value(&s);
        }
        Value::Str(self.alloc(Str::from_string(s)))
    }

    /// The shared one-character string for `c`, or a new one.
    #[inline]
    pub fn char_value(&mut self, c: char) -> Value {
        if (c as u32) < 128 {
            Value::Str(self.small_strs[c as usize])
        } else {
            let mut buf = [0u8; 4];
            self.str_value(c.encode_utf8(&mut buf))
        }
    }

    /// A new list.
    pub fn list_value(&mut self, items: Vec<Value>) -> Value {
        Value::List(self.alloc(List::new(items)))
    }

    /// A new tuple.
    pub fn tuple_value(&mut self, items: Vec<Value>) -> Value {
        Value::Tuple(self.alloc(Tuple::new(items.into_boxed_slice())))
    }

    /// A new dict.
    pub fn dict_value(&mut self, table: crate::dict::DictTable) -> Value {
        Value::Dict(self.alloc(Dict::from_table(table)))
    }

    /// Interns a name.
    pub fn intern(&mut self, s: &str) -> Symbol {
        self.interner.intern(s)
    }

    /// The text of a name.
    pub fn symbol_text(&self, s: Symbol) -> &str {
        self.interner.resolve(s)
    }

    pub(crate) fn types(&self) -> &Types {
        self.types.as_ref().expect("types initialised")
    }

    // ------------------------------------------------------------ collection

    /// Runs a collection now. Only sound at an instruction boundary, with
    /// every live value rooted. Returns false when a kill, an interrupt or
    /// an injected exception arrived during the mark phase and the
    /// collection was abandoned (nothing freed) so it can land promptly.
    pub(crate) fn collect_garbage(&mut self) -> bool {
        // A collection may free a class whose address a new one reuses.
        self.class_epoch += 1;
        let Vm {
            heap,
            types,
            exc_classes,
            builtins,
            modules,
            stack,
            sp,
            frames,
            roots,
            exc_current,
            pending_kill,
            small_strs,
            trace_event_names,
            empty_str,
            main_module,
            gen_return_value,
            gen_saved_exc,
            threads,
            attention,
            kill_site,
            soft_kill_site,
            ..
        } = self;
        let stop = || attention.snapshot() & Self::URGENT != 0;
        let roots_fn = |t: &mut Tracer| {
            t.values(&stack[..*sp]);
            for f in frames.iter() {
                mark_frame(t, f);
            }
            threads.trace(t);
            t.values(roots);
            t.value(*exc_current);
            t.value(*pending_kill);
            t.value(*gen_return_value);
            t.values(gen_saved_exc);
            for &(code, _) in kill_site.iter().chain(soft_kill_site.iter()) {
                t.mark(code);
            }
            for &s in small_strs.iter().chain(trace_event_names.iter()) {
                t.mark(s);
            }
            if let Some(s) = empty_str {
                t.mark(*s);
            }
            if let Some(ty) = types {
                for c in [
                    ty.object,
                    ty.type_,
                    ty.none,
                    ty.bool_,
                    ty.int,
                    ty.float,
                    ty.str_,
                    ty.list,
                    ty.tuple,
                    ty.dict,
                    ty.range,
                    ty.slice,
                    ty.function,
                    ty.builtin_function,
                    ty.method,
                    ty.module,
                    ty.generator,
                ] {
                    t.mark(c);
                }
                for (_, c) in &ty.other {
                    t.mark(*c);
                }
            }
            for &c in exc_classes.iter() {
                t.mark(c);
            }
            if let Some(b) = builtins {
                t.mark(*b);
            }
            for (_, m) in modules.iter() {
                t.mark(*m);
            }
            if let Some(m) = main_module {
                t.mark(*m);
            }
        };
        // SAFETY: called only from the attention slow path at an
        // instruction boundary (or between runs), where every live handle is
        // reachable from the roots marked above.
        let complete = unsafe { heap.collect(roots_fn, &stop) };
        if complete {
            // What a stop leaves waits for the next collection.
            heap.release_dying(&stop);
        }
        complete
    }

    // ------------------------------------------------------------ loading

    /// Materialises a compiled code object (and, recursively, its nested
    /// code constants) in this VM.
    pub(crate) fn load_code(
        &mut self,
        code: &Arc<crate::bytecode::Code>,
        program: &Program,
        module: Gc<Module>,
    ) -> Gc<CodeObj> {
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            let v = self.load_const(c, program, module);
            // Keep already-built constants alive while the rest are built.
            self.roots.push(v);
            consts.push(v);
        }
        let map = |vm: &mut Vm, s: &Symbol| vm.interner.intern(program.names.resolve(*s));
        let names: Box<[Symbol]> = code.names.iter().map(|s| map(self, s)).collect();
        let local_names: Box<[Symbol]> = code.slot_names.iter().map(|s| map(self, s)).collect();
        let global_slots: Box<[u32]> = code
            .globals
            .iter()
            .map(|s| {
                let sym = map(self, s);
                module.slot(sym)
            })
            .collect();
        let name_text = program.names.resolve(code.name).to_string();
        let name = match self.str_value(&name_text) {
            Value::Str(s) => s,
            _ => unreachable!(),
        };
        self.roots.push(Value::Str(name));
        let qualname = match self.str_value(&code.qualname) {
            Value::Str(s) => s,
            _ => unreachable!(),
        };
        let n = consts.len() + 1;
        self.roots.truncate(self.roots.len() - n);
        self.alloc(CodeObj {
            code: Arc::clone(code),
            consts: consts.into_boxed_slice(),
            names,
            local_names,
            global_slots,
            name,
            qualname,
            source: Arc::clone(&program.source),
            method_cache: (0..code.names.len()).map(|_| Default::default()).collect(),
        })
    }

    fn load_const(&mut self, c: &Const, program: &Program, module: Gc<Module>) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::Float(f) => Value::Float(*f),
            Const::Str(s) => self.str_value(s),
            Const::Ellipsis => Value::Ellipsis,
            Const::Tuple(items) => {
                let mut vs = Vec::with_capacity(items.len());
                for i in items.iter() {
                    let v = self.load_const(i, program, module);
                    self.roots.push(v);
                    vs.push(v);
                }
                self.roots.truncate(self.roots.len() - vs.len());
                self.tuple_value(vs)
            }
            Const::Code(code) => Value::Code(self.load_code(code, program, module)),
        }
    }

    /// Runs `program` as `__main__`. Returns the module's result (`None`),
    /// or the exception / kill that ended it. Starts a new run: kill
    /// requests aimed at an earlier run are forgotten.
    pub fn run(&mut self, program: &Program) -> VmResult<Value> {
        self.begin_run();
        self.run_prepared(program)
    }

    /// Starts a new run without running anything yet: clears kill state
    /// and advances the attention epoch, so a host can arm timers for this
    /// run (then call `run_prepared`).
    pub fn begin_run(&mut self) {
        self.discarded = Discarded::default();
        self.attention.reset_kill();
        // `config_mut` may have changed the limit since the last run.
        self.heap.set_limit(self.config.max_heap);
    }

    /// Runs `program` as `__main__` without `begin_run`.
    pub fn run_prepared(&mut self, program: &Program) -> VmResult<Value> {
        let module = self.alloc(Module::new("__main__"));
        self.main_module = Some(module);
        let name = self.str_value("__main__");
        module.set(crate::intern::sym::NAME, name);
        let file = self.str_value(&program.source.filename);
        module.set(crate::intern::sym::FILE, file);
        self.sources.push(Arc::clone(&program.source));
        let code = self.load_code(&program.main, program, module);
        self.run_module_code(code, module)
    }

    /// Runs a loaded module code object in `module`.
    pub(crate) fn run_module_code(
        &mut self,
        code: Gc<CodeObj>,
        module: Gc<Module>,
    ) -> VmResult<Value> {
        self.reset_for_run();
        let base = self.sp;
        let size = code.code.frame_size();
        self.ensure_stack(base + size + 1);
        for slot in &mut self.stack[base..base + code.code.nslots()] {
            *slot = Value::Undef;
        }
        // Slot `base - 1` would be the callee; module frames have none, so
        // the result is written one below the frame's own slots.
        self.stack[base] = Value::None;
        let base = base + 1;
        self.frames.push(Frame {
            code,
            func: None,
            module,
            pc: 0,
            base: base as u32,
            ret: (base - 1) as u32,
            kind: FrameKind::Normal,
            trace_line: 0,
            trace_pc: 0,
        });
        self.sp = base + code.code.nslots();
        let stop = self.frames.len() - 1;
        let r = self.execute(stop);
        let r = self.join_children_at_exit(r);
        self.finish_run();
        r
    }

    /// Runs `program` as the body of module `module`, nested in the running
    /// code (a bundled module's import).
    pub(crate) fn exec_module(&mut self, program: &Program, module: Gc<Module>) -> VmResult<Value> {
        let f = self.str_value(&program.source.filename);
        module.set(crate::intern::sym::FILE, f);
        let code = self.load_code(&program.main, program, module);
        self.enter_nested()?;
        let depth = self.frames.len();
        let ret = self.sp;
        let base = ret + 1;
        self.ensure_stack(base + code.code.frame_size() + 1);
        for slot in &mut self.stack[base..base + code.code.nslots()] {
            *slot = Value::Undef;
        }
        self.stack[ret] = Value::None;
        self.frames.push(Frame {
            code,
            func: None,
            module,
            pc: 0,
            base: base as u32,
            ret: ret as u32,
            kind: FrameKind::Normal,
            trace_line: 0,
            trace_pc: 0,
        });
        self.sp = base + code.code.nslots();
        let r = self.execute(depth);
        self.leave_nested();
        self.sp = ret;
        r
    }

    /// Clears per-run state left by an earlier run (or a kill).
    pub(crate) fn reset_for_run(&mut self) {
        if self.threads.list.len() > 1 || self.threads.current != 0 {
            self.drop_threads();
        }
        self.kill_site.clear();
        self.soft_kill_site.clear();
        self.gen_saved_exc.clear();
        self.repr_stack.clear();
        self.cmp_depth = 0;
        self.frames.clear();
        self.sp = 0;
        self.nesting = 0;
        self.roots.clear();
        self.exc_current = Value::None;
        self.pending_kill = Value::Undef;
    }

    /// After a run: nothing of it may linger on the stack.
    pub(crate) fn finish_run(&mut self) {
        self.frames.clear();
        self.sp = 0;
        self.roots.clear();
        self.exc_current = Value::None;
        self.flush();
    }

    /// Makes sure the stack has at least `n` slots.
    #[inline]
    pub(crate) fn ensure_stack(&mut self, n: usize) {
        if n > self.stack.len() {
            let new_len = n.max(self.stack.len() * 2);
            self.stack.resize(new_len, Value::Undef);
        }
    }

    /// Writes guest output, enforcing the output limit.
    pub(crate) fn write_out(&mut self, text: &str, to_stderr: bool) -> VmResult<()> {
        self.output_bytes = self.output_bytes.saturating_add(text.len());
        if let Some(max) = self.config.max_output {
            if self.output_bytes > max {
                return Err(self.error(
                    ExcKind::OSError,
                    &format!("output limit of {max} bytes exceeded"),
                ));
            }
        }
        let w = if to_stderr {
            &mut self.stderr
        } else {
            &mut self.stdout
        };
        // A closed pipe is the reader's business, like CPython ignoring
        // EPIPE at exit; the guest keeps running.
        let _ = w.write_all(text.as_bytes());
        if self.unbuffered {
            let _ = w.flush();
        }
        Ok(())
    }

    /// The `__main__` module of the last run.
    pub fn main_module(&self) -> Option<Gc<Module>> {
        self.main_module
    }

    /// Reads a global of `__main__`.
    pub fn get_global(&mut self, name: &str) -> Option<Value> {
        let sym = self.interner.intern(name);
        self.main_module?.get(sym)
    }

    /// The ceiling on `sys.setrecursionlimit`.
    pub(crate) fn max_recursion_limit(&self) -> usize {
        self.config.max_recursion_limit
    }

    /// The recursion nesting guard for Rust re-entry.
    pub(crate) fn enter_nested(&mut self) -> VmResult<()> {
        if self.nesting >= MAX_NESTING {
            return Err(self.error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.nesting += 1;
        Ok(())
    }

    pub(crate) fn leave_nested(&mut self) {
        self.nesting -= 1;
    }

    /// Runs frames until the frame stack is back at `stop` frames: the
    /// result of the frame at index `stop`.
    pub(crate) fn execute(&mut self, stop: usize) -> VmResult<Value> {
        if stop == 0 {
            // The outermost loop of a run: guest threads may run here.
            return self.run_scheduled(stop);
        }
        self.run_loop::<{ Mode::CHECKED }>(stop)
    }

    /// Runs without the attention check: for the benchmark baseline only.
    #[doc(hidden)]
    #[cfg(feature = "bench-unchecked")]
    pub fn run_unchecked(&mut self, program: &Program) -> VmResult<Value> {
        let module = self.alloc(Module::new("__main__"));
        self.main_module = Some(module);
        let name = self.str_value("__main__");
        module.set(crate::intern::sym::NAME, name);
        let code = self.load_code(&program.main, program, module);
        self.reset_for_run();
        let base = 1;
        self.ensure_stack(base + code.code.frame_size() + 1);
        for slot in &mut self.stack[base..base + code.code.nslots()] {
            *slot = Value::Undef;
        }
        self.frames.push(Frame {
            code,
            func: None,
            module,
            pc: 0,
            base: base as u32,
            ret: 0,
            kind: FrameKind::Normal,
            trace_line: 0,
            trace_pc: 0,
        });
        self.sp = base + code.code.nslots();
        let r = self.run_loop::<{ Mode::UNCHECKED }>(0);
        self.finish_run();
        r
    }
}

/// Marks what a frame holds.
pub(crate) fn mark_frame(t: &mut Tracer, f: &Frame) {
    t.mark(f.code);
    if let Some(func) = f.func {
        t.mark(func);
    }
    t.mark(f.module);
    match f.kind {
        FrameKind::Normal => {}
        FrameKind::Init(v) => t.value(v),
        FrameKind::ClassBody(d) => t.mark(d),
        FrameKind::GenFor { gen, .. }
        | FrameKind::GenCall { gen }
        | FrameKind::GenYieldFrom { gen, .. } => t.mark(gen),
    }
}

/// Helper used by error messages: `'a'`, `'b' and 'c'`, `'a', 'b', and 'c'`.
pub(crate) fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}

/// Memory a kill abandoned: the large buffers a builtin was filling
/// (`[0] * 10**8`, `list(range(n))`, `sorted`, `",".join`) when the kill
/// landed. Giving such a buffer back to the OS takes the kernel a
/// millisecond or more (its touched pages), which would count against
/// the kill's latency; the VM keeps them instead, and the host frees them
/// once it has the run's outcome ([`Vm::take_discarded`]), or the next
/// run does.
#[derive(Default)]
pub struct Discarded(Vec<(std::ptr::NonNull<u8>, std::alloc::Layout)>);

// SAFETY: plain memory blocks, owned, of `Copy` element types.
unsafe impl Send for Discarded {}

impl Drop for Discarded {
    fn drop(&mut self) {
        for (ptr, layout) in self.0.drain(..) {
            // In pieces: one `munmap` of a gigabyte would hold the process's
            // memory map for 50 ms, stalling other runs' allocations.
            crate::pages::release_pages(ptr.as_ptr(), layout.size(), &|| false);
            // SAFETY: allocated by a `Vec` with this layout (`discard`).
            unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) }
        }
    }
}

impl Vm {
    /// Keeps `buf`'s memory for later when it is large (see
    /// [`Discarded`]); frees it now otherwise.
    pub(crate) fn discard<T: Copy>(&mut self, buf: Vec<T>) {
        const LARGE: usize = 1 << 20;
        if buf.capacity() * std::mem::size_of::<T>() < LARGE {
            return;
        }
        let mut buf = std::mem::ManuallyDrop::new(buf);
        let layout = std::alloc::Layout::array::<T>(buf.capacity()).expect("a Vec's layout");
        let ptr = std::ptr::NonNull::new(buf.as_mut_ptr().cast::<u8>()).expect("allocated");
        self.discarded.0.push((ptr, layout));
    }

    /// Frees a builtin's big scratch buffer, its pages given back in
    /// pieces between polls (see [`pages::release_pages`]); what is left when
    /// a kill or an interrupt is pending goes to [`discard`](Vm::discard),
    /// for the request to land first.
    ///
    /// [`gc::release_pages`]: crate::pages::release_pages
    pub(crate) fn free_large<T: Copy>(&mut self, buf: Vec<T>) {
        let bytes = buf.capacity() * std::mem::size_of::<T>();
        let attention = &self.attention;
        let stop = || attention.snapshot() & Self::URGENT != 0;
        if bytes < crate::gc::RELEASE_APART
            || crate::pages::release_pages(buf.as_ptr().cast(), bytes, &stop)
        {
            drop(buf);
        } else {
            self.discard(buf);
        }
    }

    /// [`poll`](Vm::poll) from a builtin filling `buf`: when the poll
    /// stops the builtin, `buf` goes to [`discard`](Vm::discard).
    #[inline]
    pub(crate) fn poll_filling<T: Copy>(&mut self, buf: &mut Vec<T>) -> VmResult<()> {
        self.poll().inspect_err(|_| {
            let b = std::mem::take(buf);
            self.discard(b);
        })
    }

    /// The memory kills of the last run abandoned, for the host to free
    /// once nobody waits for the run any more.
    pub fn take_discarded(&mut self) -> Discarded {
        std::mem::take(&mut self.discarded)
    }
}
