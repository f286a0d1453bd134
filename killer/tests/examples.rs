//! The examples in `killer/examples/`, run as tests: each example's logic
//! is its `run` function, which its `main` only prints.

use std::sync::mpsc;
use std::time::Duration;

use killer::{HostValue, KillReason, Outcome};

#[path = "../examples/coverage.rs"]
mod coverage;
#[path = "../examples/plugin_host.rs"]
mod plugin_host;
#[path = "../examples/stall_watchdog.rs"]
mod stall_watchdog;

/// Fails the test instead of hanging when `f` takes longer than `secs`.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(killer::DEFAULT_STACK_SIZE)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|e| panic!("the example did not finish within {secs} s: {e}"))
}

#[test]
fn plugin_host_kills_only_the_misbehaving_plugins() {
    let reports = within(60, || {
        plugin_host::run(plugin_host::plugins(), Duration::from_millis(100))
    });
    let by_name = |n: &str| reports.iter().find(|r| r.name == n).unwrap();

    let greeter = by_name("greeter");
    assert_eq!(greeter.outcome, Outcome::Returned(HostValue::None));
    assert_eq!(greeter.output, "hello from the greeter\n");
    assert_eq!(greeter.published, vec![("greeting".into(), "hello".into())]);

    let primes = by_name("primes");
    assert_eq!(primes.outcome, Outcome::Returned(HostValue::None));
    assert_eq!(
        primes.published,
        vec![("count".into(), 200.into()), ("last".into(), 1223.into())]
    );

    // Killed at its deadline while asleep; its `finally` ran.
    let napper = by_name("napper");
    assert!(matches!(
        napper.outcome,
        Outcome::Killed {
            reason: KillReason::Deadline,
            hard: false,
            ..
        }
    ));
    assert_eq!(napper.output, "napper: cleaned up\n");
    assert!(napper.elapsed < Duration::from_secs(10));

    // Swallowed the soft kill; the hard kill after the grace stopped it.
    let rogue = by_name("rogue");
    match &rogue.outcome {
        Outcome::Killed {
            reason: KillReason::Deadline,
            hard: true,
            site,
            ..
        } => assert!(matches!(site.last().unwrap().line, 5..=6), "{site:?}"),
        other => panic!("{other:?}"),
    }
    assert!(
        rogue.output.starts_with("rogue: swallowed"),
        "{}",
        rogue.output
    );
    assert!(
        rogue.elapsed >= Duration::from_millis(250),
        "{:?}",
        rogue.elapsed
    );
}

#[test]
fn stall_watchdog_kills_the_stalled_job_where_it_stalled() {
    let report = within(60, || {
        stall_watchdog::run(stall_watchdog::SCRIPT, Duration::from_millis(100))
    });
    assert_eq!(report.progress, 40);
    assert!(report.killed_after_stall.unwrap() >= Duration::from_millis(100));
    match &report.outcome {
        Outcome::Killed {
            reason: KillReason::Host,
            hard: false,
            site,
            ..
        } => assert!(matches!(site.last().unwrap().line, 17..=18), "{site:?}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        report.output,
        "all steps done; waiting for the network...\ncleanup at progress 40\n"
    );

    // A job that keeps moving is left alone, however long it runs.
    let steady = "import time\nfor i in range(30):\n    time.sleep(0.01)\n    progress(i + 1)\n";
    let report = within(60, || {
        stall_watchdog::run(steady, Duration::from_millis(200))
    });
    assert_eq!(report.outcome, Outcome::Returned(HostValue::None));
    assert_eq!(report.killed_after_stall, None);
    assert_eq!(report.progress, 30);
}

#[test]
fn coverage_reports_lines_run_and_missed() {
    let c = within(60, || coverage::run(coverage::SCRIPT, "fizzbuzz.py"));
    assert_eq!(c.outcome, Outcome::Returned(HostValue::None));
    assert_eq!(c.output, "1 2 fizz 4 buzz fizz 7 8 fizz buzz\n");
    // `return "fizzbuzz"`, the body of `unused`, and `print("too many")`.
    assert_eq!(c.missed(), vec![3, 11, 17]);
    assert_eq!(c.hits[&2], 10);
    assert_eq!(c.hits[&5], 3);
    assert!(
        c.report.contains(">>>>>>         return \"fizzbuzz\"\n"),
        "{}",
        c.report
    );
    assert!(
        c.report.contains("    3:         return \"fizz\"\n"),
        "{}",
        c.report
    );
    assert!(
        c.report.ends_with("lines run: 13 of 16 (81%)\n"),
        "{}",
        c.report
    );
}
