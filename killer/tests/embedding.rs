//! The embedding API end to end: limits, host functions, runs on threads,
//! kills of every kind (during a host function, twice, after the end,
//! racing the end), injected exceptions, deadlines with grace, trace hooks,
//! and reuse of the same engine after every outcome.
//!
//! Every test that could hang runs under a watchdog (`within`) or joins
//! with a timeout, so a deadlock fails the test instead of hanging CI.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use killer::{
    Engine, EveryInstruction, HookAction, HostError, HostValue, KillReason, Limit, Outcome, Output,
    Program, TraceEvent, TraceKind,
};

/// Runs `f` on its own thread (with a VM-sized stack) and fails the test if
/// it takes longer than `secs`.
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

fn program(src: &str) -> Arc<Program> {
    Arc::new(killer::compile(src, "test.py").unwrap_or_else(|e| panic!("{e}")))
}

fn buffered() -> killer::EngineBuilder {
    Engine::builder()
        .stdout(Output::Buffer)
        .stderr(Output::Buffer)
}

/// Joins with a generous timeout.
fn join(r: killer::Running) -> killer::Joined {
    match r.join_timeout(Duration::from_secs(20)) {
        Ok(j) => j,
        Err(r) => {
            r.kill_hard();
            panic!("the run did not end within 20 s");
        }
    }
}

/// A host function `ready()` that tells the test the guest got there.
fn ready_signal() -> (
    impl Fn(&mut killer::HostCtx<'_>, &killer::Args) -> Result<(), HostError> + Send + Sync + 'static,
    mpsc::Receiver<()>,
) {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    (
        move |_ctx: &mut killer::HostCtx<'_>, _args: &killer::Args| {
            let _ = tx.lock().unwrap().send(());
            Ok(())
        },
        rx,
    )
}

fn wait_ready(rx: &mpsc::Receiver<()>) {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the guest never called ready()");
}

fn killed(outcome: &Outcome) -> (KillReason, bool) {
    match outcome {
        Outcome::Killed { reason, hard, .. } => (*reason, *hard),
        other => panic!("expected a kill, got {other:?}"),
    }
}

// ------------------------------------------------------------------ limits

#[test]
fn budget_kill_is_reported_as_budget() {
    within(30, || {
        let mut engine = buffered().max_instructions(10_000).build();
        let p = program(
            "n = 0\ntry:\n    while True:\n        n += 1\nfinally:\n    print('finally')\n",
        );
        let outcome = engine.run(&p);
        assert_eq!(killed(&outcome), (KillReason::Budget, false), "{outcome}");
        assert_eq!(outcome.limit(), Some(Limit::Instructions));
        assert_eq!(engine.take_stdout(), "finally\n");
        // Deterministic: the same program stops at the same count.
        let n1 = engine.global("n").unwrap();
        engine.run(&p);
        assert_eq!(engine.global("n").unwrap(), n1);
    });
}

#[test]
fn swallowed_budget_kill_turns_hard_after_the_instruction_grace() {
    within(30, || {
        let mut engine = buffered()
            .max_instructions(5_000)
            .instruction_grace(1_000)
            .build();
        let p = program(
            "swallowed = 0\nwhile True:\n    try:\n        while True:\n            pass\n    except:\n        swallowed += 1\n",
        );
        let outcome = engine.run(&p);
        assert_eq!(killed(&outcome), (KillReason::Budget, true), "{outcome}");
        assert_eq!(outcome.limit(), Some(Limit::Instructions));
        assert_eq!(engine.global("swallowed"), Some(HostValue::Int(1)));
    });
}

