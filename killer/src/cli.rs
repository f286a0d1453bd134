//! The `vm` command: `vm run FILE [--kill-after DUR] [--grace DUR]
//! [--no-catch] [--max-instructions N] [--max-memory SIZE]
//! [--max-recursion N] [--max-output SIZE] [-- ARGS]` and `vm dis FILE`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use interp::{Config, Vm};

use crate::handle::KillHandle;
use crate::outcome::{kill_report, Outcome};
use crate::watchdog::{self, TimerAction};

/// Run Python-subset scripts on a bytecode VM that can be killed at any
/// instruction.
#[derive(Parser, Debug)]
#[command(name = "vm", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a script.
    Run(RunArgs),
    /// Print a script's bytecode with line numbers.
    Dis {
        /// The script.
        file: PathBuf,
    },
}

/// Options of `vm run`.
#[derive(clap::Args, Debug, Clone)]
pub struct RunArgs {
    /// The script to run.
    pub file: PathBuf,
    /// Kill the script after this long (`1s`, `250ms`, `1.5s`).
    #[arg(long, value_parser = parse_duration)]
    pub kill_after: Option<Duration>,
    /// After a soft kill, how long the script may run its `finally` blocks
    /// before the hard kill (`0` makes the first kill hard).
    #[arg(long, value_parser = parse_duration, default_value = "1s")]
    pub grace: Duration,
    /// Make the soft kill uncatchable: no `except` clause matches it, but
    /// `finally` blocks and `with` exits still run.
    #[arg(long)]
    pub no_catch: bool,
    /// Instruction budget: after N instructions the script is killed
    /// (`SystemExit`, then hard after 10,000 more).
    #[arg(long, value_name = "N")]
    pub max_instructions: Option<u64>,
    /// Heap limit (`64MiB`, `1.5GB`, `1000000`): beyond it the script gets
    /// `MemoryError`.
    #[arg(long, value_name = "SIZE", value_parser = parse_bytes)]
    pub max_memory: Option<usize>,
    /// Maximum depth of guest calls (`RecursionError` beyond it; default
    /// 1000, and `sys.setrecursionlimit` cannot lift it past this).
    #[arg(long, value_name = "N")]
    pub max_recursion: Option<usize>,
    /// Output limit, stdout and stderr together (`1MiB`, `4096`): beyond
    /// it `print` raises `OSError`.
    #[arg(long, value_name = "SIZE", value_parser = parse_bytes)]
    pub max_output: Option<usize>,
    /// Where the script runs: `none` (in this process) or `process` (in a
    /// child process, which the deadline stops with SIGTERM, then SIGKILL
    /// once the grace period is over, even if the script is stuck where no
    /// kill check runs).
    #[arg(long, value_enum, default_value_t = Isolate::None)]
    pub isolate: Isolate,
    /// Internal: this is the child of `--isolate process`. SIGTERM from
    /// the parent is the deadline's kill (soft, then hard at a second).
    #[arg(long, hide = true)]
    pub isolated_child: bool,
    /// Arguments passed to the script as `sys.argv[1:]`.
    #[arg(last = true)]
    pub args: Vec<String>,
}

/// Values of `vm run --isolate`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Isolate {
    /// Run in this process.
    #[default]
    None,
    /// Run in a child process (a re-executed `vm`).
    Process,
}

pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    if let Ok(secs) = s.parse::<f64>() {
        // A bare number is seconds, like coreutils `timeout`.
        return Duration::try_from_secs_f64(secs).map_err(|e| e.to_string());
    }
    humantime::parse_duration(s).map_err(|e| format!("invalid duration '{s}': {e}"))
}

/// Byte sizes for the limits: `parse-size` reads `64MiB`, `64M` (both
/// binary, as people mean them for memory), `64MB`, `1.5GiB` and plain
/// numbers exactly, which is all the limits need and not worth writing by
/// hand.
fn parse_bytes(s: &str) -> Result<usize, String> {
    let n = parse_size::Config::new()
        .with_binary()
        .parse_size(s.trim())
        .map_err(|e| format!("invalid size '{s}': {e}"))?;
    usize::try_from(n).map_err(|_| format!("size '{s}' is too large"))
}

/// Entry point of the `vm` binary; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Run(args) => run_command(&args),
        Command::Dis { file } => dis_command(&file),
    }
}

