//! Kill latency as criterion distributions: from `kill()` to the guest's
//! first `finally` line, from `kill()` to the run returning (`join`), and
//! from `kill_hard()` to the run returning, in a busy loop, in
//! `time.sleep(30)` and 500 frames deep in recursion (a `try`/`finally` in
//! every frame).
//!
//! Every iteration is a real kill of a freshly spawned run that has called
//! `ready()` and then been left alone 1 to 3 ms, so the kill lands mid-loop;
//! only the latency is timed (`iter_custom`), not the spawn or the wait.
//! The measurement itself lives in `killer/examples/kill_latency.rs`, which
//! prints the same figures as p50/p99/max tables (`--runs N`).
//!
//! `cargo bench --bench kill_latency` (add `-- busy` for one situation).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};

#[path = "../killer/examples/kill_latency.rs"]
mod kill_latency;

use kill_latency::{Kill, Rig, Settle, Situation};

/// What one benchmark times out of a kill.
#[derive(Clone, Copy)]
enum Measure {
    SoftToFinally,
    SoftToReturn,
    HardToReturn,
}

const MEASURES: [(Measure, &str); 3] = [
    (Measure::SoftToFinally, "soft_to_finally"),
    (Measure::SoftToReturn, "soft_to_return"),
    (Measure::HardToReturn, "hard_to_return"),
];

fn kill_latency(c: &mut Criterion) {
    let rig = Rig::new();
    let mut settle = Settle::new(0xbe7c);
    for situation in Situation::ALL {
        let mut group = c.benchmark_group(format!("kill_latency/{}", situation.name()));
        // One kill per sample, so criterion's samples *are* the latency
        // distribution (its report plots them). Criterion sizes runs by the
        // timed time only (tens of µs a kill), while each kill also costs a
        // spawn and a 1-3 ms wait: a measurement time far below one sample
        // per kill pins flat sampling to one iteration per sample (criterion
        // then warns that it cannot finish in time, which is the point).
        // `--sample-size` on the command line asks for more kills.
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(100)
            .warm_up_time(Duration::from_millis(2))
            .measurement_time(Duration::from_micros(100));
        for (measure, label) in MEASURES {
            group.bench_function(BenchmarkId::from_parameter(label), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let kill = match measure {
                            Measure::HardToReturn => Kill::Hard,
                            _ => Kill::Soft,
                        };
                        // A kill that lands before the guest reached its
                        // loop is measured again (see `Missed::Early`).
                        let (sample, _early) = rig
                            .measure_in_place(situation, kill, &mut settle)
                            .unwrap_or_else(|e| panic!("the kill did not land: {e}"));
                        total += match measure {
                            Measure::SoftToFinally => sample.to_finally.unwrap(),
                            _ => sample.to_return,
                        };
                    }
                    total
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, kill_latency);
criterion_main!(benches);