#[test]
fn heap_limit_raises_memory_error_and_the_guest_can_recover() {
    within(60, || {
        let mut engine = buffered().max_heap(2 << 20).build();
        let grow = program("xs = []\nwhile True:\n    xs.append([1, 2, 3])\n");
        let outcome = engine.run(&grow);
        match &outcome {
            Outcome::Exception {
                type_name, message, ..
            } => {
                assert_eq!(type_name, "MemoryError");
                assert_eq!(message, "heap limit of 2097152 bytes exceeded");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(outcome.limit(), Some(Limit::Heap));
        // Bounded: the heap never grows far past the limit.
        assert!(
            engine.vm().heap().bytes() < 3 << 20,
            "{}",
            engine.vm().heap().bytes()
        );

        let recover = program(
            "xs = []\ntry:\n    while True:\n        xs.append([1, 2, 3])\nexcept MemoryError as e:\n    n = len(xs)\n    xs = None\n    print('recovered:', e)\nys = []\nfor i in range(10000):\n    ys.append([i])\nprint('still running', len(ys))\n",
        );
        assert_eq!(engine.run(&recover), Outcome::Returned(HostValue::None));
        assert_eq!(
            engine.take_stdout(),
            "recovered: heap limit of 2097152 bytes exceeded\nstill running 10000\n"
        );
    });
}

#[test]
fn recursion_limit_raises_recursion_error_the_guest_cannot_lift() {
    within(30, || {
        let mut engine = buffered().max_recursion(50).build();
        let p = program(
            "import sys\nsys.setrecursionlimit(100000)\ndepth = 0\ndef f(n):\n    global depth\n    depth = n\n    return f(n + 1)\nf(1)\n",
        );
        let outcome = engine.run(&p);
        assert_eq!(outcome.limit(), Some(Limit::Recursion), "{outcome}");
        let depth = engine.global("depth").unwrap().as_int().unwrap();
        assert!((45..=50).contains(&depth), "{depth}");
    });
}

#[test]
fn output_limit_counts_per_run() {
    within(30, || {
        let mut engine = buffered().max_output(100).build();
        let p = program("for i in range(100):\n    print('0123456789')\n");
        let outcome = engine.run(&p);
        assert_eq!(outcome.limit(), Some(Limit::Output), "{outcome}");
        assert!(outcome
            .to_string()
            .contains("OSError: output limit of 100 bytes exceeded"));
        assert_eq!(engine.take_stdout().len(), 99);
        // A new run starts counting from zero.
        let small = program("print('ok')\n");
        assert_eq!(engine.run(&small), Outcome::Returned(HostValue::None));
        assert_eq!(engine.take_stdout(), "ok\n");
    });
}

#[test]
fn allowed_modules_restrict_imports_but_host_modules_stay_importable() {
    within(30, || {
        let mut engine = buffered()
            .allow_modules(["math"])
            .module_function("host", "double", |_ctx, args| Ok(args.get::<i64>(0)? * 2))
            .build();
        let ok = program(
            "import math\nimport host\nfrom host import double\nr = double(int(math.sqrt(16)))\n",
        );
        assert_eq!(engine.run(&ok), Outcome::Returned(HostValue::None));
        assert_eq!(engine.global("r"), Some(HostValue::Int(8)));
        let denied = program("import time\n");
        match engine.run(&denied) {
            Outcome::Exception {
                type_name, message, ..
            } => {
                assert_eq!(type_name, "ModuleNotFoundError");
                assert_eq!(message, "No module named 'time'");
            }
            other => panic!("{other:?}"),
        }
    });
}

// ------------------------------------------------------------------ host functions

#[test]
fn host_functions_convert_arguments_and_results() {
    within(30, || {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let mut engine = buffered()
            .function("echo", move |_ctx, args| {
                sink.lock()
                    .unwrap()
                    .push((args.values().to_vec(), args.keywords().to_vec()));
                Ok(HostValue::Tuple(args.values().to_vec()))
            })
            .function("peek", {
                let sink = Arc::clone(&seen);
                move |_ctx, args| {
                    sink.lock()
                        .unwrap()
                        .push((args.values().to_vec(), Vec::new()));
                    Ok(())
                }
            })
            .function("make", |_ctx, _args| {
                Ok(HostValue::Dict(vec![
                    ("name".into(), "plugin".into()),
                    ("sizes".into(), vec![1i64, 2, 3].into()),
                    (HostValue::Tuple(vec![1.into(), 2.into()]), 2.5.into()),
                    ("none".into(), HostValue::None),
                ]))
            })
            .build();
        let p = program(
            r#"
r = echo(1, 2.5, 'x', [1, (2, 3)], {'a': None}, True, key='v')
assert r == (1, 2.5, 'x', [1, (2, 3)], {'a': None}, True), r
d = make()
assert d == {'name': 'plugin', 'sizes': [1, 2, 3], (1, 2): 2.5, 'none': None}, d
cyc = []
cyc.append(cyc)
peek(cyc, len)
"#,
        );
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        let seen = seen.lock().unwrap();
        assert_eq!(
            seen[0].0,
            vec![
                HostValue::Int(1),
                HostValue::Float(2.5),
                HostValue::Str("x".into()),
                HostValue::List(vec![
                    HostValue::Int(1),
                    HostValue::Tuple(vec![HostValue::Int(2), HostValue::Int(3)])
                ]),
                HostValue::Dict(vec![(HostValue::Str("a".into()), HostValue::None)]),
                HostValue::Bool(true),
            ]
        );
        assert_eq!(
            seen[0].1,
            vec![("key".to_string(), HostValue::Str("v".into()))]
        );
        // A list containing itself and a function: copied as far as makes sense.
        assert_eq!(
            seen[1].0,
            vec![
                HostValue::List(vec![HostValue::Other {
                    type_name: "list".into()
                }]),
                HostValue::Other {
                    type_name: "builtin_function_or_method".into()
                },
            ]
        );
    });
}

#[test]
fn host_errors_surface_as_guest_exceptions() {
    within(30, || {
        let mut engine = buffered()
            .function("check", |_ctx, args| {
                let n: i64 = args.get(0)?;
                match n {
                    0 => Err(HostError::value_error("zero is not allowed")),
                    1 => Err(HostError::new("PluginError", "defined by the guest")),
                    2 => Err(HostError::new("NoSuchError", "unknown kind")),
                    3 => panic!("a bug in the host function"),
                    _ => Ok(n),
                }
            })
            .build();
        let p = program(
            r#"
class PluginError(Exception):
    pass
caught = []
for arg in [0, 1, 2, 3, 'text', None]:
    try:
        check(arg)
    except PluginError as e:
        caught.append('PluginError: ' + str(e))
    except Exception as e:
        caught.append(type(e).__name__ + ': ' + str(e))
try:
    check()
except TypeError as e:
    caught.append(str(e))
"#,
        );
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        let caught: Vec<String> = FromIterator::from_iter(
            engine
                .global("caught")
                .unwrap()
                .as_slice()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string()),
        );
        assert_eq!(
            caught,
            vec![
                "ValueError: zero is not allowed",
                "PluginError: defined by the guest",
                "RuntimeError: NoSuchError: unknown kind",
                "RuntimeError: host function 'check' panicked: a bug in the host function",
                "TypeError: check() argument 1 must be int, not str",
                "TypeError: check() argument 1 must be int, not NoneType",
                "check() missing required argument 1 (int)",
            ]
        );
    });
}

#[test]
fn host_calls_guest_functions_and_reads_and_writes_globals() {
    within(30, || {
        let mut engine = buffered().build();
        let p = program(
            "scale = 10\ndef add(a, b=1):\n    return (a + b) * scale\ndef boom(x):\n    return 1 // x\n",
        );
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        assert_eq!(
            engine.call("add", &[1.into(), 2.into()]),
            Outcome::Returned(30.into())
        );
        engine.set_global("scale", 100).unwrap();
        assert_eq!(
            engine.call("add", &[1.into()]),
            Outcome::Returned(200.into())
        );
        assert_eq!(engine.global("scale"), Some(100.into()));
        assert!(engine
            .set_global(
                "bad",
                HostValue::Other {
                    type_name: "function".into()
                }
            )
            .is_err());
        match engine.call("boom", &[0.into()]) {
            Outcome::Exception {
                type_name,
                traceback,
                ..
            } => {
                assert_eq!(type_name, "ZeroDivisionError");
                assert!(traceback.contains("line 5, in boom"), "{traceback}");
            }
            other => panic!("{other:?}"),
        }
        match engine.call("nothing", &[]) {
            Outcome::Exception { message, .. } => {
                assert_eq!(message, "name 'nothing' is not defined")
            }
            other => panic!("{other:?}"),
        }
        // Builtins are callable by name too.
        assert_eq!(
            engine.call("sorted", &[vec![3i64, 1, 2].into()]),
            Outcome::Returned(vec![1i64, 2, 3].into())
        );
    });
}

#[test]
fn host_functions_call_back_into_the_guest() {
    within(30, || {
        let mut engine = buffered()
            .function("apply", |ctx, args| {
                let x: i64 = args.get(1)?;
                ctx.call_arg(0, &[x.into()])
            })
            .function("twice", |ctx, args| {
                let name: String = args.get(0)?;
                let once = ctx.call_function(&name, &[args.values()[1].clone()])?;
                ctx.call_function(&name, &[once])
            })
            .function("tolerant", |ctx, _args| {
                // Handles the guest's exception itself.
                match ctx.call_function("fails", &[]) {
                    Err(e) if e.is_guest() => Ok(format!("handled {}: {}", e.kind(), e.message())),
                    other => other.map(|v| v.to_string()),
                }
            })
            .build();
        let p = program(
            r#"
def inc(n):
    return n + 1
def fails(x=None):
    raise KeyError('k')
a = apply(lambda n: n * 3, 7)
b = twice('inc', 5)
c = tolerant()
try:
    twice('fails', 0)
except KeyError as e:
    d = repr(e)
"#,
        );
        let outcome = engine.run(&p);
        assert_eq!(outcome, Outcome::Returned(HostValue::None), "{outcome}");
        assert_eq!(engine.global("a"), Some(21.into()));
        assert_eq!(engine.global("b"), Some(7.into()));
        assert_eq!(engine.global("c"), Some("handled KeyError: k".into()));
        assert_eq!(engine.global("d"), Some("KeyError('k')".into()));
        // A host function called by the host, calling back into the guest.
        assert_eq!(
            engine.call("twice", &["inc".into(), 1.into()]),
            Outcome::Returned(3.into())
        );
        assert_eq!(
            engine
                .call("apply", &["not callable".into(), 1.into()])
                .to_string(),
            "TypeError: 'str' object is not callable"
        );
        // An uncaught guest exception from a callback keeps its traceback.
        let q = program("def fails(x):\n    raise KeyError('k')\ntwice('fails', 0)\n");
        match engine.run(&q) {
            Outcome::Exception { traceback, .. } => {
                assert!(traceback.contains("line 3, in <module>"), "{traceback}");
                assert!(traceback.contains("line 2, in fails"), "{traceback}");
            }
            other => panic!("{other:?}"),
        }
    });
}

#[test]
fn compile_once_run_many_times_on_many_threads() {
    within(60, || {
        let p = program(
            "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nr = fib(15)\n",
        );
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let p = Arc::clone(&p);
                std::thread::spawn(move || {
                    let mut engine = Engine::new();
                    for _ in 0..5 {
                        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
                        assert_eq!(engine.global("r"), Some(610.into()));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
    });
}

#[test]
fn the_api_types_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    // Compiled once, shared by any number of engines on any threads.
    send_sync::<Program>();
    send_sync::<killer::KillHandle>();
    send_sync::<HostValue>();
    send_sync::<Outcome>();
    // One VM moves between threads as a whole.
    send::<Engine>();
    send::<killer::Running>();
    send::<killer::Joined>();
}

// ------------------------------------------------------------------ kills

#[test]
fn kill_lands_during_a_polling_host_function() {
    within(60, || {
        for hard in [false, true] {
            let (ready, rx) = ready_signal();
            let polls = Arc::new(AtomicUsize::new(0));
            let counter = Arc::clone(&polls);
            let engine = buffered()
                .function("ready", ready)
                .function("crunch", move |ctx, _args| {
                    // A long host computation that polls.
                    loop {
                        counter.fetch_add(1, Ordering::Relaxed);
                        ctx.check()?;
                        std::hint::spin_loop();
                    }
                    #[allow(unreachable_code)]
                    Ok(())
                })
                .build();
            let p = program("try:\n    ready()\n    crunch()\n    print('not reached')\nfinally:\n    print('finally')\n");
            let running = engine.spawn(p).unwrap();
            wait_ready(&rx);
            while polls.load(Ordering::Relaxed) == 0 {
                std::thread::yield_now();
            }
            assert!(if hard {
                running.kill_hard()
            } else {
                running.kill()
            });
            let joined = join(running);
            assert_eq!(killed(&joined.outcome), (KillReason::Host, hard));
            let out = joined.engine.unwrap().take_stdout();
            assert_eq!(out, if hard { "" } else { "finally\n" });
            if let Outcome::Killed { site, .. } = &joined.outcome {
                assert_eq!(site.last().unwrap().line, 3, "{site:?}");
            }
        }
    });
}

#[test]
fn kill_wakes_a_sleeping_host_function_and_cannot_be_swallowed_by_it() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let engine = buffered()
            .function("ready", ready)
            .function("nap", |ctx, _args| {
                // Ignores the stop error: the kill propagates anyway.
                let _ = ctx.sleep(Duration::from_secs(60));
                Ok("slept")
            })
            .build();
        let p = program("ready()\nr = nap()\nprint('after', r)\n");
        let running = engine.spawn(p).unwrap();
        wait_ready(&rx);
        std::thread::sleep(Duration::from_millis(20));
        let t = Instant::now();
        assert!(running.kill());
        let joined = join(running);
        assert!(t.elapsed() < Duration::from_secs(5));
        assert_eq!(killed(&joined.outcome), (KillReason::Host, false));
        assert_eq!(joined.engine.unwrap().take_stdout(), "");
    });
}

