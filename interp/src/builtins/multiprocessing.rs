//! `multiprocessing`: CPython's `Process` API in guest code
//! (`multiprocessing.py`) over the native `_mp` module, which asks the
//! host's [`ProcessHost`](crate::process::ProcessHost) to fork, poll and
//! signal children. The module exists only while the host grants child
//! processes (see `process.rs`); nothing here reaches the operating
//! system itself.

use crate::gc::Gc;
use crate::object::*;
use crate::process::{ChildSignal, Forked};
use crate::value::Value;
use crate::vm::{ExcKind, Vm, VmResult};

use super::threading::{bundled_module, simple_module};
use super::{exactly_one, int_arg, no_kwargs};

/// The template of the `multiprocessing` module (see its docstring).
const MULTIPROCESSING_PY: &str = include_str!("multiprocessing.py");

/// Where CPython 3.11.7's multiprocessing/process.py lives on the machine
/// the goldens were made on; a child's traceback shows this path.
const PROCESS_FILE: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11/multiprocessing/process.py";

/// The `multiprocessing` module.
pub(crate) fn module(vm: &mut Vm) -> VmResult<Gc<Module>> {
    let native = simple_module(
        vm,
        "_mp",
        &[
            ("fork", mp_fork),
            ("poll", mp_poll),
            ("signal", mp_signal),
            ("sleep", super::modules::time_sleep),
            ("_report", mp_report),
            ("_write_stderr", mp_write_stderr),
        ],
    );
    bundled_module(
        vm,
        "multiprocessing",
        MULTIPROCESSING_PY,
        PROCESS_FILE,
        "_mp",
        native,
    )
}

/// `_mp.fork(bootstrap)`: the child's pid in the parent. The child calls
/// `bootstrap()` and exits with the status it returns; it never returns
/// here.
fn mp_fork(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "fork", kw)?;
    let bootstrap = exactly_one(vm, "fork", args)?;
    // Whatever is buffered would otherwise be written by both processes.
    vm.flush();
    let forked = match vm.process_host.as_mut() {
        Some(host) => host.fork(),
        None => Err("starting processes is not allowed here".to_string()),
    };
    match forked {
        Ok(Forked::Parent(pid)) => Ok(Value::Int(pid)),
        Ok(Forked::Child) => vm.run_child(bootstrap),
        Err(msg) => Err(vm.error(ExcKind::OSError, &msg)),
    }
}

fn pid_arg(vm: &mut Vm, name: &str, args: &[Value], n: usize) -> VmResult<i64> {
    if args.len() != n {
        let msg = format!(
            "{name}() takes exactly {n} arguments ({} given)",
            args.len()
        );
        return Err(vm.type_error(&msg));
    }
    int_arg(vm, args[0])
}

/// `_mp.poll(pid)`: the exit code, or `None` while the child runs.
fn mp_poll(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "poll", kw)?;
    let pid = pid_arg(vm, "poll", args, 1)?;
    Ok(match vm.process_host.as_mut().and_then(|h| h.poll(pid)) {
        Some(code) => Value::Int(code),
        None => Value::None,
    })
}

/// `_mp.signal(pid, 15 or 9)`: `terminate()` or `kill()`.
fn mp_signal(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "signal", kw)?;
    let pid = pid_arg(vm, "signal", args, 2)?;
    let sig = match int_arg(vm, args[1])? {
        15 => ChildSignal::Terminate,
        9 => ChildSignal::Kill,
        other => return Err(vm.value_error(&format!("unsupported signal {other}"))),
    };
    if let Some(h) = vm.process_host.as_mut() {
        h.signal(pid, sig);
    }
    Ok(Value::None)
}

/// `_mp._report(name)`: CPython's report of a child's uncaught exception
/// (`Process NAME:` and the traceback of the exception being handled).
fn mp_report(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "_report", kw)?;
    let name = exactly_one(vm, "_report", args)?;
    let name = vm.to_str(name)?;
    let exc = vm.exc_current;
    if !exc.is_none() {
        let text = vm.format_exception(exc);
        vm.write_out(&format!("Process {name}:\n{text}"), true)?;
    }
    Ok(Value::None)
}

fn mp_write_stderr(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "_write_stderr", kw)?;
    let text = exactly_one(vm, "_write_stderr", args)?;
    let text = vm.to_str(text)?;
    vm.write_out(&text, true)?;
    Ok(Value::None)
}

impl Vm {
    /// The child's side of `_mp.fork`: runs `bootstrap()` alone (the other
    /// guest threads do not exist in the child, as after CPython's fork),
    /// with output flushed at every write, and ends the process with the
    /// status it returns (1 if it fails).
    fn run_child(&mut self, bootstrap: Value) -> VmResult<Value> {
        self.unbuffered = true;
        self.forget_other_threads();
        let status = match self.call(bootstrap, &[]) {
            Ok(Value::Int(code)) => i32::try_from(code).unwrap_or(1),
            Ok(_) => 0,
            Err(_) => 1,
        };
        self.flush();
        match self.process_host.as_mut() {
            Some(host) => host.exit_child(status),
            // The fork went through the host, which is still installed:
            // no guest code can remove it.
            None => Err(self.error(ExcKind::SystemError, "the process host disappeared")),
        }
    }

    /// At the end of a run that was not killed: CPython's exit handler of
    /// `multiprocessing` (daemonic children terminated, every child waited
    /// for), if the guest imported it. A kill while waiting ends the run as
    /// that kill; other errors are ignored, like an exit handler's.
    pub(crate) fn join_children_at_exit(&mut self, r: VmResult<Value>) -> VmResult<Value> {
        if self.process_host.is_none() || self.attention.reason().is_some() {
            return r;
        }
        if let Err(e) = &r {
            match **e {
                crate::vm::Unwind::Kill(_) => return r,
                crate::vm::Unwind::Raise(exc) if self.kill_mark(exc).is_some() => return r,
                _ => {}
            }
        }
        let Some(&(_, m)) = self.modules.iter().find(|(n, _)| &**n == "multiprocessing") else {
            return r;
        };
        let sym = self.intern("_exit_function");
        let Some(f) = m.get(sym) else { return r };
        let saved = match &r {
            Ok(v) => *v,
            Err(e) => match **e {
                crate::vm::Unwind::Raise(exc) => exc,
                crate::vm::Unwind::Kill(_) => Value::None,
            },
        };
        self.roots.push(saved);
        let exit = self.call(f, &[]);
        self.roots.pop();
        match exit {
            Err(e) => match *e {
                crate::vm::Unwind::Kill(_) => Err(e),
                crate::vm::Unwind::Raise(exc) if self.kill_mark(exc).is_some() => Err(e),
                _ => r,
            },
            Ok(_) => r,
        }
    }
}
