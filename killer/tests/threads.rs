//! Kills and guest threads: a kill of the VM lands in every guest thread
//! (each runs its own `finally` blocks; a hard kill runs none), a kill or
//! an exception aimed at one thread lands in that thread only, and every
//! blocking call (`time.sleep`, `join`, `Event.wait`, `Lock.acquire`) wakes
//! at once. Every test runs under a watchdog.

use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use killer::{Engine, HostError, HostValue, KillReason, Outcome, Output, Program};

fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(killer::DEFAULT_STACK_SIZE)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("the test did not finish within {secs} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the test thread panicked"),
    }
}

fn hard(o: &Outcome) -> bool {
    matches!(o, Outcome::Killed { hard: true, .. })
}

fn program(src: &str) -> Arc<Program> {
    Arc::new(killer::compile(src, "threads.py").unwrap_or_else(|e| panic!("{e}")))
}

/// An engine whose guest calls `report(x)` to send `x` to the test.
fn engine_with_report() -> (Engine, mpsc::Receiver<HostValue>) {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let engine = Engine::builder()
        .stdout(Output::Buffer)
        .stderr(Output::Buffer)
        .function("report", move |_ctx, args| {
            let v: HostValue = args.get(0)?;
            tx.lock()
                .unwrap()
                .send(v)
                .map_err(|_| HostError::runtime_error("the test is gone"))?;
            Ok(())
        })
        .build();
    (engine, rx)
}

fn recv(rx: &mpsc::Receiver<HostValue>) -> HostValue {
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the guest did not report within 10 s")
}

/// Threads that sleep, spin, wait on an event and on a lock, and a main
/// thread blocked in `join`; each reports when it is in place.
const FOUR_WAYS: &str = r#"
import threading, time

ev = threading.Event()
lock = threading.Lock()
lock.acquire()

def sleeper():
    try:
        report("sleeper")
        time.sleep(30)
    finally:
        print("finally sleeper")

def spinner():
    try:
        report("spinner")
        while True:
            pass
    finally:
        print("finally spinner")

def waiter():
    try:
        report("waiter")
        ev.wait()
    finally:
        print("finally waiter")

def locker():
    try:
        report("locker")
        lock.acquire()
    finally:
        print("finally locker")

threads = [threading.Thread(target=f) for f in (sleeper, spinner, waiter, locker)]
for t in threads:
    t.start()
try:
    report("main")
    threads[0].join()
finally:
    print("finally main")
"#;

fn wait_for_all(rx: &mpsc::Receiver<HostValue>, n: usize) {
    for _ in 0..n {
        recv(rx);
    }
    // Let every thread get into its blocking call or loop.
    std::thread::sleep(Duration::from_millis(50));
}

#[test]
fn a_soft_kill_lands_in_every_thread_and_each_finally_runs_once() {
    within(30, || {
        let (engine, rx) = engine_with_report();
        let running = engine.spawn(program(FOUR_WAYS)).unwrap();
        wait_for_all(&rx, 5);
        let t0 = Instant::now();
        assert!(running.kill());
        let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
        let latency = t0.elapsed();
        eprintln!("soft kill of 5 threads: joined after {latency:?}");
        assert!(latency < Duration::from_millis(500), "{latency:?}");
        assert_eq!(joined.outcome.kill_reason(), Some(KillReason::Host));
        assert!(!hard(&joined.outcome), "{}", joined.outcome);
        let mut engine = joined.engine.unwrap();
        let out = engine.take_stdout();
        for who in ["sleeper", "spinner", "waiter", "locker", "main"] {
            let line = format!("finally {who}\n");
            assert_eq!(out.matches(&line).count(), 1, "{who}: {out}");
        }
        // SystemExit ends threads silently.
        assert_eq!(engine.take_stderr(), "");
    });
}

#[test]
fn a_hard_kill_runs_no_finally_in_any_thread() {
    within(30, || {
        let (engine, rx) = engine_with_report();
        let running = engine.spawn(program(FOUR_WAYS)).unwrap();
        wait_for_all(&rx, 5);
        assert!(running.kill_hard());
        let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
        assert!(hard(&joined.outcome), "{}", joined.outcome);
        let mut engine = joined.engine.unwrap();
        assert_eq!(engine.take_stdout(), "");
        // The engine runs the next program with threads again.
        let p = program(
            "import threading\nt = threading.Thread(target=print, args=('again',))\nt.start()\nt.join()\n",
        );
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        assert_eq!(engine.take_stdout(), "again\n");
    });
}