#[test]
fn second_kill_escalates_to_hard() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let engine = buffered()
            .grace(Duration::from_secs(3600))
            .function("ready", ready)
            .build();
        // The `finally` resists the soft kill; only a hard kill stops it.
        let p = program("try:\n    ready()\n    while True:\n        pass\nfinally:\n    ready()\n    while True:\n        pass\n");
        let running = engine.spawn(p).unwrap();
        wait_ready(&rx);
        assert!(running.kill());
        wait_ready(&rx); // in the `finally` now
        assert!(!running.is_finished());
        let t = Instant::now();
        assert!(running.kill());
        let joined = join(running);
        assert!(t.elapsed() < Duration::from_secs(10));
        let (reason, hard) = killed(&joined.outcome);
        assert_eq!((reason, hard), (KillReason::Host, true));
        if let Outcome::Killed { site, .. } = &joined.outcome {
            // Wherever in the `finally` it was: in `ready()` or the loop.
            assert!(matches!(site.last().unwrap().line, 6..=8), "{site:?}");
        }
    });
}

#[test]
fn kill_after_the_run_finished_has_no_effect() {
    within(60, || {
        let engine = buffered().build();
        let p = program("x = 1\n");
        let running = engine.spawn(Arc::clone(&p)).unwrap();
        let handle = running.kill_handle();
        let joined = join(running);
        assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
        // Late requests: no effect, no panic.
        assert!(!handle.kill());
        assert!(!handle.kill_hard());
        assert!(!handle.raise_exception("ValueError", "late"));
        assert!(!handle.interrupt());
        assert!(!handle.is_current());
        // ... not even on the next run of the same engine.
        let mut engine = joined.engine.unwrap();
        let slow = program("n = 0\nfor i in range(20000):\n    n += i\nprint(n)\n");
        let running = engine.spawn(Arc::clone(&slow)).unwrap();
        for _ in 0..100 {
            assert!(!handle.kill_hard());
            assert!(!handle.kill());
        }
        let joined = join(running);
        assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
        engine = joined.engine.unwrap();
        assert_eq!(engine.take_stdout(), "199990000\n");
        // The engine's own handle, used between runs, does nothing either.
        let any = engine.kill_handle();
        any.kill_hard();
        any.kill();
        assert_eq!(engine.run(&slow), Outcome::Returned(HostValue::None));
    });
}

