//! Host trace hooks: a Rust callback that sees `call`, `line`, `return` and
//! `exception` events (and, opt-in, every instruction) and can let the
//! guest continue, raise an exception in it, or kill it. Installing a hook
//! raises the level-triggered `Attention::TRACE` bit, so with no hook the
//! dispatch loop pays nothing beyond its attention check.

use crate::attention::KillReason;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceKind {
    /// A frame was entered (before its first instruction).
    Call,
    /// A new source line is about to run (or a loop jumped back).
    Line,
    /// A frame is about to return.
    Return,
    /// An exception is passing through a frame.
    Exception,
    /// Any instruction is about to run (only when the hook asks for it).
    Instruction,
}

/// One event with its code location.
#[derive(Debug, Clone, Copy)]
pub struct TraceEvent<'a> {
    /// What happened.
    pub kind: TraceKind,
    /// File name of the code.
    pub filename: &'a str,
    /// Function name (`<module>` for module code).
    pub function: &'a str,
    /// Source line.
    pub line: u32,
    /// Instruction index within the code object.
    pub pc: u32,
    /// Frame depth (1 for the module).
    pub depth: usize,
    /// The exception class name, for `Exception` events.
    pub exception: Option<&'a str>,
}

/// What the hook wants the VM to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HookAction {
    /// Keep running.
    Continue,
    /// Raise an exception of the named builtin class (e.g. `"RuntimeError"`)
    /// with this message, at this point of the guest.
    Raise(String, String),
    /// Kill the run (soft: `SystemExit` that `finally` blocks see).
    Kill(KillReason),
    /// Kill the run hard: nothing more of the guest runs.
    KillHard(KillReason),
}

/// A host trace callback.
pub trait TraceHook: Send {
    /// Called for each event.
    fn on_event(&mut self, event: &TraceEvent<'_>) -> HookAction;

    /// Whether the hook wants `Instruction` events (off by default: they
    /// cost a callback per instruction).
    fn wants_instructions(&self) -> bool {
        false
    }
}

impl<F> TraceHook for F
where
    F: FnMut(&TraceEvent<'_>) -> HookAction + Send,
{
    fn on_event(&mut self, event: &TraceEvent<'_>) -> HookAction {
        self(event)
    }
}
