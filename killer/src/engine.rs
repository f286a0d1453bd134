//! [`Engine`]: one VM set up for a host application (limits, output, host
//! functions, trace hook, deadline and kill policy), built with
//! [`EngineBuilder`]. It runs programs and calls guest functions on the
//! calling thread ([`Engine::run`], [`Engine::call`]) or on a thread of
//! their own ([`Engine::spawn`], [`Engine::spawn_call`]), and stays usable
//! after every outcome, kills included.
//!
//! Every run or call is a *run* in the attention word's sense: it starts by
//! forgetting kills aimed at earlier runs and arming the deadline, and it
//! ends by closing its epoch, so a late kill (a handle used after the run
//! returned, a deadline timer that fires just after) can never reach the
//! next one.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use interp::{
    Args, Config, HostCtx, HostError, HostFunction, HostValue, KillReason, Program, TraceEvent,
    TraceHook, Value, Vm, VmResult,
};

use crate::handle::KillHandle;
use crate::outcome::Outcome;
use crate::processes::{Children, ForkProcesses};
use crate::running::Running;
use crate::watchdog::{self, TimerAction};

/// Default stack of a thread started by [`Engine::spawn`]: guest frames live
/// on the heap, but builtins that call back into guest code (`sorted` with
/// a key, `__repr__`, host functions calling guest functions) recurse in
/// Rust, up to a fixed nesting depth.
pub const DEFAULT_STACK_SIZE: usize = 64 << 20;

/// Default grace period between a soft and a hard kill (as `vm run`).
pub const DEFAULT_GRACE: Duration = Duration::from_secs(1);

/// Default number of instructions a guest may run after the budget's soft
/// kill before the budget kills it hard.
pub const DEFAULT_INSTRUCTION_GRACE: u64 = 10_000;

/// Where guest output (`print`, `sys.stdout.write`; `sys.stderr`) goes.
pub enum Output {
    /// The process's own stdout or stderr (the default).
    Inherit,
    /// An in-memory buffer, read with [`Engine::take_stdout`] /
    /// [`Engine::take_stderr`].
    Buffer,
    /// Nowhere (the output limit still counts it).
    Discard,
    /// Any writer.
    Writer(Box<dyn Write + Send>),
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Output::Inherit => "Inherit",
            Output::Buffer => "Buffer",
            Output::Discard => "Discard",
            Output::Writer(_) => "Writer(..)",
        })
    }
}

/// An in-memory output buffer shared by the VM (writing) and the engine
/// (reading).
#[derive(Clone, Default)]
struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl SharedBuffer {
    fn take(&self) -> String {
        let bytes = std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()));
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A trace hook made of a closure that also wants an event before every
/// instruction ([`TraceKind::Instruction`](interp::TraceKind::Instruction)),
/// which plain closures do not get (it costs a callback per instruction).
///
/// ```
/// use killer::{EveryInstruction, HookAction, TraceKind};
/// let mut count = 0u64;
/// let hook = EveryInstruction(move |ev: &killer::TraceEvent<'_>| {
///     if ev.kind == TraceKind::Instruction {
///         count += 1;
///     }
///     HookAction::Continue
/// });
/// let engine = killer::Engine::builder().trace(hook).build();
/// # drop(engine);
/// ```
pub struct EveryInstruction<F>(pub F);

impl<F> TraceHook for EveryInstruction<F>
where
    F: FnMut(&TraceEvent<'_>) -> interp::HookAction + Send,
{
    fn on_event(&mut self, event: &TraceEvent<'_>) -> interp::HookAction {
        (self.0)(event)
    }
    fn wants_instructions(&self) -> bool {
        true
    }
}

/// A host function registration waiting for `build`.
struct Registration {
    module: Option<String>,
    name: String,
    f: Arc<HostFunction>,
}

/// Builds an [`Engine`]: limits, output, modules, host functions, trace
/// hook, deadline and kill policy. Every setting has a default: no limits
/// beyond a recursion depth of 1000, output to the process's stdout and
/// stderr, every built-in module, a catchable soft kill with a 1 s grace
/// period, no deadline.
///
/// ```
/// use std::time::Duration;
/// use killer::{Engine, Limit, Output};
///
/// let mut engine = Engine::builder()
///     .max_instructions(1_000_000)
///     .max_heap(16 << 20)
///     .max_recursion(200)
///     .max_output(64 << 10)
///     .allow_modules(["math"])
///     .stdout(Output::Buffer)
///     .deadline(Duration::from_secs(5))
///     .build();
/// let program = killer::compile("while True:\n    pass\n", "spin.py").unwrap();
/// let outcome = engine.run(&program);
/// assert_eq!(outcome.limit(), Some(Limit::Instructions));
/// ```
pub struct EngineBuilder {
    config: Config,
    max_instructions: Option<u64>,
    instruction_grace: u64,
    deadline: Option<Duration>,
    grace: Duration,
    stdout: Output,
    stderr: Output,
    functions: Vec<Registration>,
    builtins: Vec<(String, HostValue)>,
    trace: Option<Box<dyn TraceHook>>,
    stack_size: usize,
    thread_name: String,
    processes: bool,
}

impl Default for EngineBuilder {
    fn default() -> Self {
        EngineBuilder::new()
    }
}

impl std::fmt::Debug for EngineBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EngineBuilder")
            .field("config", &self.config)
            .field("max_instructions", &self.max_instructions)
            .field("deadline", &self.deadline)
            .field("grace", &self.grace)
            .finish_non_exhaustive()
    }
}