#[test]
fn raise_exception_is_caught_by_a_matching_except() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let engine = buffered().function("ready", ready).build();
        let p = program(
            r#"
import time
try:
    ready()
    while True:
        time.sleep(0.001)
except TimeoutError as e:
    caught = 'TimeoutError: ' + str(e)
try:
    ready()
    while True:
        pass
except ValueError:
    caught2 = 'wrong'
"#,
        );
        let running = engine.spawn(p).unwrap();
        wait_ready(&rx);
        assert!(running.raise_exception("TimeoutError", "too slow"));
        wait_ready(&rx);
        // No matching `except`: it ends the run as an uncaught exception.
        assert!(running.raise_exception("KeyError", "nope"));
        let joined = join(running);
        match &joined.outcome {
            Outcome::Exception {
                type_name, message, ..
            } => {
                assert_eq!(type_name, "KeyError");
                assert_eq!(message, "'nope'");
            }
            other => panic!("{other:?}"),
        }
        let mut engine = joined.engine.unwrap();
        assert_eq!(
            engine.global("caught"),
            Some("TimeoutError: too slow".into())
        );
        assert_eq!(engine.global("caught2"), None);
    });
}

#[test]
fn deadline_kills_softly_then_hard_after_the_grace() {
    within(60, || {
        // Well behaved: `finally` runs during the grace period.
        let engine = buffered()
            .deadline(Duration::from_millis(50))
            .grace(Duration::from_millis(200))
            .build();
        let p = program("try:\n    while True:\n        pass\nfinally:\n    print('cleanup')\n");
        let joined = join(engine.spawn(p).unwrap());
        assert_eq!(killed(&joined.outcome), (KillReason::Deadline, false));
        assert!(joined.elapsed >= Duration::from_millis(50));
        let mut engine = joined.engine.unwrap();
        assert_eq!(engine.take_stdout(), "cleanup\n");

        // Misbehaving: swallows the SystemExit; the grace ends it hard.
        let rogue = program("while True:\n    try:\n        while True:\n            pass\n    except:\n        print('swallowed')\n");
        let joined = join(engine.spawn(rogue).unwrap());
        assert_eq!(killed(&joined.outcome), (KillReason::Deadline, true));
        assert!(
            joined.elapsed >= Duration::from_millis(250),
            "{:?}",
            joined.elapsed
        );
        assert_eq!(joined.engine.unwrap().take_stdout(), "swallowed\n");

        // Zero grace: the deadline's kill is hard at once.
        let engine = buffered()
            .deadline(Duration::from_millis(20))
            .grace(Duration::ZERO)
            .build();
        let p = program("try:\n    while True:\n        pass\nfinally:\n    print('cleanup')\n");
        let joined = join(engine.spawn(p).unwrap());
        assert_eq!(killed(&joined.outcome), (KillReason::Deadline, true));
        assert_eq!(joined.engine.unwrap().take_stdout(), "");
    });
}

