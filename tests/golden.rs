//! Differential tests against CPython 3.11: every program under
//! `tests/golden/<suite>/` runs through the same path as `vm run` (compile,
//! run with a deadline, report), and its stdout, stderr and exit status
//! must equal the goldens CPython produced (`tests/golden/regen.py`).
//!
//! One trial per program, so a failure names it. Each trial runs on its
//! own thread with the `vm` command's stack size and a 20 s deadline, so a
//! VM bug that loops forever fails the trial instead of hanging the suite.
//! Set `GOLDEN_TRACE=1` to run every program with a no-op host trace hook
//! installed, which sends every instruction through the attention slow
//! path (it must not change any output).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn programs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n != "_lib") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "py")
                && p.file_name().is_some_and(|n| n != "regen.py")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Runs one program like `vm run` and returns (stdout, stderr, status),
/// with the program's directory replaced by `$DIR/` in stderr.
fn run(path: &Path) -> (String, String, i32) {
    let text = std::fs::read_to_string(path).expect("program is UTF-8");
    let dir = path.parent().unwrap().canonicalize().unwrap();
    let abs = dir.join(path.file_name().unwrap());
    let shown = abs.display().to_string();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let out = Buf::default();
    let err = Buf::default();
    let (o, e) = (out.clone(), err.clone());
    let opts = killer::cli::RunOptions {
        kill_after: Some(Duration::from_secs(20)),
        grace: Duration::from_secs(1),
        no_catch: false,
        ..Default::default()
    };
    let status = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            killer::cli::run_source(
                &text,
                &shown,
                vec![name],
                &opts,
                Box::new(o),
                Box::new(e),
                false,
            )
        })
        .unwrap()
        .join()
        .unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.0.lock().unwrap()).to_string();
    let stderr = String::from_utf8_lossy(&err.0.lock().unwrap()).to_string();
    let stderr = stderr.replace(&format!("{}/", dir.display()), "$DIR/");
    (stdout, stderr, status)
}

fn check(path: &Path) -> Result<(), Failed> {
    let read = |ext: &str| std::fs::read_to_string(path.with_extension(ext)).unwrap_or_default();
    let (want_out, want_err) = (read("stdout"), read("stderr"));
    let want_status: i32 = read("status").trim().parse().unwrap_or(-999);
    let (out, err, status) = run(path);
    let mut problems = Vec::new();
    if out != want_out {
        problems.push(format!("stdout differs:\n{}", diff(&want_out, &out)));
    }
    if err != want_err {
        problems.push(format!("stderr differs:\n{}", diff(&want_err, &err)));
    }
    if status != want_status {
        problems.push(format!("exit status: want {want_status}, got {status}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// A small line diff: the first differing line with context.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let mut s = String::new();
    let from = first.saturating_sub(2);
    for i in from..(first + 4).min(w.len().max(g.len())) {
        let a = w.get(i).copied().unwrap_or("<none>");
        let b = g.get(i).copied().unwrap_or("<none>");
        if a == b {
            s.push_str(&format!("    {a}\n"));
        } else {
            s.push_str(&format!("  - {a}\n  + {b}\n"));
        }
    }
    s
}

/// The suites: one per language tier (`threads/` is guest threads,
/// `sys.settrace`, `ctypes` and `multiprocessing`), plus `bench/`, which
/// links the workloads of `scripts/bench/` so every speed figure is of a
/// program whose output matches CPython's.
const SUITES: &[&str] = &["core", "syntax", "objects", "threads", "bench"];

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let trials = programs(&root)
        .into_iter()
        .filter(|p| {
            let suite = p.strip_prefix(&root).unwrap().components().next();
            suite.is_some_and(|s| SUITES.iter().any(|x| s.as_os_str() == *x))
        })
        .map(|p| {
            let name = p
                .strip_prefix(&root)
                .unwrap()
                .with_extension("")
                .display()
                .to_string();
            Trial::test(name, move || check(&p))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
