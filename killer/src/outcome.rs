//! How a run ended (`Outcome`), its exit status (CPython's
//! `parse_exit_code` for `SystemExit`, coreutils `timeout`'s 124 and 137
//! for kills), and the kill report the `vm` command prints.

use std::time::Duration;

use interp::{KillReason, KillSite, Unwind, Value, Vm, VmResult};

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The program ran to its end.
    Finished,
    /// An exception nobody caught.
    Exception {
        /// Its class name (`ZeroDivisionError`).
        type_name: String,
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
        /// Who or what killed it.
        reason: KillReason,
        /// Whether it had to be stopped hard (no guest code ran after).
        hard: bool,
        /// Where the kill landed, outermost frame first.
        site: Vec<KillSite>,
        /// The `SystemExit` traceback of a soft kill that reached the top.
        traceback: Option<String>,
    },
}

impl Outcome {
    /// Classifies a finished run of `vm`.
    pub fn from_result(vm: &mut Vm, result: VmResult<Value>) -> Outcome {
        let att = vm.attention();
        let hard = att.is_hard_killed();
        match result {
            Ok(_) => Outcome::Finished,
            Err(e) => match *e {
                Unwind::Kill(reason) => Outcome::Killed {
                    reason,
                    hard: true,
                    site: vm.kill_site().to_vec(),
                    traceback: None,
                },
                Unwind::Raise(exc) => {
                    if let Some(mark) = vm.kill_mark(exc) {
                        let traceback = vm.format_exception_plain(exc);
                        return Outcome::Killed {
                            reason: mark.reason,
                            hard,
                            site: vm.soft_kill_site().to_vec(),
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
                    Outcome::Exception {
                        type_name,
                        traceback: vm.format_exception(exc),
                    }
                }
            },
        }
    }

    /// The process exit status for this outcome. `deadline_fired` is true
    /// when the run's deadline passed (then a run that ended in the soft
    /// phase exits 124 whatever it did, like coreutils `timeout`).
    pub fn exit_status(&self, deadline_fired: bool) -> i32 {
        match self {
            Outcome::Killed { hard: true, .. } => 137,
            _ if deadline_fired => 124,
            Outcome::Finished => 0,
            Outcome::Exception { type_name, .. } if type_name == "KeyboardInterrupt" => 130,
            Outcome::Exception { .. } => 1,
            Outcome::Exit { status, .. } => *status & 0xff,
            Outcome::Killed { reason, .. } => match reason {
                KillReason::Signal => 143,
                _ => 124,
            },
        }
    }
}

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
