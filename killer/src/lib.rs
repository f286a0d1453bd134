//! `killer`: everything that stops a VM from outside it, and the API a host
//! application embeds the VM with.
//!
//! - [`Engine`] (built by [`EngineBuilder`]) is one VM set up for a host:
//!   limits (instructions, heap, recursion, output), where output goes,
//!   which modules the guest may import, host functions, a trace hook, a
//!   deadline and a kill policy. It runs a compiled [`Program`] or calls a
//!   guest function, on the calling thread or on a thread of its own
//!   ([`Engine::spawn`] → [`Running`]), and it stays usable after every
//!   [`Outcome`], kills included.
//! - [`KillHandle`] stops a run from any thread: [`kill`](KillHandle::kill)
//!   (soft: `SystemExit`, `finally` blocks run; hard after the grace period
//!   or at a second kill), [`kill_hard`](KillHandle::kill_hard) (no guest
//!   code runs after it), [`raise_exception`](KillHandle::raise_exception)
//!   (any exception, like `PyThreadState_SetAsyncExc`).
//! - The watchdog thread owns every deadline and grace period; the VM never
//!   reads a clock.
//! - [`Outcome`] says how a run ended: returned (with the value), uncaught
//!   exception (with CPython's traceback), `sys.exit`, killed (why, soft or
//!   hard, where it landed); [`cli`] is the `vm` command.
//!
//! The `interp` crate knows nothing about threads or clocks: it exposes an
//! attention word and reacts to it. This crate raises the bits.
//!
//! # Example
//!
//! A script with a deadline, on its own thread, reporting to the host
//! through a host function:
//!
//! ```
//! use std::sync::Arc;
//! use std::time::Duration;
//! use killer::{Engine, KillReason, Outcome, Output};
//!
//! let program = Arc::new(killer::compile(
//!     "n = 0\nwhile True:\n    n += 1\n    if n % 1000 == 0:\n        report(n)\n",
//!     "counter.py",
//! ).unwrap());
//! let engine = Engine::builder()
//!     .deadline(Duration::from_millis(50))
//!     .stdout(Output::Buffer)
//!     .function("report", |_ctx, args| {
//!         let n: i64 = args.get(0)?;
//!         Ok(n > 0)
//!     })
//!     .build();
//! let joined = engine.spawn(program).unwrap().join();
//! match joined.outcome {
//!     Outcome::Killed { reason, hard, .. } => {
//!         assert_eq!(reason, KillReason::Deadline);
//!         assert!(!hard); // SystemExit unwound the loop in time
//!     }
//!     other => panic!("{other}"),
//! }
//! // The same engine runs again; globals of the killed run are readable.
//! let mut engine = joined.engine.unwrap();
//! assert!(engine.global("n").unwrap().as_int().unwrap() > 0);
//! ```

#![warn(missing_docs)]

pub mod cli;
mod engine;
mod handle;
mod isolate;
pub mod outcome;
mod pool;
mod processes;
mod running;
mod signals;
mod watchdog;

pub use engine::{
    Engine, EngineBuilder, EveryInstruction, Output, DEFAULT_GRACE, DEFAULT_INSTRUCTION_GRACE,
    DEFAULT_STACK_SIZE,
};
pub use handle::KillHandle;
pub use outcome::{Limit, Outcome};
pub use processes::{Children, ForkProcesses};
pub use running::{Joined, Running};

pub use interp::{
    compile, Args, Attention, CompileError, FromHost, HookAction, HostCtx, HostError, HostFunction,
    HostValue, KillReason, KillSite, Program, TraceEvent, TraceHook, TraceKind,
};

/// The README's code blocks, compiled and run as doc tests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
