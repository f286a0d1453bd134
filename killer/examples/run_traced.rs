//! Runs a script like `vm run`, with a counting host trace hook installed:
//! what a host trace callback costs, timed as a whole process by
//! `scripts/compare.py --table 2` next to CPython under a KThread-style
//! `sys.settrace` line tracer. The guest's output is unchanged; the event
//! counts go to stderr only when asked (`--counts`).
//!
//! ```sh
//! cargo run --release -p killer --example run_traced -- --hook line scripts/bench/fib.py
//! cargo run --release -p killer --example run_traced -- --hook instruction --counts FILE
//! cargo run --release -p killer --example run_traced -- --hook guest FILE  # a guest KThread tracer
//! cargo run --release -p killer --example run_traced -- --hook none FILE   # the baseline
//! ```
//!
//! `killer/tests/bench_examples.rs` runs [`run`] on a small script and
//! checks the output and the event counts.

use std::io::Write;
use std::sync::{Arc, Mutex};

use killer::{Engine, HookAction, Outcome, Output, TraceEvent, TraceHook, TraceKind};

/// Which hook is installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookMode {
    /// None at all: the baseline, the same process otherwise.
    None,
    /// `call`, `line`, `return` and `exception` events.
    Line,
    /// Those and an event before every instruction.
    Instruction,
    /// No host hook: a guest `sys.settrace` tracer, the article's KThread
    /// (a global tracer returning a local one that checks a `killed` flag
    /// on every line event), tracing the script from its first frame.
    Guest,
}

impl HookMode {
    /// `none`, `line` or `instruction`.
    pub fn parse(s: &str) -> Option<HookMode> {
        match s {
            "none" => Some(HookMode::None),
            "line" => Some(HookMode::Line),
            "instruction" => Some(HookMode::Instruction),
            "guest" => Some(HookMode::Guest),
            _ => None,
        }
    }
}

/// Events seen, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// `call` events.
    pub calls: u64,
    /// `line` events.
    pub lines: u64,
    /// `return` events.
    pub returns: u64,
    /// `exception` events.
    pub exceptions: u64,
    /// `instruction` events.
    pub instructions: u64,
}

/// The hook: counts into plain fields (what a real hook does at least:
/// look at the event), and hands the totals over when the engine drops it,
/// so the hot path has no atomics or locks the measurement would include.
struct Counting {
    counts: Counts,
    instructions: bool,
    out: Arc<Mutex<Counts>>,
}

impl TraceHook for Counting {
    fn on_event(&mut self, event: &TraceEvent<'_>) -> HookAction {
        let c = &mut self.counts;
        match event.kind {
            TraceKind::Call => c.calls += 1,
            TraceKind::Line => c.lines += 1,
            TraceKind::Return => c.returns += 1,
            TraceKind::Exception => c.exceptions += 1,
            TraceKind::Instruction => c.instructions += 1,
        }
        HookAction::Continue
    }

    fn wants_instructions(&self) -> bool {
        self.instructions
    }
}

impl Drop for Counting {
    fn drop(&mut self) {
        *self.out.lock().unwrap_or_else(|e| e.into_inner()) = self.counts;
    }
}

/// The article's KThread tracer (scripts/bench/cpython/kthread.py) as
/// module-level functions: armed, never fired.
const KTHREAD_TRACER: &str = r#"
killed = False

def globaltrace(frame, why, arg):
    if why == "call":
        return localtrace
    return None

def localtrace(frame, why, arg):
    if killed:
        if why == "line":
            raise SystemExit()
    return localtrace
"#;

/// Runs `source` (named `filename`, with `sys.argv == [filename]`) under
/// `mode`, guest stdout to `stdout`, on a thread of its own as `vm run`
/// does; returns the outcome and the counts (all zero without a hook).
pub fn run(
    source: &str,
    filename: &str,
    mode: HookMode,
    stdout: Output,
) -> Result<(Outcome, Counts), String> {
    let program = killer::compile(source, filename).map_err(|e| e.to_string())?;
    let counts = Arc::new(Mutex::new(Counts::default()));
    let mut builder = Engine::builder().stdout(stdout).argv([filename]);
    if matches!(mode, HookMode::Line | HookMode::Instruction) {
        builder = builder.trace(Counting {
            counts: Counts::default(),
            instructions: mode == HookMode::Instruction,
            out: Arc::clone(&counts),
        });
    }
    let mut engine = builder.build();
    if mode == HookMode::Guest {
        let tracer = killer::compile(KTHREAD_TRACER, "kthread.py").map_err(|e| e.to_string())?;
        if !matches!(engine.run(&tracer), Outcome::Returned(_)) {
            return Err("the guest tracer did not load".into());
        }
        let global = engine
            .vm()
            .get_global("globaltrace")
            .ok_or("no globaltrace")?;
        engine.vm().set_guest_trace_function(global);
    }
    let joined = engine
        .spawn(Arc::new(program))
        .map_err(|e| format!("spawn: {e}"))?
        .join();
    if let Some(mut engine) = joined.engine {
        // Drops the hook, which hands its counts over. The heap stays: the
        // process is about to exit and `vm run` leaves it to the OS too.
        engine.set_trace_hook(None);
        std::mem::forget(engine);
    }
    let counts = *counts.lock().unwrap_or_else(|e| e.into_inner());
    Ok((joined.outcome, counts))
}

#[allow(dead_code)] // The test calls `run`, not `main`.
fn main() {
    let usage = "usage: run_traced --hook line|instruction|guest|none [--counts] FILE";
    let mut mode = None;
    let mut file = None;
    let mut show_counts = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--hook" => mode = args.next().as_deref().and_then(HookMode::parse),
            "--counts" => show_counts = true,
            _ if file.is_none() && !a.starts_with("--") => file = Some(a),
            _ => {
                eprintln!("{usage}");
                std::process::exit(2)
            }
        }
    }
    let (Some(mode), Some(file)) = (mode, file) else {
        eprintln!("{usage}");
        std::process::exit(2)
    };
    let source = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("run_traced: {file}: {e}");
        std::process::exit(2)
    });
    // Buffered as `vm run` buffers a pipe: print-heavy workloads must not
    // pay a write per line here and not there.
    let stdout = Output::Writer(Box::new(std::io::BufWriter::with_capacity(
        1 << 16,
        std::io::stdout(),
    )));
    let (outcome, counts) = run(&source, &file, mode, stdout).unwrap_or_else(|e| {
        eprint!("{e}");
        std::process::exit(1)
    });
    let mut err = std::io::stderr();
    match &outcome {
        Outcome::Exception { traceback, .. } => {
            let _ = err.write_all(traceback.as_bytes());
        }
        Outcome::Exit {
            message: Some(m), ..
        } => {
            let _ = writeln!(err, "{m}");
        }
        Outcome::Panicked { message } => {
            let _ = writeln!(err, "run_traced: internal error: {message}");
        }
        _ => {}
    }
    if show_counts {
        let _ = writeln!(
            err,
            "events: {} call, {} line, {} return, {} exception, {} instruction",
            counts.calls, counts.lines, counts.returns, counts.exceptions, counts.instructions
        );
    }
    std::process::exit(outcome.exit_status(false));
}
