//! `multiprocessing.Process` as real child processes of `vm run`, and what
//! becomes of them when the parent is killed.
//!
//! The programs in `tests/processes/` are compared with what CPython 3.11
//! printed for them (stdout, stderr with the program's directory as
//! `$DIR/`, exit status), like the golden suites; they run through the
//! binary, because a child writes to the process's own stdout, which an
//! in-process run would not see.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{root, script, vm};
use killer::{Engine, Outcome, Output};

fn golden(name: &str) {
    let dir = root().join("killer/tests/processes");
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap();
    let path = dir.join(format!("{name}.py"));
    let r = vm(&["run", &path.display().to_string()]);
    let stderr = r.stderr.replace(&format!("{}/", dir.display()), "$DIR/");
    assert_eq!(r.stdout, read("stdout"), "{name}: stdout");
    assert_eq!(stderr, read("stderr"), "{name}: stderr");
    assert_eq!(
        r.status.to_string(),
        read("status").trim(),
        "{name}: status"
    );
}

#[test]
fn exit_codes_and_uncaught_exceptions_are_cpythons() {
    golden("exits");
}

#[test]
fn terminate_and_kill_give_minus_15_and_minus_9() {
    golden("signals");
}

#[test]
fn subclasses_names_daemons_and_misuse() {
    golden("subclass");
}

#[test]
fn the_parent_waits_for_a_non_daemon_child_at_exit() {
    golden("outlives");
}

/// Whether process `pid` exists (a zombie counts: it has not been reaped).
fn exists(pid: i64) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Pids a run printed as `child PID` lines.
fn child_pids(stdout: &str) -> Vec<i64> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("child "))
        .map(|p| p.trim().parse().unwrap())
        .collect()
}

/// The children must be gone right after the parent: a stopped child is
/// reaped by the parent before it exits, and nothing else would kill it.
fn assert_gone(pids: &[i64]) {
    assert!(!pids.is_empty());
    let until = Instant::now() + Duration::from_secs(2);
    while pids.iter().any(|&p| exists(p)) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(10));
    }
    for &p in pids {
        assert!(!exists(p), "child {p} outlived the killed parent");
    }
}

const SPINNING_CHILDREN: &str = "
import multiprocessing, time
def spin():
    while True:
        pass
for daemon in (False, True):
    p = multiprocessing.Process(target=spin, daemon=daemon)
    p.start()
    print('child', p.pid, flush=True)
time.sleep(30)
";

#[test]
fn a_soft_kill_of_the_parent_terminates_its_children() {
    let s = script("spinning_children.py", SPINNING_CHILDREN);
    let r = vm(&["run", &s, "--kill-after", "300ms"]);
    assert_eq!(r.status, 124, "{}", r.stderr);
    assert!(r.elapsed < Duration::from_secs(5), "{:?}", r.elapsed);
    assert_gone(&child_pids(&r.stdout));
}

#[test]
fn a_hard_kill_of_the_parent_kills_its_children() {
    let s = script("spinning_children_hard.py", SPINNING_CHILDREN);
    let r = vm(&["run", &s, "--kill-after", "300ms", "--grace", "0"]);
    assert_eq!(r.status, 137, "{}", r.stderr);
    assert_gone(&child_pids(&r.stdout));
}

#[test]
fn joined_children_are_reaped_at_once() {
    // While the parent still runs, a joined child is no zombie.
    let s = script(
        "reaped.py",
        "
import multiprocessing, time
ps = [multiprocessing.Process(target=print, args=(i,)) for i in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
    print('child', p.pid, flush=True)
print('exists', flush=True)
time.sleep(0.5)
",
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vm"))
        .args(["run", &s])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut pids = Vec::new();
    let mut line = String::new();
    while std::io::BufRead::read_line(&mut out, &mut line).unwrap() > 0 {
        if line.starts_with("exists") {
            break;
        }
        pids.extend(child_pids(&line));
        line.clear();
    }
    assert_eq!(pids.len(), 3);
    for p in &pids {
        assert!(!exists(*p), "child {p} is a zombie after join()");
    }
    assert!(child.wait().unwrap().success());
}

#[test]
fn child_processes_are_a_grant_of_the_host() {
    let program = killer::compile(
        "import multiprocessing, sys\np = multiprocessing.Process(target=sys.exit, args=(7,))\np.start()\np.join()\nprint(p.exitcode)\n",
        "grant.py",
    )
    .unwrap();
    let mut denied = Engine::builder().stdout(Output::Buffer).build();
    match denied.run(&program) {
        Outcome::Exception {
            type_name, message, ..
        } => {
            assert_eq!(type_name, "ModuleNotFoundError");
            assert_eq!(message, "No module named 'multiprocessing'");
        }
        other => panic!("{other}"),
    }
    let mut granted = Engine::builder()
        .stdout(Output::Buffer)
        .allow_processes(true)
        .build();
    assert!(matches!(granted.run(&program), Outcome::Returned(_)));
    assert_eq!(granted.take_stdout(), "7\n");
    // The module allow-list still applies.
    let mut listed = Engine::builder()
        .allow_processes(true)
        .allow_modules(["sys"])
        .build();
    assert!(matches!(listed.run(&program), Outcome::Exception { .. }));
}

#[test]
fn a_killed_engine_run_stops_its_children() {
    let program = std::sync::Arc::new(
        killer::compile(
            "import multiprocessing, time\ndef spin():\n    while True:\n        pass\np = multiprocessing.Process(target=spin)\np.start()\npid = p.pid\ntime.sleep(30)\n",
            "engine_kill.py",
        )
        .unwrap(),
    );
    let engine = Engine::builder()
        .stdout(Output::Buffer)
        .allow_processes(true)
        .build();
    let running = engine.spawn(program).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    assert!(running.kill());
    let joined = running.join();
    assert!(joined.outcome.is_killed(), "{}", joined.outcome);
    let pid = joined
        .engine
        .unwrap()
        .global("pid")
        .unwrap()
        .as_int()
        .unwrap();
    assert!(!exists(pid), "child {pid} outlived the kill");
}