#[test]
fn deadline_applies_to_synchronous_runs_and_calls() {
    within(60, || {
        let mut engine = buffered().deadline(Duration::from_millis(30)).build();
        let p = program("def spin():\n    while True:\n        pass\n");
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        let outcome = engine.call("spin", &[]);
        assert_eq!(killed(&outcome), (KillReason::Deadline, false));
        // The timer of a finished run never fires into the next one.
        engine.set_deadline(None);
        let quick = program("import time\ntime.sleep(0.1)\ndone = True\n");
        assert_eq!(engine.run(&quick), Outcome::Returned(HostValue::None));
    });
}

#[test]
fn engine_kill_handle_stops_a_run_on_the_calling_thread() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let mut engine = buffered().function("ready", ready).build();
        let handle = engine.kill_handle();
        let killer = std::thread::spawn(move || {
            wait_ready(&rx);
            handle.kill()
        });
        let outcome = engine.run(&program("ready()\nwhile True:\n    pass\n"));
        assert!(killer.join().unwrap());
        assert_eq!(killed(&outcome), (KillReason::Host, false));
        // Then the engine runs normally.
        assert_eq!(
            engine.run(&program("x = 1\n")),
            Outcome::Returned(HostValue::None)
        );
    });
}

#[test]
fn uncatchable_kill_skips_except_but_runs_finally() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let engine = buffered()
            .uncatchable_kill(true)
            .function("ready", ready)
            .build();
        let p = program("try:\n    try:\n        ready()\n        while True:\n            pass\n    except:\n        print('caught')\nfinally:\n    print('finally')\n");
        let running = engine.spawn(p).unwrap();
        wait_ready(&rx);
        running.kill();
        let joined = join(running);
        assert_eq!(killed(&joined.outcome), (KillReason::Host, false));
        assert_eq!(joined.engine.unwrap().take_stdout(), "finally\n");
    });
}

