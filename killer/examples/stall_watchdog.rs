//! A watchdog for stalled scripts. The script reports its progress through
//! the host function `progress(done)`; the host remembers when progress
//! last advanced and kills the run once it has not for `stall`. A deadline
//! would have to allow for the slowest honest run; a stall watchdog lets a
//! long job run as long as it keeps moving.
//!
//! ```sh
//! cargo run -p killer --example stall_watchdog
//! ```

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use killer::{Engine, Outcome, Output};

/// A job that makes progress for a while, then waits forever for a flag
/// nobody sets.
pub const SCRIPT: &str = r#"
def step(i):
    total = 0
    for j in range(3000):
        total += i * j
    return total

done = 0
for i in range(40):
    step(i)
    done += 1
    progress(done)

print('all steps done; waiting for the network...')
ready = False
try:
    while not ready:
        pass
finally:
    print('cleanup at progress', done)
"#;

/// What happened.
#[derive(Debug)]
pub struct Report {
    /// How the run ended.
    pub outcome: Outcome,
    /// The last progress the script reported.
    pub progress: i64,
    /// How long progress had stalled when the watchdog killed the run
    /// (`None`: it never had to).
    pub killed_after_stall: Option<Duration>,
    /// What the script printed.
    pub output: String,
}

/// Runs `source`, killing it once `progress()` has not advanced for
/// `stall`.
pub fn run(source: &str, stall: Duration) -> Report {
    // (last progress, when it last advanced)
    let state = Arc::new(Mutex::new((0i64, Instant::now())));
    let sink = Arc::clone(&state);
    let engine = Engine::builder()
        .stdout(Output::Buffer)
        .grace(Duration::from_millis(500))
        .function("progress", move |_ctx, args| {
            let done: i64 = args.get(0)?;
            let mut s = sink.lock().unwrap();
            if done > s.0 {
                *s = (done, Instant::now());
            }
            Ok(())
        })
        .build();
    let program = Arc::new(killer::compile(source, "job.py").expect("the job compiles"));
    *state.lock().unwrap() = (0, Instant::now());
    let mut running = engine.spawn(program).expect("spawn the job");
    let mut killed_after_stall = None;
    let joined = loop {
        match running.join_timeout(Duration::from_millis(5)) {
            Ok(joined) => break joined,
            Err(still) => running = still,
        }
        let stalled = state.lock().unwrap().1.elapsed();
        if killed_after_stall.is_none() && stalled >= stall {
            // Once: a second kill would make it hard at once, and the
            // script's `finally` deserves its grace period.
            running.kill();
            killed_after_stall = Some(stalled);
        }
    };
    let output = joined
        .engine
        .map(|mut e| e.take_stdout())
        .unwrap_or_default();
    let progress = state.lock().unwrap().0;
    Report {
        outcome: joined.outcome,
        progress,
        killed_after_stall,
        output,
    }
}

#[allow(dead_code)] // The tests call `run`, not `main`.
fn main() {
    let r = run(SCRIPT, Duration::from_millis(100));
    print!("{}", r.output);
    println!("progress reached {}", r.progress);
    if let Some(s) = r.killed_after_stall {
        println!("killed after {s:.0?} without progress");
    }
    if let Outcome::Killed { site, .. } = &r.outcome {
        print!("{}", killer::outcome::format_sites(site));
    }
    println!("{}", r.outcome);
}
