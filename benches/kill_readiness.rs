//! What kill-readiness costs: every workload of `scripts/bench/`, compiled
//! once, run whole in each mode side by side:
//!
//! - `unchecked`: the dispatch loop with the attention check compiled out
//!   (`Vm::run_unchecked`, behind the bench-only `bench-unchecked` feature
//!   the `vm` binary is never built with): the physical limit;
//! - `checked`: the default, attention check on, nothing installed;
//! - `budget`: an instruction budget counting every instruction;
//! - `line_hook`: a host trace callback on `call`/`line`/`return` events;
//! - `instruction_hook`: a host trace callback on every instruction.
//!
//! `cargo bench --bench kill_readiness -- fib` runs one workload;
//! `scripts/compare.py` prints the same comparison against CPython.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use interp::{compile, HookAction, Program, TraceEvent, TraceHook, Vm};

fn workloads() -> Vec<(String, Program)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/bench");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("scripts/bench")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            let program = compile(&text, &p.display().to_string())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, program)
        })
        .collect()
}

/// A host hook that does what a real one would at least do: look at the
/// event and count it.
struct Counting {
    events: u64,
    instructions: bool,
}

impl TraceHook for Counting {
    fn on_event(&mut self, event: &TraceEvent<'_>) -> HookAction {
        self.events += u64::from(event.line > 0);
        HookAction::Continue
    }
    fn wants_instructions(&self) -> bool {
        self.instructions
    }
}

#[derive(Clone, Copy)]
enum Mode {
    Unchecked,
    Checked,
    Budget,
    LineHook,
    InstructionHook,
}

const MODES: [(Mode, &str); 5] = [
    (Mode::Unchecked, "unchecked"),
    (Mode::Checked, "checked"),
    (Mode::Budget, "budget"),
    (Mode::LineHook, "line_hook"),
    (Mode::InstructionHook, "instruction_hook"),
];

fn run_once(vm: &mut Vm, program: &Program, mode: Mode) {
    let result = match mode {
        Mode::Unchecked => vm.run_unchecked(program),
        Mode::Checked => vm.run(program),
        Mode::Budget => {
            vm.set_instruction_budget(Some(u64::MAX / 2));
            vm.run(program)
        }
        Mode::LineHook | Mode::InstructionHook => {
            vm.set_trace_hook(Some(Box::new(Counting {
                events: 0,
                instructions: matches!(mode, Mode::InstructionHook),
            })));
            vm.run(program)
        }
    };
    assert!(result.is_ok(), "the workload failed");
}

fn kill_readiness(c: &mut Criterion) {
    for (name, program) in workloads() {
        let mut group = c.benchmark_group(name.as_str());
        // Each iteration is a whole workload (a tenth of a second or more):
        // flat sampling, the fewest samples criterion allows.
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for (mode, label) in MODES {
            group.bench_function(BenchmarkId::from_parameter(label), |b| {
                let mut vm = Vm::default();
                vm.set_stdout(Box::new(std::io::sink()));
                b.iter(|| run_once(&mut vm, &program, mode));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, kill_readiness);
criterion_main!(benches);
