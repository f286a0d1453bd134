//! Ctrl-C and SIGTERM for the `vm` command: the first signal raises
//! `KeyboardInterrupt` in the guest, the second kills it softly, the third
//! hard. The handler runs on `ctrlc`'s own thread and only raises bits.
//! The child of `vm run --isolate process` reads signals differently: its
//! parent enforces the deadline with SIGTERM, so the first signal is the
//! deadline's kill and the second a hard one.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::handle::KillHandle;

/// Installs the handler for this process (once; later calls are ignored).
pub(crate) fn install(handle: KillHandle) {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let _ = ctrlc::set_handler(move || {
        match COUNT.fetch_add(1, Ordering::AcqRel) {
            0 => handle.interrupt(),
            1 => handle.kill_for(interp::KillReason::Signal),
            _ => handle.kill_hard_for(interp::KillReason::Signal),
        };
    });
}

/// Installs the handler of the child of `--isolate process` (once).
pub(crate) fn install_isolated(handle: KillHandle) {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let _ = ctrlc::set_handler(move || {
        match COUNT.fetch_add(1, Ordering::AcqRel) {
            0 => handle.kill_for(interp::KillReason::Deadline),
            _ => handle.kill_hard_for(interp::KillReason::Deadline),
        };
    });
}
