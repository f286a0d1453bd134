//! A whole run under every limit at once: instruction budget, heap limit,
//! output limit, recursion limit and a short deadline. Whatever the
//! program does, the engine returns an `Outcome`, never panics (an
//! `Outcome::Panicked` is a crash here too), and the engine can run
//! again afterwards.
#![no_main]

use std::sync::Arc;
use std::time::Duration;

use killer::{Engine, Outcome, Output};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(program) = interp::compile(src, "fuzz.py") else {
        return;
    };
    let engine = Engine::builder()
        .max_instructions(200_000)
        .instruction_grace(1_000)
        .max_heap(32 << 20)
        .max_output(64 << 10)
        .max_recursion(200)
        .deadline(Duration::from_millis(200))
        .grace(Duration::from_millis(50))
        .stdout(Output::Discard)
        .stderr(Output::Discard)
        .build();
    // On its own thread with the engine's stack, as hosts run it.
    let joined = engine.spawn(Arc::new(program)).expect("spawn").join();
    if let Outcome::Panicked { message } = &joined.outcome {
        panic!("the VM panicked: {message}");
    }
    // Formatting every outcome must not panic either.
    let _ = joined.outcome.to_string();
    let mut engine = joined.engine.expect("the engine comes back");
    let again = interp::compile("x = [i * 2 for i in range(10)]\n", "again.py").unwrap();
    match engine.run(&again) {
        Outcome::Returned(_) => {}
        other => panic!("the engine is not reusable after a run: {other}"),
    }
});
