//! `interp`: a compiler and bytecode VM for a strict subset of Python 3,
//! built to be stopped.
//!
//! The pipeline: source text → [`lexer`] (logos tokens plus a layout pass
//! for indentation) → [`parser`] (syntax tree with spans) → [`scope`] (name
//! resolution) → [`compile`] (bytecode with a line table and an exception
//! table) → [`Vm`] (a stack machine whose dispatch loop tests one
//! [`Attention`] word before every instruction).
//!
//! This crate starts no threads and reads no clocks in its loop: kills,
//! deadlines and budgets arrive through the attention word, raised by the
//! `killer` crate or any host. Nor does it reach files, the network, the
//! environment or other processes: child processes (`multiprocessing`)
//! exist only through a [`ProcessHost`] the host installs.

pub mod ast;
pub mod attention;
mod builtins;
pub mod bytecode;
pub mod compile;
pub mod dict;
pub mod format;
pub mod gc;
pub mod host;
pub mod intern;
pub mod lexer;
pub mod object;
mod pages;
pub mod parser;
pub mod process;
pub mod scope;
mod suggest_data;
pub mod trace;
mod traceback;
mod util;
pub mod value;
pub mod vm;

pub use attention::{Attention, KillReason, ThreadRequest};
pub use compile::{compile, CompileError, Program, Source};
pub use host::{Args, FromHost, HostCtx, HostError, HostFunction, HostValue};
pub use process::{ChildSignal, Forked, ProcessHost};
pub use trace::{HookAction, TraceEvent, TraceHook, TraceKind};
pub use value::Value;
pub use vm::{Config, Discarded, ExcKind, KillSite, Unwind, Vm, VmResult};