impl EngineBuilder {
    /// The defaults (see the type's documentation).
    pub fn new() -> EngineBuilder {
        EngineBuilder {
            config: Config::default(),
            max_instructions: None,
            instruction_grace: DEFAULT_INSTRUCTION_GRACE,
            deadline: None,
            grace: DEFAULT_GRACE,
            stdout: Output::Inherit,
            stderr: Output::Inherit,
            functions: Vec::new(),
            builtins: Vec::new(),
            trace: None,
            stack_size: DEFAULT_STACK_SIZE,
            thread_name: "vm-run".into(),
            processes: false,
        }
    }

    /// Instruction budget per run: after `n` instructions the run is killed
    /// with [`KillReason::Budget`] (soft: `SystemExit`, `finally` blocks
    /// run), and hard after [`instruction_grace`](Self::instruction_grace)
    /// more. Deterministic: the same program stops at the same instruction
    /// on every machine.
    pub fn max_instructions(mut self, n: u64) -> Self {
        self.max_instructions = Some(n);
        self
    }

    /// How many instructions the guest may run after the budget's soft
    /// kill (in `finally` blocks, or after swallowing the `SystemExit`)
    /// before the budget kills it hard. Default 10,000; 0 runs no guest
    /// code after the budget is spent.
    pub fn instruction_grace(mut self, n: u64) -> Self {
        self.instruction_grace = n;
        self
    }

    /// Heap limit in bytes: beyond it the guest gets `MemoryError: heap
    /// limit of N bytes exceeded`, which it may catch (and free memory);
    /// the heap never grows more than an eighth past the limit.
    pub fn max_heap(mut self, bytes: usize) -> Self {
        self.config.max_heap = Some(bytes);
        self
    }

    /// Maximum depth of guest calls (`RecursionError` beyond it; default
    /// 1000). The guest's `sys.setrecursionlimit` cannot raise it, and each
    /// run starts from it again.
    pub fn max_recursion(mut self, depth: usize) -> Self {
        self.config.recursion_limit = depth;
        self.config.max_recursion_limit = depth;
        self
    }

    /// Output limit per run in bytes, stdout and stderr together: beyond
    /// it `print` raises `OSError: output limit of N bytes exceeded`.
    pub fn max_output(mut self, bytes: usize) -> Self {
        self.config.max_output = Some(bytes);
        self
    }

    /// Where guest stdout goes (default [`Output::Inherit`]).
    pub fn stdout(mut self, output: Output) -> Self {
        self.stdout = output;
        self
    }

    /// Where guest stderr goes (default [`Output::Inherit`]).
    pub fn stderr(mut self, output: Output) -> Self {
        self.stderr = output;
        self
    }

    /// The only built-in modules the guest may import (`time`, `sys`,
    /// `math`); others raise `ModuleNotFoundError`. Modules of host
    /// functions ([`module_function`](Self::module_function)) are always
    /// allowed. Default: every module.
    pub fn allow_modules<I, S>(mut self, modules: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config.allowed_modules = Some(modules.into_iter().map(Into::into).collect());
        self
    }

    /// `sys.argv` (default `[""]`).
    pub fn argv<I, S>(mut self, argv: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config.argv = argv.into_iter().map(Into::into).collect();
        self
    }

