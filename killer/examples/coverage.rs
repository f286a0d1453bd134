//! Line coverage with a host trace hook: the hook counts `line` events per
//! line of the script, and the report annotates the source the way
//! `python -m trace --count` does: the hit count before every line that
//! ran, `>>>>>>` before every line with code that never ran.
//!
//! ```sh
//! cargo run -p killer --example coverage            # the bundled script
//! cargo run -p killer --example coverage -- FILE.py # any script
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use killer::{Engine, HookAction, Outcome, Output, TraceKind};

/// A script with a function never called and a branch never taken.
pub const SCRIPT: &str = r#"def classify(n):
    if n % 15 == 0:
        return "fizzbuzz"
    elif n % 3 == 0:
        return "fizz"
    elif n % 5 == 0:
        return "buzz"
    return str(n)

def unused():
    return 42

words = []
for i in range(1, 11):
    words.append(classify(i))
if len(words) > 100:
    print("too many")
print(" ".join(words))
"#;

/// The result of a traced run.
#[derive(Debug)]
pub struct Coverage {
    /// How the run ended.
    pub outcome: Outcome,
    /// `line` events per line.
    pub hits: BTreeMap<u32, u64>,
    /// Lines that have code.
    pub executable: BTreeSet<u32>,
    /// The annotated source.
    pub report: String,
    /// What the script printed.
    pub output: String,
}

impl Coverage {
    /// Lines with code that never ran.
    pub fn missed(&self) -> Vec<u32> {
        self.executable
            .iter()
            .copied()
            .filter(|l| !self.hits.contains_key(l))
            .collect()
    }
}

/// Every line of `code` and of the code nested in it (functions, classes,
/// comprehensions) that has an instruction.
fn code_lines(code: &interp::bytecode::Code, out: &mut BTreeSet<u32>) {
    for pc in 0..code.ops.len() {
        let line = code.line_of(pc);
        if line > 0 {
            out.insert(line);
        }
    }
    for c in &code.consts {
        if let interp::bytecode::Const::Code(inner) = c {
            code_lines(inner, out);
        }
    }
}

/// Runs `source` under a line-counting trace hook and annotates it.
pub fn run(source: &str, filename: &str) -> Coverage {
    let program = killer::compile(source, filename).unwrap_or_else(|e| panic!("{e}"));
    let hits = Arc::new(Mutex::new(BTreeMap::<u32, u64>::new()));
    let sink = Arc::clone(&hits);
    let file = filename.to_string();
    let mut engine = Engine::builder()
        .stdout(Output::Buffer)
        .max_instructions(50_000_000)
        .trace_fn(move |ev| {
            if ev.kind == TraceKind::Line && ev.filename == file {
                *sink.lock().unwrap().entry(ev.line).or_insert(0) += 1;
            }
            HookAction::Continue
        })
        .build();
    let outcome = engine.run(&program);
    let mut executable = BTreeSet::new();
    code_lines(&program.main, &mut executable);
    let hits = std::mem::take(&mut *hits.lock().unwrap());
    let mut report = String::new();
    for (i, text) in source.lines().enumerate() {
        let line = i as u32 + 1;
        let mark = match hits.get(&line) {
            Some(n) => format!("{n:>5}:"),
            None if executable.contains(&line) => ">>>>>>".to_string(),
            None => String::new(),
        };
        report.push_str(&format!("{mark:>6} {text}\n"));
    }
    let total = executable.len();
    let run = executable.iter().filter(|l| hits.contains_key(l)).count();
    report.push_str(&format!(
        "lines run: {run} of {total} ({:.0}%)\n",
        100.0 * run as f64 / total.max(1) as f64
    ));
    Coverage {
        outcome,
        hits,
        executable,
        report,
        output: engine.take_stdout(),
    }
}

#[allow(dead_code)] // The tests call `run`, not `main`.
fn main() {
    let (source, name) = match std::env::args().nth(1) {
        Some(path) => (
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
            path,
        ),
        None => (SCRIPT.to_string(), "fizzbuzz.py".to_string()),
    };
    let c = run(&source, &name);
    print!("{}", c.report);
    if !matches!(c.outcome, Outcome::Returned(_)) {
        println!("{}", c.outcome);
    }
}