#[test]
fn join_timeout_gives_the_handle_back_and_drop_kills() {
    within(60, || {
        let p = program("while True:\n    pass\n");
        let running = Engine::new().spawn(Arc::clone(&p)).unwrap();
        let running = running.join_timeout(Duration::from_millis(20)).unwrap_err();
        assert!(!running.is_finished());
        let handle = running.kill_handle();
        assert!(handle.is_current());
        drop(running); // kills hard, does not wait
        let t = Instant::now();
        while handle.is_current() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "the dropped run kept running"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

#[test]
fn interrupt_raises_keyboard_interrupt() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let engine = buffered().function("ready", ready).build();
        let p = program("ready()\nwhile True:\n    pass\n");
        let running = engine.spawn(p).unwrap();
        wait_ready(&rx);
        assert!(running.interrupt());
        let joined = join(running);
        match joined.outcome {
            Outcome::Exception { type_name, .. } => assert_eq!(type_name, "KeyboardInterrupt"),
            other => panic!("{other:?}"),
        }
    });
}

/// A kill racing the run's own end, thousands of times: never a deadlock
/// or a panic, always one outcome, and consistent: a run reported as
/// returned ran to its end, a killed run did not, and a kill that reached
/// no run cannot have killed anything.
#[test]
fn kill_racing_normal_completion_is_always_consistent() {
    within(300, || {
        let p = program("total = 0\nfor i in range(30):\n    total += i\ndone = True\n");
        let mut engine = buffered().build();
        // How long an unkilled run takes from the spawn to its end, so the
        // kills below spread over that span whatever the machine's speed.
        let mut times = Vec::new();
        for _ in 0..21 {
            let joined = join(engine.spawn(Arc::clone(&p)).unwrap());
            assert_eq!(joined.outcome, Outcome::Returned(HostValue::None));
            times.push(joined.elapsed);
            engine = joined.engine.unwrap();
        }
        times.sort();
        let typical = times[10];
        let mut tally = [0usize; 4];
        for round in 0..3000u32 {
            let spawned = Instant::now();
            let running = engine.spawn(Arc::clone(&p)).unwrap();
            // Spread the kill over the run's life, from before the thread
            // starts to after the run ends (0 to 1.5 times its length).
            let delay = typical * (round % 100) / 66;
            while spawned.elapsed() < delay {
                std::hint::spin_loop();
            }
            let mode = round % 4;
            let delivered = match mode {
                0 => running.kill(),
                1 => running.kill_hard(),
                2 => running.kill() | running.kill(),
                _ => running.raise_exception("ValueError", "raced"),
            };
            let joined = join(running);
            engine = joined.engine.expect("the engine comes back");
            let done = engine.global("done");
            let total = engine.global("total");
            match &joined.outcome {
                Outcome::Returned(HostValue::None) => {
                    assert_eq!(done, Some(HostValue::Bool(true)));
                    assert_eq!(total, Some(HostValue::Int(435)));
                    tally[0] += 1;
                }
                Outcome::Killed {
                    reason, hard, site, ..
                } => {
                    assert!(
                        delivered,
                        "round {round}: killed by a kill that reached no run"
                    );
                    assert_eq!(*reason, KillReason::Host);
                    match mode {
                        0 => assert!(!hard, "round {round}: a single kill was hard"),
                        1 => assert!(hard, "round {round}: kill_hard was soft"),
                        2 => {}
                        _ => panic!("round {round}: raise_exception killed"),
                    }
                    // It landed on a line of the script, and only the last
                    // line comes after `done = True`.
                    let line = site.last().expect("a kill site").line;
                    assert!((1..=4).contains(&line), "round {round}: {site:?}");
                    if done.is_some() {
                        assert_eq!(line, 4, "round {round}: killed after it finished");
                    }
                    tally[if *hard { 2 } else { 1 }] += 1;
                }
                Outcome::Exception {
                    type_name,
                    message,
                    traceback,
                } => {
                    assert!(delivered);
                    assert_eq!(mode, 3);
                    assert_eq!(
                        (type_name.as_str(), message.as_str()),
                        ("ValueError", "raced")
                    );
                    assert!(traceback.contains("test.py"), "{traceback}");
                    tally[3] += 1;
                }
                other => panic!("round {round}: unexpected outcome {other:?}"),
            }
            if !delivered {
                assert!(matches!(joined.outcome, Outcome::Returned(_)));
            }
        }
        eprintln!(
            "typical run {typical:?}: returned {}, killed soft {}, killed hard {}, raised {}",
            tally[0], tally[1], tally[2], tally[3]
        );
        assert_eq!(tally.iter().sum::<usize>(), 3000);
    });
}

