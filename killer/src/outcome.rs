//! How a run ended (`Outcome`), its exit status (CPython's
//! `parse_exit_code` for `SystemExit`, coreutils `timeout`'s 124 and 137
//! for kills), and the kill report the `vm` command prints.

use std::fmt;
use std::time::Duration;

use interp::{HostValue, KillReason, KillSite, Unwind, Value, Vm, VmResult};

/// How a run (a program, or a call of a guest function) ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The program ran to its end (the value is `None`), or the called
    /// function returned this value.
    Returned(HostValue),
    /// An exception nobody caught.
    Exception {
        /// Its class name (`ZeroDivisionError`).
        type_name: String,
        /// `str()` of the exception (`division by zero`).
        message: String,
        /// CPython's complete report (`Traceback (most recent call last):`...).
        traceback: String,
    },
    /// `SystemExit` reached the top (`sys.exit`).
    Exit {
        /// The exit status.
        status: i32,
        /// Text CPython prints for a non-int code (`sys.exit("bye")`).
        message: Option<String>,
    },
    /// The host stopped the run.
    Killed {
        /// Who or what killed it: the host, the deadline, the instruction
        /// budget, a signal. The first kill of a run names the reason.
        reason: KillReason,
        /// Whether it had to be stopped hard (no guest code ran after).
        /// `false`: the kill's `SystemExit` unwound the guest, `finally`
        /// blocks ran, and it reached the top.
        hard: bool,
        /// Where the kill landed, outermost frame first.
        site: Vec<KillSite>,
        /// The `SystemExit` traceback of a soft kill that reached the top.
        traceback: Option<String>,
    },
    /// The thread running the VM panicked: a bug in the VM or in a host
    /// callback outside any host function (panics inside host functions
    /// become guest `RuntimeError`s), never something a guest can cause.
    Panicked {
        /// The panic message.
        message: String,
    },
}

/// A limit set with [`EngineBuilder`](crate::EngineBuilder) that a run
/// breached (see [`Outcome::limit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// The instruction budget: the run was killed with
    /// [`KillReason::Budget`].
    Instructions,
    /// The heap limit: `MemoryError: heap limit of N bytes exceeded`.
    Heap,
    /// The recursion limit: `RecursionError: maximum recursion depth
    /// exceeded`.
    Recursion,
    /// The output limit: `OSError: output limit of N bytes exceeded`.
    Output,
}

impl Outcome {
    /// Classifies the result of a run or call of `vm`. Call it at once:
    /// `result` holds guest values that are only valid until the VM runs
    /// another instruction.
    pub fn from_result(vm: &mut Vm, result: VmResult<Value>) -> Outcome {
        match result {
            Ok(v) => Outcome::Returned(vm.to_host(v)),
            Err(e) => match *e {
                Unwind::Kill(reason) => Outcome::Killed {
                    reason,
                    hard: true,
                    site: vm.kill_site(),
                    traceback: None,
                },
                // Formatting may run guest code (`__str__`): keep the
                // exception rooted meanwhile.
                Unwind::Raise(exc) => vm.with_root(exc, |vm| Outcome::from_exception(vm, exc)),
            },
        }
    }

    fn from_exception(vm: &mut Vm, exc: Value) -> Outcome {
        if let Some(mark) = vm.kill_mark(exc) {
            let traceback = vm.format_exception_plain(exc);
            return Outcome::Killed {
                reason: mark.reason,
                // The soft kill's `SystemExit` reached the top: the guest
                // ended in the soft phase, whatever the word says now.
                hard: false,
                site: vm.soft_kill_site(),
                traceback: Some(traceback),
            };
        }
        if vm.exc_is(exc, interp::ExcKind::SystemExit) {
            let code = vm.system_exit_code(exc);
            return match code {
                Value::None => Outcome::Exit {
                    status: 0,
                    message: None,
                },
                Value::Int(i) => Outcome::Exit {
                    status: i as i32,
                    message: None,
                },
                Value::Bool(b) => Outcome::Exit {
                    status: b as i32,
                    message: None,
                },
                other => {
                    let text = vm.to_str(other).unwrap_or_default();
                    Outcome::Exit {
                        status: 1,
                        message: Some(text),
                    }
                }
            };
        }
        let type_name = match exc {
            Value::Instance(i) => i.class.name.to_string(),
            _ => String::new(),
        };
        let message = vm.exception_str(exc).unwrap_or_default();
        Outcome::Exception {
            type_name,
            message,
            traceback: vm.format_exception(exc),
        }
    }