#[test]
fn a_kill_aimed_at_one_thread_lands_there_only() {
    within(30, || {
        let (engine, rx) = engine_with_report();
        let src = r#"
import threading, time
log = []
stop = threading.Event()

def victim():
    report(threading.get_ident())
    try:
        time.sleep(30)
        log.append("victim woke normally")
    finally:
        log.append("victim finally")

def bystander():
    n = 0
    while not stop.is_set():
        n += 1
    log.append("bystander saw the stop")

v = threading.Thread(target=victim)
b = threading.Thread(target=bystander)
v.start()
b.start()
v.join()
log.append("main: victim joined")
stop.set()
b.join()
print(log)
"#;
        let running = engine.spawn(program(src)).unwrap();
        let ident = match recv(&rx) {
            HostValue::Int(i) => i,
            other => panic!("not an ident: {other:?}"),
        };
        std::thread::sleep(Duration::from_millis(30));
        assert!(running.kill_thread(ident));
        let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
        let mut engine = joined.engine.unwrap();
        assert_eq!(
            engine.take_stdout(),
            "['victim finally', 'main: victim joined', 'bystander saw the stop']\n"
        );
        assert_eq!(engine.take_stderr(), "");
        // A thread that has ended ignores requests; the run still takes them.
        let p = program("import threading\nreport(threading.get_ident())\n");
        let running = engine.spawn(p).unwrap();
        recv(&rx);
        let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
    });
}

#[test]
fn an_exception_aimed_at_one_thread_is_catchable_there() {
    within(30, || {
        let (engine, rx) = engine_with_report();
        let src = r#"
import threading
result = []

def worker():
    report(threading.get_ident())
    try:
        while True:
            pass
    except TimeoutError as e:
        result.append("worker caught " + str(e))

t = threading.Thread(target=worker)
t.start()
t.join()
print(result)
"#;
        let running = engine.spawn(program(src)).unwrap();
        let ident = match recv(&rx) {
            HostValue::Int(i) => i,
            other => panic!("not an ident: {other:?}"),
        };
        std::thread::sleep(Duration::from_millis(30));
        assert!(running.raise_in_thread(ident, "TimeoutError", "too slow"));
        let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
        assert_eq!(
            joined.engine.unwrap().take_stdout(),
            "['worker caught too slow']\n"
        );
    });
}

#[test]
fn ctrl_c_and_host_exceptions_go_to_the_main_thread() {
    within(30, || {
        let (engine, rx) = engine_with_report();
        let src = r#"
import threading
go = threading.Event()

def worker():
    go.wait()
    print("worker released")

t = threading.Thread(target=worker)
t.start()
try:
    report("ready")
    while True:
        pass
except KeyboardInterrupt:
    print("main got KeyboardInterrupt")
go.set()
t.join()
"#;
        let running = engine.spawn(program(src)).unwrap();
        recv(&rx);
        assert!(running.interrupt());
        let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
        assert_eq!(
            joined.engine.unwrap().take_stdout(),
            "main got KeyboardInterrupt\nworker released\n"
        );
    });
}

#[test]
fn blocking_calls_in_threads_wake_at_once_on_a_kill() {
    for (what, call) in [
        ("sleep", "time.sleep(30)"),
        ("join", "other.join()"),
        ("wait", "threading.Event().wait()"),
        ("acquire", "held.acquire()"),
    ] {
        let src = format!(
            r#"
import threading, time
held = threading.Lock()
held.acquire()
never = threading.Event()
other = threading.Thread(target=never.wait, daemon=True)
other.start()
def blocked():
    try:
        report("in place")
        {call}
    finally:
        print("woke from {what}")
t = threading.Thread(target=blocked)
t.start()
t.join()
"#
        );
        let latency = within(30, move || {
            let (engine, rx) = engine_with_report();
            let running = engine.spawn(program(&src)).unwrap();
            recv(&rx);
            std::thread::sleep(Duration::from_millis(30));
            let t0 = Instant::now();
            running.kill();
            let joined = running.join_timeout(Duration::from_secs(10)).unwrap();
            let latency = t0.elapsed();
            assert_eq!(joined.outcome.kill_reason(), Some(KillReason::Host));
            let out = joined.engine.unwrap().take_stdout();
            assert_eq!(out, format!("woke from {what}\n"));
            latency
        });
        eprintln!("kill during {what} in a thread: joined after {latency:?}");
        assert!(latency < Duration::from_millis(500), "{what}: {latency:?}");
    }
}

#[test]
fn a_deadline_kills_every_thread() {
    within(30, || {
        let src = r#"
import threading
def spin(i):
    try:
        while True:
            pass
    finally:
        print("finally", i)
ts = [threading.Thread(target=spin, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"#;
        let mut engine = Engine::builder()
            .stdout(Output::Buffer)
            .deadline(Duration::from_millis(100))
            .build();
        let outcome = engine.run(&program(src));
        assert_eq!(outcome.kill_reason(), Some(KillReason::Deadline));
        assert!(!hard(&outcome), "{outcome}");
        let out = engine.take_stdout();
        let mut lines: Vec<&str> = out.lines().collect();
        lines.sort();
        assert_eq!(lines, ["finally 0", "finally 1", "finally 2"]);
    });
}