// ------------------------------------------------------------------ reuse

#[test]
fn the_same_engine_is_usable_after_kills_and_exceptions() {
    within(120, || {
        let (ready, rx) = ready_signal();
        let mut engine = buffered().function("ready", ready).build();
        let lib = program(
            r#"
counter = 0
log = []
def bump(n):
    global counter
    for i in range(n):
        counter += 1
    return counter
def gen_spin():
    def g():
        while True:
            yield 1
    for x in g():
        ready()
        while True:
            pass
def nested(d):
    if d == 0:
        ready()
        while True:
            pass
    try:
        return nested(d - 1)
    finally:
        log.append(d)
def fail():
    return {}['missing']
"#,
        );
        assert_eq!(engine.run(&lib), Outcome::Returned(HostValue::None));
        assert_eq!(
            engine.call("bump", &[5.into()]),
            Outcome::Returned(5.into())
        );

        // Soft kill deep in recursion: every `finally` ran, innermost first.
        let running = engine.spawn_call("nested", vec![5.into()]).unwrap();
        wait_ready(&rx);
        running.kill();
        let joined = join(running);
        assert_eq!(killed(&joined.outcome), (KillReason::Host, false));
        engine = joined.engine.unwrap();
        assert_eq!(engine.global("log"), Some(vec![1i64, 2, 3, 4, 5].into()));
        assert_eq!(
            engine.call("bump", &[1.into()]),
            Outcome::Returned(6.into())
        );

        // Hard kill inside a generator frame.
        let running = engine.spawn_call("gen_spin", vec![]).unwrap();
        wait_ready(&rx);
        running.kill_hard();
        let joined = join(running);
        assert_eq!(killed(&joined.outcome), (KillReason::Host, true));
        engine = joined.engine.unwrap();
        assert_eq!(
            engine.call("bump", &[1.into()]),
            Outcome::Returned(7.into())
        );

        // After an exception.
        assert!(matches!(
            engine.call("fail", &[]),
            Outcome::Exception { .. }
        ));
        assert_eq!(
            engine.call("bump", &[1.into()]),
            Outcome::Returned(8.into())
        );

        // After a budget kill.
        engine.set_max_instructions(Some(1_000));
        let outcome = engine.call("bump", &[1_000_000.into()]);
        assert_eq!(outcome.limit(), Some(Limit::Instructions));
        engine.set_max_instructions(None);
        let c = engine.global("counter").unwrap().as_int().unwrap();
        assert_eq!(
            engine.call("bump", &[1.into()]),
            Outcome::Returned((c + 1).into())
        );

        // A whole new program still runs, and so does the collector.
        let p = program("xs = [str(i) * 10 for i in range(50000)]\nprint(len(xs))\n");
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        assert_eq!(engine.take_stdout(), "50000\n");
    });
}

// ------------------------------------------------------------------ tracing

#[test]
fn trace_hook_sees_events_with_locations() {
    within(30, || {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let mut engine = buffered()
            .trace_fn(move |ev| {
                sink.lock().unwrap().push((
                    ev.kind,
                    ev.function.to_string(),
                    ev.line,
                    ev.exception.map(str::to_string),
                ));
                HookAction::Continue
            })
            .build();
        let p = program("def f(x):\n    try:\n        return 1 // x\n    except ZeroDivisionError:\n        return 0\nf(0)\n");
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        let events = events.lock().unwrap();
        let f: Vec<_> = events.iter().filter(|e| e.1 == "f").cloned().collect();
        let kinds: Vec<_> = f.iter().map(|e| (e.0, e.2)).collect();
        // `call` carries the line of the frame's first instruction: the
        // `try:` line, which CPython 3.11 reports too.
        assert_eq!(
            kinds,
            vec![
                (TraceKind::Call, 2),
                (TraceKind::Line, 2),
                (TraceKind::Line, 3),
                (TraceKind::Exception, 3),
                (TraceKind::Line, 4),
                (TraceKind::Line, 5),
                (TraceKind::Return, 5),
            ]
        );
        assert_eq!(f[3].3.as_deref(), Some("ZeroDivisionError"));
        assert!(events
            .iter()
            .any(|e| e.0 == TraceKind::Call && e.1 == "<module>"));
    });
}

