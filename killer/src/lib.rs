//! `killer`: everything that stops a VM from outside it. Kill handles
//! ([`KillHandle`]), the watchdog thread that owns deadlines and grace
//! periods, run outcomes and exit statuses ([`Outcome`]), and the `vm`
//! command line.
//!
//! The `interp` crate knows nothing about threads or clocks: it exposes an
//! attention word and reacts to it. This crate raises the bits.

pub mod cli;
mod handle;
pub mod outcome;
mod signals;
mod watchdog;

pub use handle::KillHandle;
pub use outcome::Outcome;
