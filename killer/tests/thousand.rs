//! 1,000 VMs on 1,000 threads, all killed at once: every run ends, every
//! thread is joined, and the process's heap is back to where it was.
//!
//! Memory is measured with a counting global allocator (this file is its
//! own test binary, with this one test, so nothing else allocates
//! meanwhile). A first round warms up what the process allocates once and
//! keeps (the watchdog thread and its timer heap, leaked host function
//! names, thread-local storage, the idle threads the pool keeps); the
//! second round must then leave nothing behind.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use killer::{Engine, KillReason, Outcome, Output};

struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static FREED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator; the counters are plain atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        FREED.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            FREED.fetch_add(layout.size(), Ordering::Relaxed);
            ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated and not yet freed.
fn live() -> isize {
    // Freed first: a racing allocation then only makes the figure larger.
    let freed = FREED.load(Ordering::SeqCst) as isize;
    ALLOCATED.load(Ordering::SeqCst) as isize - freed
}

/// What the VMs run: busy loops, guest sleeps, and host functions that
/// sleep (polling for the kill), so the kill lands in every kind of place.
const SCRIPTS: [&str; 3] = [
    "started()\ntry:\n    n = 0\n    while True:\n        n += 1\nfinally:\n    stopped()\n",
    "import time\nstarted()\ntry:\n    time.sleep(600)\nfinally:\n    stopped()\n",
    "started()\ntry:\n    wait()\nfinally:\n    stopped()\n",
];

/// Spawns `n` VMs, waits until each is running its script, kills them all
/// at once, joins them all; returns (wall time of the kill-and-join, the
/// largest number of bytes live while they ran).
fn round(n: usize) -> (Duration, isize) {
    let programs: Vec<_> = SCRIPTS
        .iter()
        .map(|s| Arc::new(killer::compile(s, "vm.py").unwrap()))
        .collect();
    let started = Arc::new(AtomicUsize::new(0));
    let stopped = Arc::new(AtomicUsize::new(0));
    let mut running = Vec::with_capacity(n);
    for i in 0..n {
        let (s, t) = (Arc::clone(&started), Arc::clone(&stopped));
        let engine = Engine::builder()
            .stdout(Output::Discard)
            .stderr(Output::Discard)
            // Generous: on a loaded machine a thousand threads take a while
            // to get scheduled, and a hard kill here would be a false alarm.
            .grace(Duration::from_secs(60))
            .function("started", move |_ctx, _args| {
                s.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
            .function("stopped", move |_ctx, _args| {
                t.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
            .function("wait", |ctx, _args| {
                ctx.sleep(Duration::from_secs(600))?;
                Ok(())
            })
            .build();
        // Busy loops last, and only one VM in twenty: hundreds of spinning
        // threads would starve the spawning of the rest on a small machine.
        let script = if i >= n - n / 20 { 0 } else { 1 + i % 2 };
        let program = Arc::clone(&programs[script]);
        running.push(engine.spawn(program).expect("spawn a VM thread"));
    }
    let t0 = Instant::now();
    while started.load(Ordering::SeqCst) < n {
        assert!(
            t0.elapsed() < Duration::from_secs(120),
            "only {} of {n} VMs started",
            started.load(Ordering::SeqCst)
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let peak = live();
    let t = Instant::now();
    for r in &running {
        assert!(r.kill(), "a run ended before it was killed");
    }
    for r in running {
        let joined = match r.join_timeout(Duration::from_secs(120)) {
            Ok(j) => j,
            Err(_) => panic!("a killed VM did not end within 120 s"),
        };
        match joined.outcome {
            Outcome::Killed { reason, hard, .. } => {
                assert_eq!(reason, KillReason::Host);
                assert!(!hard, "the soft kill should have been enough");
            }
            other => panic!("{other:?}"),
        }
        drop(joined.engine);
    }
    let elapsed = t.elapsed();
    // Every `finally` ran: the kills were soft, and all of them landed.
    assert_eq!(stopped.load(Ordering::SeqCst), n);
    (elapsed, peak)
}

/// Live-heap difference tolerated between the rounds.
const TOLERANCE: isize = 64 << 10;

#[test]
fn thousand_vms_on_thousand_threads_killed_at_once_leave_no_memory_behind() {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // Warm-up at full size: one-time allocations (the watchdog's timer
        // heap grows to 1,000 grace timers and keeps its capacity).
        round(1000);
        let baseline = live();
        let (elapsed, peak) = round(1000);
        // The runs are over, but the threads the pool does not keep exit
        // on their own after handing their results over: give them time.
        let settled = Instant::now();
        let mut after = live();
        while (after - baseline).abs() >= TOLERANCE && settled.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
            after = live();
        }
        let _ = tx.send((baseline, peak, after, elapsed));
    });
    let (baseline, peak, after, elapsed) = rx
        .recv_timeout(Duration::from_secs(600))
        .expect("the 1,000-VM rounds did not finish within 600 s");
    eprintln!(
        "1,000 VMs: killed and joined in {elapsed:?}; live heap: baseline {baseline} B, \
         {} MB while running, {after} B after ({:+} B)",
        (peak - baseline) / 1_000_000,
        after - baseline
    );
    assert!(
        peak - baseline > 1000 * 10_000,
        "the measurement saw no VM memory at all"
    );
    assert!(
        (after - baseline).abs() < TOLERANCE,
        "{} bytes not returned after 1,000 VMs were killed (baseline {baseline}, after {after})",
        after - baseline
    );
}