    /// Makes the soft kill uncatchable: no `except` clause matches its
    /// `SystemExit`, not even a bare one, yet `finally` blocks and `with`
    /// exits still run (`vm run --no-catch`). Default: catchable, as in
    /// Python.
    pub fn uncatchable_kill(mut self, yes: bool) -> Self {
        self.config.uncatchable_kill = yes;
        self
    }

    /// Grace period between the soft kill and the hard one, for kills by
    /// the host and by the deadline (default 1 s). `Duration::ZERO` makes
    /// every kill hard: not even `finally` runs.
    pub fn grace(mut self, grace: Duration) -> Self {
        self.grace = grace;
        self
    }

    /// Deadline of every run and call, counted from its start (for
    /// [`Engine::spawn`], from the spawn): then the run is killed with
    /// [`KillReason::Deadline`], softly, and hard after the grace period.
    /// Measured by the watchdog thread; the VM never reads a clock.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Registers `f` as a builtin function `name` of the guest. Arguments
    /// arrive converted to [`HostValue`]s in [`Args`]; the result converts
    /// back; an error is raised in the guest as the exception it names.
    /// A long function polls [`HostCtx::check`] so a kill lands promptly.
    ///
    /// ```
    /// use killer::{Engine, HostError, Output};
    ///
    /// let mut engine = Engine::builder()
    ///     .stdout(Output::Buffer)
    ///     .function("scale", |_ctx, args| {
    ///         let x: f64 = args.get(0)?;
    ///         if x < 0.0 {
    ///             return Err(HostError::value_error("negative"));
    ///         }
    ///         Ok(x * 2.0)
    ///     })
    ///     .build();
    /// let program = killer::compile(
    ///     "print(scale(21))\ntry:\n    scale(-1)\nexcept ValueError as e:\n    print('caught', e)\n",
    ///     "main.py",
    /// )
    /// .unwrap();
    /// assert!(engine.run(&program).value().is_some());
    /// assert_eq!(engine.take_stdout(), "42.0\ncaught negative\n");
    /// ```
    pub fn function<F, R>(mut self, name: &str, f: F) -> Self
    where
        F: Fn(&mut HostCtx<'_>, &Args) -> Result<R, HostError> + Send + Sync + 'static,
        R: Into<HostValue>,
    {
        self.functions.push(Registration {
            module: None,
            name: name.to_string(),
            f: wrap(f),
        });
        self
    }

    /// Like [`function`](Self::function), as function `name` of module
    /// `module`, which the guest imports (`import host` /
    /// `from host import name`). A built-in module of the same name gets
    /// the function added.
    pub fn module_function<F, R>(mut self, module: &str, name: &str, f: F) -> Self
    where
        F: Fn(&mut HostCtx<'_>, &Args) -> Result<R, HostError> + Send + Sync + 'static,
        R: Into<HostValue>,
    {
        self.functions.push(Registration {
            module: Some(module.to_string()),
            name: name.to_string(),
            f: wrap(f),
        });
        self
    }

    /// A value every program sees as builtin `name` (a global of its own
    /// of the same name hides it).
    ///
    /// # Panics
    ///
    /// [`build`](Self::build) panics if the value is (or contains) a
    /// [`HostValue::Other`] or a dict with an unhashable key: those have no
    /// guest counterpart.
    pub fn global(mut self, name: &str, value: impl Into<HostValue>) -> Self {
        self.builtins.push((name.to_string(), value.into()));
        self
    }

    /// Installs a trace hook: a callback receiving `call`, `line`, `return`
    /// and `exception` events (and every instruction, when it asks: see
    /// [`EveryInstruction`]) with the code location, which can let the
    /// guest continue, raise an exception in it, or kill it. Without a
    /// hook tracing costs nothing beyond the attention check every
    /// instruction pays anyway. For a closure, [`trace_fn`](Self::trace_fn)
    /// spares the parameter's type annotation.
    pub fn trace(mut self, hook: impl TraceHook + 'static) -> Self {
        self.trace = Some(Box::new(hook));
        self
    }

    /// [`trace`](Self::trace) with a closure.
    ///
    /// ```
    /// use killer::{Engine, HookAction, KillReason, TraceKind};
    ///
    /// // Stop any script that reaches line 3.
    /// let mut engine = Engine::builder()
    ///     .trace_fn(|ev| {
    ///         if ev.kind == TraceKind::Line && ev.line == 3 {
    ///             HookAction::KillHard(KillReason::Host)
    ///         } else {
    ///             HookAction::Continue
    ///         }
    ///     })
    ///     .build();
    /// let program = killer::compile("x = 1\ny = 2\nz = 3\n", "t.py").unwrap();
    /// let outcome = engine.run(&program);
    /// assert!(outcome.is_killed());
    /// assert_eq!(engine.global("y"), Some(2.into()));
    /// assert_eq!(engine.global("z"), None);
    /// ```
    pub fn trace_fn<F>(self, f: F) -> Self
    where
        F: FnMut(&TraceEvent<'_>) -> interp::HookAction + Send + 'static,
    {
        self.trace(f)
    }

    /// Stack size of threads started by [`Engine::spawn`] (default 64 MiB;
    /// only address space until used).
    pub fn stack_size(mut self, bytes: usize) -> Self {
        self.stack_size = bytes;
        self
    }

    /// Name of threads started by [`Engine::spawn`] (default `vm-run`).
    pub fn thread_name(mut self, name: impl Into<String>) -> Self {
        self.thread_name = name.into();
        self
    }

    /// Grants the guest child processes: `multiprocessing.Process` forks
    /// this process (see [`ForkProcesses`]). Default: off, and `import
    /// multiprocessing` is `ModuleNotFoundError` like any module the guest
    /// may not use. Children still alive when a run ends by a kill are
    /// stopped (`SIGTERM` for a soft kill, `SIGKILL` for a hard one) and
    /// reaped. A child writes to the process's stdout and stderr only when
    /// output is [`Output::Inherit`]: an [`Output::Buffer`] is the
    /// parent's memory, which the child only has a copy of.
    pub fn allow_processes(mut self, yes: bool) -> Self {
        self.processes = yes;
        self
    }

    /// Builds the engine: a fresh VM with everything above installed.
    pub fn build(self) -> Engine {
        let mut config = self.config;
        if let Some(allowed) = &mut config.allowed_modules {
            for r in &self.functions {
                if let Some(m) = &r.module {
                    if !allowed.contains(m) {
                        allowed.push(m.clone());
                    }
                }
            }
        }
        let recursion_limit = config.recursion_limit;
        let mut vm = Vm::new(config);
        let (stdout, stdout_buffer) = writer(self.stdout);
        let (stderr, stderr_buffer) = writer(self.stderr);
        if let Some(w) = stdout {
            vm.set_stdout(w);
        }
        if let Some(w) = stderr {
            vm.set_stderr(w);
        }
        for r in self.functions {
            vm.register_function(r.module.as_deref(), &r.name, r.f);
        }
        for (name, value) in &self.builtins {
            // Only values without a guest counterpart fail: a host bug,
            // documented on `global`.
            if vm.set_builtin(name, value).is_err() {
                panic!("EngineBuilder::global({name:?}): {value:?} cannot be passed to the guest");
            }
        }
        vm.set_trace_hook(self.trace);
        let children = self.processes.then(|| {
            let host = ForkProcesses::new();
            let children = host.children();
            vm.set_process_host(Some(Box::new(host)));
            children
        });
        let handle = KillHandle::new(vm.attention(), Some(self.grace));
        Engine {
            vm,
            max_instructions: self.max_instructions,
            instruction_grace: self.instruction_grace,
            recursion_limit,
            deadline: self.deadline,
            grace: self.grace,
            stdout: stdout_buffer,
            stderr: stderr_buffer,
            stack_size: self.stack_size,
            thread_name: self.thread_name,
            handle,
            children,
        }
    }
}

/// Erases the result type of a host function.
fn wrap<F, R>(f: F) -> Arc<HostFunction>
where
    F: Fn(&mut HostCtx<'_>, &Args) -> Result<R, HostError> + Send + Sync + 'static,
    R: Into<HostValue>,
{
    Arc::new(move |ctx: &mut HostCtx<'_>, args: &Args| f(ctx, args).map(Into::into))
}

/// The VM writer for `output`, and the buffer to read when it is one.
/// `None` writer: keep the VM's default (the process's stream).
fn writer(output: Output) -> (Option<Box<dyn Write + Send>>, Option<SharedBuffer>) {
    match output {
        Output::Inherit => (None, None),
        Output::Buffer => {
            let b = SharedBuffer::default();
            (Some(Box::new(b.clone())), Some(b))
        }
        Output::Discard => (Some(Box::new(io::sink())), None),
        Output::Writer(w) => (Some(w), None),
    }
}

/// One VM set up for a host: runs programs and calls guest functions, on
/// this thread or on a thread of their own, within the builder's limits,
/// and can be killed from any thread. Usable again after every outcome.
///
/// ```
/// use killer::{Engine, HostValue, Outcome};
///
/// let mut engine = Engine::new();
/// let program = killer::compile("def add(a, b):\n    return a + b\n", "lib.py").unwrap();
/// assert_eq!(engine.run(&program), Outcome::Returned(HostValue::None));
/// let sum = engine.call("add", &[2.into(), 40.into()]);
/// assert_eq!(sum, Outcome::Returned(42.into()));
/// ```
pub struct Engine {
    vm: Vm,
    max_instructions: Option<u64>,
    instruction_grace: u64,
    recursion_limit: usize,
    deadline: Option<Duration>,
    grace: Duration,
    stdout: Option<SharedBuffer>,
    stderr: Option<SharedBuffer>,
    stack_size: usize,
    thread_name: String,
    /// Aimed at whatever run is current.
    handle: KillHandle,
    /// Child processes of the guest, when granted.
    children: Option<Children>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("max_instructions", &self.max_instructions)
            .field("deadline", &self.deadline)
            .field("grace", &self.grace)
            .finish_non_exhaustive()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // A pending timer's `Weak` would keep the attention word allocated
        // until the timer's time comes.
        watchdog::cancel(&self.vm.attention());
    }
}

impl Engine {
    /// An engine with the defaults of [`EngineBuilder::new`].
    pub fn new() -> Engine {
        EngineBuilder::new().build()
    }

    /// A builder.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::new()
    }

    /// Runs `program` as `__main__` on this thread. Its globals stay
    /// readable ([`global`](Self::global)) and its functions callable
    /// ([`call`](Self::call)) until the next `run`. A `Program` is
    /// immutable: compile once, run it in any number of engines.
    pub fn run(&mut self, program: &Program) -> Outcome {
        self.start_run();
        let r = self.vm.run_prepared(program);
        let outcome = self.finish_run(r);
        // On this thread nobody can be waiting for the outcome: what a
        // kill abandoned is freed at once.
        drop(self.vm.take_discarded());
        outcome
    }

    /// Calls the guest function bound to global `name` (or a builtin) with
    /// `args`, on this thread: a run of its own, with the same limits,
    /// deadline and kill handling as [`run`](Self::run). `Returned` carries
    /// the function's result.
    pub fn call(&mut self, name: &str, args: &[HostValue]) -> Outcome {
        self.start_run();
        let r = self.vm.call_function(name, args);
        let outcome = self.finish_run(r);
        drop(self.vm.take_discarded());
        outcome
    }

    /// Runs `program` on a thread of its own (named and sized by the
    /// builder; threads whose runs are over are kept a while and reused,
    /// so a spawn seldom creates one) and returns at once with a handle to
    /// kill, join or wait for it. The
    /// deadline counts from now. The engine comes back with the outcome
    /// ([`Joined::engine`](crate::Joined::engine)).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use std::time::Duration;
    /// use killer::{Engine, KillReason};
    ///
    /// let program = Arc::new(killer::compile("while True:\n    pass\n", "spin.py").unwrap());
    /// let running = Engine::new().spawn(program).unwrap();
    /// std::thread::sleep(Duration::from_millis(20));
    /// assert!(running.kill());
    /// let joined = running.join();
    /// assert_eq!(joined.outcome.kill_reason(), Some(KillReason::Host));
    /// ```
    pub fn spawn(self, program: Arc<Program>) -> io::Result<Running> {
        self.spawn_run(move |vm| vm.run_prepared(&program))
    }

    /// Calls guest function `name` with `args` on a new thread, like
    /// [`spawn`](Self::spawn) (the function comes from an earlier
    /// [`run`](Self::run) of this engine).
    pub fn spawn_call(self, name: &str, args: Vec<HostValue>) -> io::Result<Running> {
        let name = name.to_string();
        self.spawn_run(move |vm| vm.call_function(&name, &args))
    }

    fn spawn_run(
        mut self,
        body: impl FnOnce(&mut Vm) -> VmResult<Value> + Send + 'static,
    ) -> io::Result<Running> {
        let started = Instant::now();
        let run = self.start_run();
        let handle = KillHandle::for_run(self.vm.attention(), run, Some(self.grace));
        let (name, stack_size) = (self.thread_name.clone(), self.stack_size);
        Running::start(&name, stack_size, handle, started, move || {
            let r = body(&mut self.vm);
            let outcome = self.finish_run(r);
            // Freed by the run's thread after it has handed the outcome
            // over: no host waits for the kernel to take it back.
            let discarded = self.vm.take_discarded();
            (self, outcome, discarded)
        })
    }

    /// Starts a run: forgets kills aimed at earlier runs, applies the
    /// per-run limits, arms the deadline. Returns the run's epoch.
    fn start_run(&mut self) -> u64 {
        self.vm.begin_run();
        let att = self.vm.attention();
        watchdog::cancel(&att);
        let run = att.epoch();
        self.vm.config_mut().recursion_limit = self.recursion_limit;
        self.vm.set_instruction_budget(self.max_instructions);
        self.vm
            .set_budget_grace(self.max_instructions.map(|_| self.instruction_grace));
        self.vm.reset_output_count();
        if let Some(d) = self.deadline {
            let at = Instant::now() + d;
            watchdog::schedule(
                &att,
                at,
                KillReason::Deadline,
                TimerAction::Kill {
                    grace: Some(self.grace),
                },
            );
        }
        run
    }

    /// Ends a run: classifies it, then closes its epoch so that nothing
    /// aimed at it reaches the next run.
    fn finish_run(&mut self, result: VmResult<Value>) -> Outcome {
        // Classifying may run guest code (an exception's `__str__`): the
        // run's budget and deadline must not cut that short.
        self.vm.set_instruction_budget(None);
        let att = self.vm.attention();
        watchdog::cancel(&att);
        let outcome = Outcome::from_result(&mut self.vm, result);
        self.vm.flush();
        if let Some(children) = &self.children {
            children.stop_all(matches!(outcome, Outcome::Killed { hard: true, .. }));
        }
        att.reset_kill();
        // A kill handle may have armed a grace timer meanwhile.
        watchdog::cancel(&att);
        outcome
    }

    /// A handle that kills whatever run this engine is doing when it is
    /// used (for a run on this thread, hand it to another thread first);
    /// used between runs it does nothing. For a spawned run, prefer
    /// [`Running`]'s own methods or [`Running::kill_handle`], which are
    /// aimed at that run only.
    pub fn kill_handle(&self) -> KillHandle {
        self.handle.clone()
    }

    /// Global `name` of `__main__` of the last run (or a builtin), copied
    /// out; `None` when unbound.
    pub fn global(&mut self, name: &str) -> Option<HostValue> {
        self.vm.global(name)
    }

    /// Binds global `name` of `__main__` of the last run, for functions
    /// called next with [`call`](Self::call). (A new `run` starts a fresh
    /// `__main__`; values every program should see go in with
    /// [`EngineBuilder::global`].) Fails for values that cannot enter the
    /// guest ([`HostValue::Other`], unhashable dict keys, past the heap
    /// limit).
    pub fn set_global(&mut self, name: &str, value: impl Into<HostValue>) -> Result<(), HostError> {
        let value = value.into();
        match self.vm.set_global(name, &value) {
            Ok(()) => Ok(()),
            Err(e) => {
                let outcome = Outcome::from_result(&mut self.vm, Err(e));
                Err(match outcome {
                    Outcome::Exception {
                        type_name, message, ..
                    } => HostError::new(type_name, message),
                    other => HostError::runtime_error(other.to_string()),
                })
            }
        }
    }

    /// Changes the deadline of the next runs (`None`: no deadline).
    pub fn set_deadline(&mut self, deadline: Option<Duration>) {
        self.deadline = deadline;
    }

    /// The deadline of each run.
    pub fn deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// Changes the instruction budget of the next runs (`None`: none).
    pub fn set_max_instructions(&mut self, n: Option<u64>) {
        self.max_instructions = n;
    }

    /// Installs (or, with `None`, removes) the trace hook.
    pub fn set_trace_hook(&mut self, hook: Option<Box<dyn TraceHook>>) {
        self.vm.set_trace_hook(hook);
    }

    /// Takes what the guest printed so far when stdout is an
    /// [`Output::Buffer`] (empty otherwise).
    pub fn take_stdout(&mut self) -> String {
        self.stdout
            .as_ref()
            .map(SharedBuffer::take)
            .unwrap_or_default()
    }

    /// Takes what the guest wrote to stderr so far when it is an
    /// [`Output::Buffer`] (empty otherwise).
    pub fn take_stderr(&mut self) -> String {
        self.stderr
            .as_ref()
            .map(SharedBuffer::take)
            .unwrap_or_default()
    }

    /// The underlying VM, for what this type does not wrap. Values it hands
    /// out are only valid until it runs another instruction (see
    /// `interp::gc`): convert them with [`Vm::to_host`] at once.
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }
}