    /// The process exit status for this outcome. `deadline_fired` is true
    /// when the run's deadline passed (then a run that ended in the soft
    /// phase exits 124 whatever it did, like coreutils `timeout`).
    pub fn exit_status(&self, deadline_fired: bool) -> i32 {
        match self {
            Outcome::Killed { hard: true, .. } => 137,
            Outcome::Panicked { .. } => 70,
            _ if deadline_fired => 124,
            Outcome::Returned(_) => 0,
            Outcome::Exception { type_name, .. } if type_name == "KeyboardInterrupt" => 130,
            Outcome::Exception { .. } => 1,
            Outcome::Exit { status, .. } => *status & 0xff,
            Outcome::Killed { reason, .. } => match reason {
                KillReason::Signal => 143,
                _ => 124,
            },
        }
    }

    /// The returned value, if the run returned.
    pub fn value(&self) -> Option<&HostValue> {
        match self {
            Outcome::Returned(v) => Some(v),
            _ => None,
        }
    }

    /// The returned value, or the whole outcome as the error (it
    /// implements `std::error::Error`, so `?` works).
    pub fn into_result(self) -> Result<HostValue, Outcome> {
        match self {
            Outcome::Returned(v) => Ok(v),
            other => Err(other),
        }
    }

    /// Whether the host stopped the run.
    pub fn is_killed(&self) -> bool {
        matches!(self, Outcome::Killed { .. })
    }

    /// Why the host stopped the run, if it did.
    pub fn kill_reason(&self) -> Option<KillReason> {
        match self {
            Outcome::Killed { reason, .. } => Some(*reason),
            _ => None,
        }
    }

    /// The limit this run breached, if it ended because of one: a budget
    /// kill, or an uncaught `MemoryError`, `RecursionError` or output
    /// `OSError` raised by a limit. (A guest that raises such an exception
    /// itself with the same message is reported the same way.)
    pub fn limit(&self) -> Option<Limit> {
        match self {
            Outcome::Killed {
                reason: KillReason::Budget,
                ..
            } => Some(Limit::Instructions),
            Outcome::Exception {
                type_name, message, ..
            } => match type_name.as_str() {
                "MemoryError" if message.starts_with("heap limit of ") => Some(Limit::Heap),
                "RecursionError" if message.starts_with("maximum recursion depth exceeded") => {
                    Some(Limit::Recursion)
                }
                "OSError" if message.starts_with("output limit of ") => Some(Limit::Output),
                _ => None,
            },
            _ => None,
        }
    }
}

/// One line for returns, exits and kills; the traceback for exceptions.
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Returned(v) => write!(f, "returned {v}"),
            Outcome::Exception { traceback, .. } => f.write_str(traceback.trim_end()),
            Outcome::Exit { status, message } => {
                write!(f, "exited with status {status}")?;
                match message {
                    Some(m) => write!(f, ": {m}"),
                    None => Ok(()),
                }
            }
            Outcome::Killed {
                reason, hard, site, ..
            } => {
                let how = if *hard { "killed hard" } else { "killed" };
                write!(f, "{how}: {}", reason.describe())?;
                if let Some(s) = site.last() {
                    write!(f, " (at {}, line {}, in {})", s.filename, s.line, s.name)?;
                }
                Ok(())
            }
            Outcome::Panicked { message } => write!(f, "the VM thread panicked: {message}"),
        }
    }
}

impl std::error::Error for Outcome {}

/// Formats kill-site frames like a traceback.
pub fn format_sites(site: &[KillSite]) -> String {
    let mut out = String::new();
    for s in site {
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            s.filename, s.line, s.name
        ));
        if let Some(src) = &s.source {
            if !src.is_empty() {
                out.push_str(&format!("    {src}\n"));
            }
        }
    }
    out
}

/// The report `vm run` prints to stderr when a run was killed.
pub fn kill_report(
    reason: KillReason,
    hard: bool,
    elapsed: Duration,
    grace: Option<Duration>,
    site: &[KillSite],
    soft_site: &[KillSite],
    traceback: Option<&str>,
) -> String {
    let mut out = String::new();
    let secs = elapsed.as_secs_f64();
    let why = reason.describe();
    if hard {
        let how = match grace {
            Some(g) if !g.is_zero() => format!(
                "the guest was still running when the {} grace period ended",
                humantime::format_duration(g)
            ),
            _ => "no grace period".to_string(),
        };
        out.push_str(&format!(
            "vm: killed hard after {secs:.3}s: {why} ({how}); no guest code ran after the kill\n"
        ));
        if !site.is_empty() {
            out.push_str("Kill landed at (most recent call last):\n");
            out.push_str(&format_sites(site));
        }
    } else {
        out.push_str(&format!(
            "vm: killed after {secs:.3}s: {why}; SystemExit was raised in the guest and it ended during the grace period\n"
        ));
        match traceback {
            Some(tb) => out.push_str(tb),
            None => {
                if !soft_site.is_empty() {
                    out.push_str("Kill landed at (most recent call last):\n");
                    out.push_str(&format_sites(soft_site));
                    out.push_str("SystemExit (caught by the guest)\n");
                }
            }
        }
    }
    out
}