fn read_source(file: &PathBuf) -> Result<(String, String), i32> {
    let text = match std::fs::read(file) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => {
                eprintln!("vm: {}: the file is not valid UTF-8", file.display());
                return Err(1);
            }
        },
        Err(e) => {
            eprintln!("vm: can't open file '{}': {}", file.display(), e);
            return Err(2);
        }
    };
    // CPython shows the absolute path in tracebacks.
    let shown = std::path::absolute(file)
        .unwrap_or_else(|_| file.clone())
        .display()
        .to_string();
    Ok((text, shown))
}

fn dis_command(file: &PathBuf) -> i32 {
    let (text, shown) = match read_source(file) {
        Ok(x) => x,
        Err(code) => return code,
    };
    match interp::compile(&text, &shown) {
        Ok(p) => {
            let out = interp::bytecode::disassemble(&p.main, &p.names);
            let _ = std::io::stdout().write_all(out.as_bytes());
            0
        }
        Err(e) => {
            eprint!("{e}");
            1
        }
    }
}

/// Stack for the thread that runs guest code: guest frames live on the
/// heap, but builtins that call back into guest code recurse in Rust.
const VM_STACK: usize = 256 << 20;

/// How `vm run` runs a script (the flags of the command).
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Deadline after which the script is killed.
    pub kill_after: Option<Duration>,
    /// Grace period between the soft and the hard kill.
    pub grace: Duration,
    /// Make the soft kill uncatchable.
    pub no_catch: bool,
    /// Instruction budget (`--max-instructions`).
    pub max_instructions: Option<u64>,
    /// Heap limit in bytes (`--max-memory`).
    pub max_memory: Option<usize>,
    /// Recursion limit (`--max-recursion`; `None`: CPython's 1000).
    pub max_recursion: Option<usize>,
    /// Output limit in bytes (`--max-output`).
    pub max_output: Option<usize>,
    /// This is the child of `--isolate process`: SIGTERM is the deadline.
    pub isolated_child: bool,
}

/// Instructions a script may still run after the budget's `SystemExit`
/// (its `finally` blocks) before it is stopped hard, as the engine's
/// default.
const INSTRUCTION_GRACE: u64 = 10_000;

fn run_command(args: &RunArgs) -> i32 {
    if args.isolate == Isolate::Process && !args.isolated_child {
        return crate::isolate::run(args);
    }
    let (text, shown) = match read_source(&args.file) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut argv = vec![args.file.display().to_string()];
    argv.extend(args.args.iter().cloned());
    let opts = RunOptions {
        kill_after: args.kill_after,
        grace: args.grace,
        no_catch: args.no_catch,
        max_instructions: args.max_instructions,
        max_memory: args.max_memory,
        max_recursion: args.max_recursion,
        max_output: args.max_output,
        isolated_child: args.isolated_child,
    };
    let worker = std::thread::Builder::new()
        .name("vm-main".into())
        .stack_size(VM_STACK)
        .spawn(move || {
            let stdout = std::io::stdout();
            let out: Box<dyn Write + Send> = if std::io::IsTerminal::is_terminal(&stdout) {
                Box::new(std::io::LineWriter::new(stdout))
            } else {
                Box::new(std::io::BufWriter::with_capacity(1 << 16, stdout))
            };
            run_source(
                &text,
                &shown,
                argv,
                &opts,
                out,
                Box::new(std::io::stderr()),
                true,
            )
        });
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("vm: internal error: the VM thread panicked");
            70
        }
    }
}

/// A writer shared by the VM (guest stderr: thread exception reports, as
/// they happen) and the command (the final traceback or kill report).
#[derive(Clone)]
struct SharedWriter(Arc<Mutex<Box<dyn Write + Send>>>);

impl Write for SharedWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).write(b)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).flush()
    }
}

