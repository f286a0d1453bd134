//! `vm run --isolate process`: the script runs in a child process (this
//! binary again, with the hidden `--isolated-child` flag) and the parent
//! enforces the deadline from outside, as coreutils `timeout` does: at
//! `--kill-after` it sends SIGTERM, which the child turns into the soft
//! kill (`SystemExit`, `finally` blocks run); when the grace period ends a
//! second SIGTERM, which the child turns into the hard kill (and reports
//! where it landed); and if the child is still there shortly after, SIGKILL,
//! which needs no cooperation at all. That last step is what isolation
//! buys: the kill holds even if the script is stuck somewhere no kill check
//! runs (a host function that never polls).
//!
//! Re-executing the binary rather than forking keeps the child a clean
//! process (no copy of the parent's threads and locks). The child inherits
//! stdout and stderr, so its output, tracebacks and kill reports are the
//! in-process ones, and so is its exit status, which the parent returns.
//! The child gets a process group of its own, so a Ctrl-C at the terminal
//! reaches the parent only, which then stops the child the same way as the
//! deadline does; and it dies with the parent (`PR_SET_PDEATHSIG`).

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;

use crate::cli::RunArgs;

/// How long after the second SIGTERM (the child's own hard kill, which
/// normally ends it at once) the parent waits before SIGKILL.
const HARD_KILL_MARGIN: Duration = Duration::from_millis(200);

/// How often the parent looks at the child and the clock.
const TICK: Duration = Duration::from_millis(1);

/// Runs `args` in a child process and returns its exit status.
pub(crate) fn run(args: &RunArgs) -> i32 {
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("vm: cannot find the vm binary to isolate the script: {e}");
            return 70;
        }
    };
    let mut cmd = Command::new(exe);
    cmd.arg("run")
        .arg(&args.file)
        .arg("--isolated-child")
        .arg("--grace")
        .arg(args.grace.as_secs_f64().to_string());
    if args.no_catch {
        cmd.arg("--no-catch");
    }
    let limits = [
        (
            "--max-instructions",
            args.max_instructions.map(|n| n as u128),
        ),
        ("--max-memory", args.max_memory.map(|n| n as u128)),
        ("--max-recursion", args.max_recursion.map(|n| n as u128)),
        ("--max-output", args.max_output.map(|n| n as u128)),
    ];
    for (flag, value) in limits {
        if let Some(v) = value {
            cmd.arg(flag).arg(v.to_string());
        }
    }
    cmd.arg("--").args(&args.args).process_group(0);
    // SAFETY: `prctl` is async-signal-safe, as code between fork and exec
    // must be.
    unsafe {
        cmd.pre_exec(|| {
            let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGKILL);
            Ok(())
        });
    }
    let started = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("vm: cannot start the isolated process: {e}");
            return 70;
        }
    };
    let pid = Pid::from_raw(child.id() as i32);
    let stop = Arc::new(AtomicBool::new(false));
    let s = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || s.store(true, Ordering::Release));

    let mut term_at = args.kill_after.map(|d| started + d);
    let mut second_term_at = None;
    let mut sigkill_at = None;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => {
                eprintln!("vm: lost the isolated process: {e}");
                return 70;
            }
        }
        let now = Instant::now();
        if stop.load(Ordering::Acquire) && second_term_at.is_none() {
            term_at = Some(now);
        }
        if term_at.is_some_and(|t| now >= t) && second_term_at.is_none() {
            let _ = signal::kill(pid, Signal::SIGTERM);
            second_term_at = Some(now + args.grace);
        }
        if second_term_at.is_some_and(|t| now >= t) && sigkill_at.is_none() {
            let _ = signal::kill(pid, Signal::SIGTERM);
            sigkill_at = Some(now + HARD_KILL_MARGIN);
        }
        if sigkill_at.is_some_and(|t| now >= t) {
            let _ = signal::kill(pid, Signal::SIGKILL);
        }
        std::thread::sleep(TICK);
    };
    match (status.code(), status.signal()) {
        (Some(code), _) => code,
        (None, Some(sig)) if sig == Signal::SIGKILL as i32 && sigkill_at.is_some() => {
            eprintln!(
                "vm: killed hard after {:.3}s: deadline exceeded; the isolated process \
                 did not stop within the grace period and was sent SIGKILL",
                started.elapsed().as_secs_f64()
            );
            137
        }
        (None, Some(sig)) => 128 + sig,
        (None, None) => 70,
    }
}
