//! The article's four samples (`scripts/article/`, byte for byte) under
//! `vm run`: their output as `../shared/article/README.md` describes it,
//! with the timing-dependent variations CPython shows too, and their wall
//! time.

mod common;

use std::time::Duration;

use common::vm;

fn run(name: &str) -> common::Run {
    let r = vm(&["run", &format!("scripts/article/{name}")]);
    assert_eq!(r.status, 0, "{name}: {}", r.stderr);
    assert_eq!(r.stderr, "", "{name}");
    r
}

/// `first` ... `last` counting up, where the last number may be one more
/// (a line that sneaks in at the timing boundary).
fn counts_up(lines: &[&str], first: i64, last: i64) {
    let n = lines.len() as i64;
    assert!(
        n == last - first + 1 || n == last - first + 2,
        "{lines:?}: expected {first}..={last} (or one more)"
    );
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(*l, (first + i as i64).to_string(), "{lines:?}");
    }
}

#[test]
fn method_1_exit_flag() {
    let r = run("method1_exit_flag.py");
    let lines: Vec<&str> = r.stdout.lines().collect();
    let done = lines
        .iter()
        .position(|l| *l == "Done sleeping! Time to stop the threads.")
        .expect("the main thread's line");
    assert!(done > 10, "the thread ran for 0.1 s: {done} lines");
    assert_eq!(lines.last(), Some(&"THREAD TERMINATED!"));
    // The thread may print a few more lines before it sees the flag.
    for l in lines[..lines.len() - 1]
        .iter()
        .filter(|l| **l != lines[done])
    {
        assert_eq!(*l, "THREAD STILL RUNNING!");
    }
    assert!(lines.len() - done - 2 <= 3, "{:?}", &lines[done..]);
}

#[test]
fn method_2_multiprocessing() {
    let r = run("method2_multiprocessing.py");
    let lines: Vec<&str> = r.stdout.lines().collect();
    let (last, child) = lines.split_last().unwrap();
    assert_eq!(*last, "Child Process successfully terminated");
    // Ten lines in 0.5 s on a quiet machine; on a loaded one the child may
    // start late, or the parent wake late (the count wraps at 20).
    assert!((3..=20).contains(&child.len()), "{lines:?}");
    for (i, l) in child.iter().enumerate() {
        assert_eq!(*l, format!("Process:  {i}"));
    }
}

#[test]
fn method_3_settrace_kill() {
    let r = run("method3_trace.py");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "Function started");
    assert!(!r.stdout.contains("Function finished"));
    counts_up(&lines[1..], 1, 5);
    assert!(
        r.elapsed < Duration::from_millis(1300),
        "method 3 took {:?}",
        r.elapsed
    );
}

#[test]
fn method_4_async_exception() {
    let r = run("method4_async_exc.py");
    let lines: Vec<&str> = r.stdout.lines().collect();
    let (last, numbers) = lines.split_last().unwrap();
    assert_eq!(*last, "TERMINATING!!!");
    counts_up(numbers, 0, 5);
    assert!(
        r.elapsed < Duration::from_millis(800),
        "method 4 took {:?}",
        r.elapsed
    );
}
