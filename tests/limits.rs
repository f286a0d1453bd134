//! Resource limits: every way a guest can grow the heap ends in
//! `MemoryError` naming the limit (and the heap stays near it), and the
//! same engine runs normally afterwards. The flags of `vm run` are tested
//! in `killer/tests/cli.rs`; recursion and nesting in `bad_input.rs`.

use std::sync::mpsc;
use std::time::Duration;

use killer::{Engine, Limit, Outcome, Output};

const LIMIT: usize = 64 << 20;

/// Runs `f` on a thread with the engine's stack and fails after `secs`.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(killer::DEFAULT_STACK_SIZE)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("did not finish within {secs} s"))
}

#[test]
fn every_kind_of_growth_stops_at_the_heap_limit() {
    within(120, || {
        let mut engine = Engine::builder()
            .max_heap(LIMIT)
            .stdout(Output::Discard)
            .build();
        let growth = [
            "x = [0] * 10**10\n",
            "x = [0] * 10**8\n",
            "x = [1, 2, 3] * 10**7\n",
            "s = 'a'\nwhile True:\n    s = s + s\n",
            "s = 'a'\nwhile True:\n    s *= 2\n",
            "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1\n",
            "d = {}\ni = 0\nwhile True:\n    d[str(i)] = [i]\n    i += 1\n",
            "l = []\nwhile True:\n    l.append('x' * 1000)\n",
            "l = []\nwhile True:\n    l.extend(range(1000))\n",
            "x = ','.join(['x' * 1000] * 100000)\n",
            "x = f'{1:>100000000}'\n",
            "x = '%100000000d' % 1\n",
            "x = 'a'.ljust(10**8)\n",
            "x = 'a\\tb'.expandtabs(10**8)\n",
            "x = list(range(10**8))\n",
            "x = sorted(range(10**8))\n",
            "x = [i for i in range(10**8)]\n",
            "x = {i: i for i in range(10**8)}\n",
            "x = str(list(range(10**7)))\n",
            "x = 'ab' * 10**8\n",
            "x = 'x' * 10**7\ny = x.replace('', 'yy')\nw = y + y + y\n",
            "x = 'a' * 10**7\ny = list(x)\n",
            "l = list(range(10**5))\nwhile True:\n    l.extend(l)\n",
            "l = list(range(10**5))\nwhile True:\n    l = [*l, *l]\n",
            "l = []\nwhile True:\n    l.insert(len(l), 1)\n    l.insert(-1, 2)\n",
            "d = {i: i for i in range(10**5)}\nwhile True:\n    d = {**d, **{k + len(d): k for k in d}}\n",
        ];
        for src in growth {
            let p = killer::compile(src, "grow.py").unwrap();
            let outcome = engine.run(&p);
            match &outcome {
                Outcome::Exception {
                    type_name, message, ..
                } => {
                    assert_eq!(type_name, "MemoryError", "{src}");
                    assert_eq!(message, "heap limit of 67108864 bytes exceeded", "{src}");
                }
                other => panic!("{src}: {other:?}"),
            }
            assert_eq!(outcome.limit(), Some(Limit::Heap));
            let bytes = engine.vm().heap().bytes();
            // An eighth past the limit, plus one collection threshold of
            // slack (`gc::GENTLE_GROWTH_FROM`).
            assert!(
                bytes < LIMIT + LIMIT / 8 + (1 << 20),
                "{src}: heap at {bytes} bytes"
            );
        }
        // The engine is fine afterwards.
        let ok = killer::compile("x = [i * i for i in range(1000)]\n", "ok.py").unwrap();
        assert!(matches!(engine.run(&ok), Outcome::Returned(_)));
    });
}

#[test]
fn memory_error_is_catchable_and_the_guest_goes_on() {
    within(60, || {
        let mut engine = Engine::builder()
            .max_heap(LIMIT)
            .stdout(Output::Buffer)
            .build();
        let p = killer::compile(
            "try:\n    x = [0] * 10**9\nexcept MemoryError as e:\n    print('caught:', e)\nprint(sum([1] * 1000))\n",
            "catch.py",
        )
        .unwrap();
        assert!(matches!(engine.run(&p), Outcome::Returned(_)));
        assert_eq!(
            engine.take_stdout(),
            "caught: heap limit of 67108864 bytes exceeded\n1000\n"
        );
    });
}