/// Compiles and runs `text` exactly as `vm run` does: guest output to
/// `out`, guest stderr, tracebacks and kill reports to `err`; returns the
/// exit status. `standalone` is the `vm` command's own run: it installs the
/// Ctrl-C handler and leaves the heap to the OS, which reclaims it at exit
/// far faster than freeing object by object (tests pass `false`).
pub fn run_source(
    text: &str,
    filename: &str,
    argv: Vec<String>,
    opts: &RunOptions,
    out: Box<dyn Write + Send>,
    err: Box<dyn Write + Send>,
    standalone: bool,
) -> i32 {
    let mut err = SharedWriter(Arc::new(Mutex::new(err)));
    let program = match interp::compile(text, filename) {
        Ok(p) => p,
        Err(e) => {
            let _ = write!(err, "{e}");
            return 1;
        }
    };
    for w in &program.warnings {
        let _ = err.write_all(w.as_bytes());
    }
    let mut config = Config {
        argv,
        uncatchable_kill: opts.no_catch,
        max_heap: opts.max_memory,
        max_output: opts.max_output,
        ..Config::default()
    };
    if let Some(depth) = opts.max_recursion {
        config.recursion_limit = depth;
        config.max_recursion_limit = depth;
    }
    let mut vm = Vm::new(config);
    // The command grants child processes (`multiprocessing`).
    let processes = crate::ForkProcesses::new();
    let children = processes.children();
    vm.set_process_host(Some(Box::new(processes)));
    vm.set_stdout(out);
    vm.set_stderr(Box::new(err.clone()));
    let attention = vm.attention();
    if standalone {
        let handle = KillHandle::new(attention.clone(), Some(opts.grace));
        if opts.isolated_child {
            crate::signals::install_isolated(handle);
        } else {
            crate::signals::install(handle);
        }
    }
    vm.begin_run();
    vm.set_instruction_budget(opts.max_instructions);
    vm.set_budget_grace(opts.max_instructions.map(|_| INSTRUCTION_GRACE));
    let started = Instant::now();
    if let Some(d) = opts.kill_after {
        watchdog::schedule(
            &attention,
            started + d,
            interp::KillReason::Deadline,
            TimerAction::Kill {
                grace: Some(opts.grace),
            },
        );
    }
    let result = vm.run_prepared(&program);
    let elapsed = started.elapsed();
    let outcome = Outcome::from_result(&mut vm, result);
    vm.flush();
    children.stop_all(matches!(outcome, Outcome::Killed { hard: true, .. }));
    let deadline_fired = attention.reason() == Some(interp::KillReason::Deadline);
    let status = outcome.exit_status(deadline_fired);
    match &outcome {
        Outcome::Returned(_) | Outcome::Killed { .. } => {}
        Outcome::Panicked { message } => {
            let _ = writeln!(err, "vm: internal error: {message}");
        }
        Outcome::Exception { traceback, .. } => {
            let _ = err.write_all(traceback.as_bytes());
            if let Some(note) = limit_note(&outcome, opts) {
                let _ = writeln!(err, "{note}");
            }
        }
        Outcome::Exit { message, .. } => {
            if let Some(m) = message {
                let _ = writeln!(err, "{m}");
            }
        }
    }
    if deadline_fired || matches!(outcome, Outcome::Killed { .. }) {
        let (reason, hard, site, tb) = match &outcome {
            Outcome::Killed {
                reason,
                hard,
                site,
                traceback,
            } => (*reason, *hard, site.clone(), traceback.clone()),
            _ => (interp::KillReason::Deadline, false, Vec::new(), None),
        };
        let report = kill_report(
            reason,
            hard,
            elapsed,
            Some(opts.grace),
            &site,
            &vm.soft_kill_site(),
            tb.as_deref(),
        );
        let _ = err.write_all(report.as_bytes());
        if let Some(note) = limit_note(&outcome, opts) {
            let _ = writeln!(err, "{note}");
        }
    }
    let _ = err.flush();
    if standalone {
        std::mem::forget(vm);
    }
    status
}

/// The line `vm run` adds when a run ended because it breached a limit set
/// with a flag, naming the flag. (The default recursion limit is CPython's,
/// and so is its report: no note then, so the output matches CPython's.)
fn limit_note(outcome: &Outcome, opts: &RunOptions) -> Option<String> {
    let (what, flag, value) = match outcome.limit()? {
        crate::Limit::Instructions => (
            "instruction budget",
            "--max-instructions",
            opts.max_instructions?.to_string(),
        ),
        crate::Limit::Heap => ("memory limit", "--max-memory", bytes(opts.max_memory?)),
        crate::Limit::Recursion => (
            "recursion limit",
            "--max-recursion",
            opts.max_recursion?.to_string(),
        ),
        crate::Limit::Output => ("output limit", "--max-output", bytes(opts.max_output?)),
    };
    Some(format!(
        "vm: the script exceeded its {what}: {flag} {value}"
    ))
}

/// `64MiB (67108864 bytes)`: the figure people type, and the exact one the
/// guest's exception shows.
fn bytes(n: usize) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    let mut shown = None;
    for (i, unit) in UNITS.iter().enumerate().rev() {
        let size = 1usize << (10 * (i + 1));
        if n >= size && n % size == 0 {
            shown = Some(format!("{}{unit}", n / size));
            break;
        }
    }
    match shown {
        Some(s) => format!("{s} ({n} bytes)"),
        None => format!("{n} bytes"),
    }
}