#[test]
fn trace_hook_can_raise_kill_and_count_instructions() {
    within(30, || {
        // Raise: the guest catches the hook's exception.
        let mut engine = buffered()
            .trace_fn(|ev| {
                if ev.kind == TraceKind::Line && ev.line == 3 {
                    HookAction::Raise("PermissionError".into(), "line 3 is off limits".into())
                } else {
                    HookAction::Continue
                }
            })
            .build();
        let p =
            program("try:\n    x = 1\n    y = 2\nexcept PermissionError as e:\n    msg = str(e)\n");
        assert_eq!(engine.run(&p), Outcome::Returned(HostValue::None));
        assert_eq!(engine.global("msg"), Some("line 3 is off limits".into()));
        assert_eq!(engine.global("y"), None);

        // Kill after N instructions, counted by the hook.
        let count = Arc::new(AtomicUsize::new(0));
        let c = Arc::clone(&count);
        let mut engine = buffered()
            .trace(EveryInstruction(move |ev: &TraceEvent<'_>| {
                if ev.kind == TraceKind::Instruction && c.fetch_add(1, Ordering::Relaxed) + 1 == 500
                {
                    HookAction::Kill(KillReason::Budget)
                } else {
                    HookAction::Continue
                }
            }))
            .build();
        let p = program("while True:\n    pass\n");
        let outcome = engine.run(&p);
        assert_eq!(killed(&outcome), (KillReason::Budget, false));
        assert_eq!(count.load(Ordering::Relaxed), 500);

        // Removing the hook: no more events.
        engine.set_trace_hook(None);
        let before = count.load(Ordering::Relaxed);
        let q = program("x = sum(range(100))\n");
        assert_eq!(engine.run(&q), Outcome::Returned(HostValue::None));
        assert_eq!(count.load(Ordering::Relaxed), before);
    });
}

#[test]
fn outcome_reports_exit_status_and_display() {
    within(30, || {
        let mut engine = buffered().build();
        let exit = engine.run(&program("import sys\nsys.exit(3)\n"));
        assert_eq!(
            exit,
            Outcome::Exit {
                status: 3,
                message: None
            }
        );
        assert_eq!(exit.exit_status(false), 3);
        let err = engine.run(&program("1 / 0\n"));
        assert_eq!(err.exit_status(false), 1);
        assert!(err
            .to_string()
            .ends_with("ZeroDivisionError: division by zero"));
        let r: Result<HostValue, Outcome> = err.into_result();
        assert!(r.is_err());
    });
}

#[test]
fn should_stop_is_visible_to_host_functions() {
    within(60, || {
        let (ready, rx) = ready_signal();
        let saw = Arc::new(AtomicBool::new(false));
        let s = Arc::clone(&saw);
        let engine = buffered()
            .function("work", move |ctx, args| {
                // Tell the test only once inside, so the kill lands here.
                ready(ctx, args)?;
                let t = Instant::now();
                while !ctx.should_stop() {
                    if t.elapsed() > Duration::from_secs(20) {
                        return Err(HostError::runtime_error("never told to stop"));
                    }
                    std::thread::yield_now();
                }
                s.store(true, Ordering::Relaxed);
                ctx.check()?;
                Ok(())
            })
            .build();
        let running = engine.spawn(program("work()\n")).unwrap();
        wait_ready(&rx);
        running.kill();
        let joined = join(running);
        assert!(saw.load(Ordering::Relaxed));
        assert_eq!(killed(&joined.outcome), (KillReason::Host, false));
    });
}

#[test]
fn spawned_runs_reuse_their_thread_and_keep_its_stack_size_and_name() {
    // A stack size no other test uses: idle threads are shared by the
    // whole process, and a parallel test could take this one's otherwise.
    const STACK: usize = killer::DEFAULT_STACK_SIZE + 7 * 4096;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let spawn = |stack: usize| {
        let seen = Arc::clone(&seen);
        Engine::builder()
            .stack_size(stack)
            .function("whoami", move |_ctx, _args| {
                let me = std::thread::current();
                seen.lock()
                    .unwrap()
                    .push((me.id(), me.name().map(str::to_string)));
                Ok(())
            })
            .build()
            .spawn(program("whoami()\n"))
            .expect("spawn")
    };
    for stack in [STACK, STACK, STACK + 4096] {
        let joined = join(spawn(stack));
        assert!(
            matches!(joined.outcome, Outcome::Returned(_)),
            "{}",
            joined.outcome
        );
    }
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0], seen[1], "the second run had a new thread");
    assert_ne!(
        seen[1].0, seen[2].0,
        "a run asking for another stack size got a reused thread"
    );
    assert!(seen
        .iter()
        .all(|(_, name)| name.as_deref() == Some("vm-run")));
}
