//! A host hook on line events sees exactly what it would see if every
//! instruction went through the tracer: the dispatch loop only stops at
//! the code's trace stops (`bytecode::trace_stops`), and skipping the
//! other instructions must lose no event and move none.
//!
//! Differential, over every program of the Core and Objects golden
//! suites: the `call`/`line`/`return`/`exception` events of a line hook
//! must equal those of an instruction hook (which stops everywhere) with
//! its `instruction` events left out.

use std::path::Path;
use std::sync::{Arc, Mutex};

use killer::{Engine, EveryInstruction, HookAction, Output, TraceEvent, TraceKind};

type Log = Arc<Mutex<Vec<String>>>;

fn record(log: &Log, ev: &TraceEvent<'_>) -> HookAction {
    if ev.kind != TraceKind::Instruction {
        log.lock().unwrap().push(format!(
            "{:?} {} line {} pc {} depth {}",
            ev.kind, ev.function, ev.line, ev.pc, ev.depth
        ));
    }
    HookAction::Continue
}

fn events(program: &Arc<killer::Program>, every_instruction: bool) -> Vec<String> {
    let log: Log = Arc::default();
    let l = Arc::clone(&log);
    let builder = Engine::builder()
        .stdout(Output::Discard)
        .stderr(Output::Discard);
    // No instruction budget: it would make every instruction stop too.
    let builder = if every_instruction {
        builder.trace(EveryInstruction(move |ev: &TraceEvent<'_>| record(&l, ev)))
    } else {
        builder.trace_fn(move |ev| record(&l, ev))
    };
    let mut engine = builder.build();
    let _ = engine.run(program);
    let log = log.lock().unwrap();
    log.clone()
}

/// Whether `src` compiled; panics when the two hooks saw different events.
fn compare(name: &str, src: &str) -> bool {
    let Ok(program) = killer::compile(src, "edge.py") else {
        return false; // a syntax-error golden: nothing runs
    };
    let program = Arc::new(program);
    let lines = events(&program, false);
    let all = events(&program, true);
    if lines != all {
        let at = lines.iter().zip(&all).take_while(|(a, b)| a == b).count();
        panic!(
            "{name}: event {at} differs: line hook {:?}, instruction hook {:?}",
            lines.get(at),
            all.get(at)
        );
    }
    true
}

/// Control flow the golden programs may not have: loops on one line (a
/// backward jump to the same line is a new line event), `yield` in the
/// middle of a line (a resumed generator's `call` event), handlers and
/// `finally` on the line they protect.
const EDGES: &[&str] = &[
    "x = 0\nwhile x < 5: x += 1\nprint(x)\n",
    "for i in range(3): pass\n",
    "def g():\n    x = yield 1; y = yield x; yield y\nit = g(); next(it); it.send(2); it.send(3)\n",
    "def g():\n    for i in range(3): yield i\nprint(list(g()), [i for i in g()])\n",
    "def f():\n    try: return 1 // 0\n    except ZeroDivisionError: return 2\n    finally: print('f')\nf()\n",
    "def g():\n    yield from range(2); yield from g2()\ndef g2():\n    yield 7\nprint(list(g()))\n",
    "i = 0\nwhile True:\n    i += 1\n    if i > 3: break\n    continue\n",
];

#[test]
fn line_hook_events_match_an_instruction_by_instruction_tracer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut checked = 0;
    for suite in ["core", "objects"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(suite))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        for path in files {
            let src = std::fs::read_to_string(&path).unwrap();
            let name = format!("{suite}/{}", path.file_name().unwrap().to_string_lossy());
            checked += compare(&name, &src) as usize;
        }
    }
    assert!(checked > 300, "only {checked} programs compared");
    for (i, src) in EDGES.iter().enumerate() {
        assert!(
            compare(&format!("edge {i}"), src),
            "edge {i} did not compile"
        );
    }
}
