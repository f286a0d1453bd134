//! Kill latency as a host sees it: how long after `kill()` (or
//! `kill_hard()`) the guest's first `finally` line runs, and how long until
//! the run has returned to the host (`join`), in a busy loop, a
//! `time.sleep(30)`, a loop 500 frames deep in recursion with a
//! `try`/`finally` in every frame, and inside four long builtins that
//! poll for kills between chunks of their work (`",".join` of 5M strings,
//! `sorted` of 2M ints, `[0] * 10**8`, `list(range(10**8))`).
//!
//! Every sample is a real kill of a freshly spawned run that is verifiably
//! in place: the guest calls the host function `ready()` just before the
//! loop (or sleep), the host waits for that call, waits a little more so
//! the kill lands mid-loop, then kills. The `finally` calls the host
//! function `mark()`, which records the instant it ran. A sample only
//! counts when the outcome is the kill that was sent, where it was aimed,
//! and (soft) the `finally` ran or (hard) it did not.
//!
//! ```sh
//! cargo run --release -p killer --example kill_latency               # 1000 kills each, Markdown
//! cargo run --release -p killer --example kill_latency -- --runs 100 --json
//! ```
//!
//! This file is also the measurement core of `benches/kill_latency.rs`
//! (criterion) and of a test that runs it with a handful of kills
//! (`killer/tests/bench_examples.rs`); `scripts/compare.py --table 3`
//! reads its `--json`.

use std::sync::{mpsc, Arc, OnceLock};
use std::time::{Duration, Instant};

use killer::{Engine, KillReason, Outcome, Output, Program};

/// Where the guest is when the kill arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Situation {
    /// `while True: x += 1`.
    Busy,
    /// Inside `time.sleep(30)`.
    Sleep,
    /// A busy loop [`DEPTH`] frames deep, each frame in a `try`/`finally`.
    Recursion,
    /// `while True: s = ",".join(big)` with 5M strings in `big`.
    Join,
    /// `while True: s = sorted(data)` with 2M ints in `data`.
    Sorted,
    /// `while True: z = [0] * 10**8`.
    Repeat,
    /// `while True: z = list(range(10**8))`.
    RangeList,
}

/// Frames of the recursion situation below the module.
pub const DEPTH: usize = 500;

impl Situation {
    /// All of them, in table order.
    pub const ALL: [Situation; 7] = [
        Situation::Busy,
        Situation::Sleep,
        Situation::Recursion,
        Situation::Join,
        Situation::Sorted,
        Situation::Repeat,
        Situation::RangeList,
    ];

    /// The three of SPEC.md's kill latency targets, the default set.
    pub const BASIC: [Situation; 3] = [Situation::Busy, Situation::Sleep, Situation::Recursion];

    /// The name used in tables, JSON and `--only`.
    pub fn name(self) -> &'static str {
        match self {
            Situation::Busy => "busy",
            Situation::Sleep => "sleep",
            Situation::Recursion => "recursion",
            Situation::Join => "join",
            Situation::Sorted => "sorted",
            Situation::Repeat => "repeat",
            Situation::RangeList => "range-list",
        }
    }

    /// The guest script. `ready()` is the last call before the place the
    /// kill must land; `mark()` is the first line of every `finally`.
    pub fn source(self) -> String {
        match self {
            Situation::Busy => "x = 0\ntry:\n    ready()\n    while True:\n        x += 1\nfinally:\n    mark()\n".into(),
            Situation::Sleep => "import time\ntry:\n    ready()\n    time.sleep(30)\nfinally:\n    mark()\n".into(),
            Situation::Recursion => format!(
                "def down(n):\n    try:\n        if n == 0:\n            ready()\n            x = 0\n            while True:\n                x += 1\n        down(n - 1)\n    finally:\n        mark()\n\ndown({})\n",
                DEPTH - 1
            ),
            Situation::Join => Self::long_builtin("big = ['ab'] * 5000000", "s = ','.join(big)"),
            Situation::Sorted => {
                Self::long_builtin("data = list(range(2000000, 0, -1))", "s = sorted(data)")
            }
            Situation::Repeat => Self::long_builtin("z = None", "z = [0] * 10**8"),
            Situation::RangeList => Self::long_builtin("z = None", "z = list(range(10**8))"),
        }
    }

    /// The busy loop's shape with `setup` on line 1 and the builtin call
    /// as the loop body (line 5), so the kill lands on the same lines.
    fn long_builtin(setup: &str, body: &str) -> String {
        format!(
            "{setup}\ntry:\n    ready()\n    while True:\n        {body}\nfinally:\n    mark()\n"
        )
    }

    /// Whether the kill landed where it had to: in the loop, in the
    /// sleep, or in the loop at the bottom of the recursion with every
    /// frame still there. `frames` is the kill site's depth; `line` the
    /// innermost line it landed on.
    fn landed_in_place(self, frames: usize, line: u32) -> bool {
        match self {
            Situation::Busy
            | Situation::Join
            | Situation::Sorted
            | Situation::Repeat
            | Situation::RangeList => matches!(line, 4 | 5) && frames == 1,
            Situation::Sleep => line == 4 && frames == 1,
            Situation::Recursion => matches!(line, 6 | 7) && frames == DEPTH + 1,
        }
    }

    /// Whether the kill landed on the `ready()` line itself, just after
    /// the call returned: the guest thread had not run again within the
    /// settle time (on a loaded machine the OS may leave it waiting
    /// milliseconds).
    fn landed_early(self, frames: usize, line: u32) -> bool {
        match self {
            Situation::Recursion => line == 4 && frames == DEPTH + 1,
            _ => line == 3 && frames == 1,
        }
    }
}

/// Why a kill gave no sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missed {
    /// It landed right after `ready()` returned, before the guest reached
    /// its loop (or sleep): the guest thread was not scheduled within the
    /// settle time. A correct kill, but not of the situation measured;
    /// [`Rig::measure_in_place`] measures again.
    Early,
    /// It did not land as a kill must (wrong outcome, wrong place, a
    /// `finally` missing or running after a hard kill, a hang).
    Wrong(String),
}

impl std::fmt::Display for Missed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missed::Early => f.write_str("the kill landed before the guest reached its place"),
            Missed::Wrong(why) => f.write_str(why),
        }
    }
}

/// Tries per sample before giving up on a machine too loaded to schedule
/// the guest within the settle time.
const MAX_EARLY: u32 = 50;

/// The innermost line a kill landed on. A soft kill's is read from its
/// `SystemExit` traceback (what the guest saw): the `site` of a soft kill
/// can name the line of the frame's last call instead, because it is
/// taken before the dispatch loop has written its pc back to the frame.
fn landing_line(hard: bool, site: &[killer::KillSite], traceback: Option<&str>) -> Option<u32> {
    if hard {
        return site.last().map(|s| s.line);
    }
    let tb = traceback?;
    let at = tb.rfind(", line ")? + ", line ".len();
    let digits: String = tb[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Which kill is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kill {
    /// `Running::kill()`: `SystemExit`, `finally` blocks run.
    Soft,
    /// `Running::kill_hard()`: no guest code runs after it.
    Hard,
}

impl Kill {
    /// The name used in tables and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kill::Soft => "soft",
            Kill::Hard => "hard",
        }
    }
}

/// One kill.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// From `kill()` to the first `finally` line (`None` for a hard kill,
    /// which runs none).
    pub to_finally: Option<Duration>,
    /// From `kill()` to the run having returned (`join`).
    pub to_return: Duration,
}

/// Every situation, compiled once.
pub struct Rig {
    programs: Vec<(Situation, Arc<Program>)>,
}

impl Default for Rig {
    fn default() -> Self {
        Rig::new()
    }
}

impl Rig {
    /// Compiles the scripts.
    pub fn new() -> Rig {
        let programs = Situation::ALL
            .iter()
            .map(|&s| {
                let program = killer::compile(&s.source(), &format!("{}.py", s.name()))
                    .unwrap_or_else(|e| panic!("{}: {e}", s.name()));
                (s, Arc::new(program))
            })
            .collect();
        Rig { programs }
    }

    fn program(&self, situation: Situation) -> Arc<Program> {
        let (_, p) = self.programs.iter().find(|(s, _)| *s == situation).unwrap();
        Arc::clone(p)
    }

    /// Measures one sample, again each time the kill lands early
    /// ([`Missed::Early`]); returns it with the number of early kills
    /// discarded. `Err`: a kill that did not land as it must.
    pub fn measure_in_place(
        &self,
        situation: Situation,
        kill: Kill,
        settle: &mut Settle,
    ) -> Result<(Sample, u32), String> {
        for early in 0..MAX_EARLY {
            match self.measure(situation, kill, settle.next_settle()) {
                Ok(sample) => return Ok((sample, early)),
                Err(Missed::Early) => {}
                Err(Missed::Wrong(why)) => return Err(why),
            }
        }
        Err(format!(
            "{} {}: {MAX_EARLY} kills in a row landed before the guest reached its place",
            situation.name(),
            kill.name()
        ))
    }

    /// Spawns a fresh run of `situation`, waits until it has called
    /// `ready()` plus `settle`, sends `kill`, and times it. `Err` says how
    /// the kill did not land as it should.
    pub fn measure(
        &self,
        situation: Situation,
        kill: Kill,
        settle: Duration,
    ) -> Result<Sample, Missed> {
        let finally_at: Arc<OnceLock<Instant>> = Arc::new(OnceLock::new());
        let mark = Arc::clone(&finally_at);
        let (ready_tx, ready_rx) = mpsc::channel();
        let engine = Engine::builder()
            .stdout(Output::Discard)
            // Longer than any sample: a soft kill that turned hard by the
            // grace timer would be measuring the timer, not the unwind.
            .grace(Duration::from_secs(60))
            .function("ready", move |_ctx, _args| {
                let _ = ready_tx.send(());
                Ok(())
            })
            .function("mark", move |_ctx, _args| {
                // The innermost `finally` runs first; later ones keep it.
                let _ = mark.set(Instant::now());
                Ok(())
            })
            .build();
        let running = engine
            .spawn(self.program(situation))
            .map_err(|e| Missed::Wrong(format!("spawn: {e}")))?;
        let name = situation.name();
        let wrong = |why: &str| Missed::Wrong(format!("{name} {}: {why}", kill.name()));
        ready_rx
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| wrong("the guest never called ready()"))?;
        std::thread::sleep(settle);
        let sent = Instant::now();
        let reached = match kill {
            Kill::Soft => running.kill(),
            Kill::Hard => running.kill_hard(),
        };
        let joined = running
            .join_timeout(Duration::from_secs(30))
            .map_err(|_| wrong("the run did not end within 30 s of the kill"))?;
        let to_return = sent.elapsed();
        if !reached {
            return Err(wrong("the run had ended before the kill"));
        }
        let line = match &joined.outcome {
            Outcome::Killed {
                reason: KillReason::Host,
                hard,
                site,
                traceback,
            } if *hard == (kill == Kill::Hard) => {
                landing_line(*hard, site, traceback.as_deref()).map(|l| (site.len(), l))
            }
            _ => None,
        };
        match line {
            Some((frames, l)) if situation.landed_in_place(frames, l) => {}
            Some((frames, l)) if situation.landed_early(frames, l) => return Err(Missed::Early),
            _ => return Err(wrong(&format!("unexpected outcome {:?}", joined.outcome))),
        }
        let to_finally = match (kill, finally_at.get().copied()) {
            (Kill::Soft, Some(at)) => Some(at.saturating_duration_since(sent)),
            (Kill::Soft, None) => return Err(wrong("soft kill but no finally ran")),
            (Kill::Hard, None) => None,
            (Kill::Hard, Some(_)) => return Err(wrong("a finally ran after a hard kill")),
        };
        Ok(Sample {
            to_finally,
            to_return,
        })
    }
}

/// A small deterministic generator of settle times (the same sequence in
/// every run of the tool), so kills land at varied instructions of the
/// loop rather than at one phase of it.
pub struct Settle(u64);

impl Settle {
    /// Seeded.
    pub fn new(seed: u64) -> Settle {
        Settle(seed | 1)
    }

    /// Between 1 and 3 ms: long enough for the guest to be well inside
    /// its loop, short enough for a thousand kills in seconds.
    pub fn next_settle(&mut self) -> Duration {
        // xorshift64
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Duration::from_micros(1000 + self.0 % 2000)
    }
}

/// One row of the report: a situation, a kill, what is measured, and the
/// samples in microseconds, sorted.
#[derive(Debug, Clone)]
pub struct Series {
    /// Where the guest was.
    pub situation: Situation,
    /// Which kill.
    pub kill: Kill,
    /// `"finally"` or `"return"`.
    pub to: &'static str,
    /// Latencies in µs, ascending.
    pub samples_us: Vec<f64>,
    /// Kills discarded because they landed before the guest was in place
    /// ([`Missed::Early`]).
    pub early: u32,
}

impl Series {
    /// Nearest-rank percentile (`q` in 0..=1) in µs.
    pub fn percentile(&self, q: f64) -> f64 {
        let n = self.samples_us.len();
        let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
        self.samples_us[rank - 1]
    }

    /// The largest sample in µs.
    pub fn max(&self) -> f64 {
        *self.samples_us.last().unwrap()
    }

    /// The SPEC target for this row's p99, when there is one: from
    /// `kill()` to the run returning, 100 µs in a busy loop, 200 µs in
    /// `sleep`.
    pub fn target_us(&self) -> Option<f64> {
        match (self.to, self.situation) {
            ("return", Situation::Busy) => Some(100.0),
            // Issue 6: kills in long builtins end within the busy target.
            ("return", Situation::Join | Situation::Sorted)
            | ("return", Situation::Repeat | Situation::RangeList) => Some(100.0),
            ("return", Situation::Sleep) => Some(200.0),
            _ => None,
        }
    }
}

/// `runs` kills of each kind in each of `situations`: soft (timed to the
/// `finally` and to the return) and hard (to the return). The kinds
/// alternate so drift on a noisy machine spreads over all of them.
pub fn measure_all(situations: &[Situation], runs: usize) -> Result<Vec<Series>, String> {
    let rig = Rig::new();
    let mut settle = Settle::new(0x5eed);
    let mut out = Vec::new();
    for &situation in situations {
        let (mut fin, mut soft, mut hard) = (Vec::new(), Vec::new(), Vec::new());
        let (mut soft_early, mut hard_early) = (0, 0);
        for _ in 0..runs {
            let (s, early) = rig.measure_in_place(situation, Kill::Soft, &mut settle)?;
            fin.push(micros(
                s.to_finally.expect("a soft sample has a finally time"),
            ));
            soft.push(micros(s.to_return));
            soft_early += early;
            let (h, early) = rig.measure_in_place(situation, Kill::Hard, &mut settle)?;
            hard.push(micros(h.to_return));
            hard_early += early;
        }
        for (kill, to, mut samples_us, early) in [
            (Kill::Soft, "finally", fin, soft_early),
            (Kill::Soft, "return", soft, soft_early),
            (Kill::Hard, "return", hard, hard_early),
        ] {
            samples_us.sort_by(f64::total_cmp);
            out.push(Series {
                situation,
                kill,
                to,
                samples_us,
                early,
            });
        }
    }
    Ok(out)
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The Markdown table.
pub fn markdown(series: &[Series]) -> String {
    let mut s = String::from(
        "| situation | kill | from kill to | runs | p50 (µs) | p99 (µs) | max (µs) | SPEC p99 target |\n\
         |---|---|---|---:|---:|---:|---:|---|\n",
    );
    for r in series {
        let target = match r.target_us() {
            Some(t) => format!(
                "< {t:.0} µs: {}",
                if r.percentile(0.99) < t {
                    "met"
                } else {
                    "missed"
                }
            ),
            None => String::new(),
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {:.1} | {:.1} | {:.1} | {} |\n",
            r.situation.name(),
            r.kill.name(),
            if r.to == "finally" {
                "first `finally` line"
            } else {
                "run returned (join)"
            },
            r.samples_us.len(),
            r.percentile(0.5),
            r.percentile(0.99),
            r.max(),
            target
        ));
    }
    let early: u32 = series
        .iter()
        .filter(|r| r.to == "return")
        .map(|r| r.early)
        .sum();
    s.push_str(&format!(
        "\n{early} kills landed before the guest had left `ready()` (the OS had not run it \
         within the 1-3 ms settle time) and were measured again.\n"
    ));
    s
}

/// Machine-readable form, raw samples included (for the CDF plot of
/// `scripts/compare.py --svg`). Written by hand: the numbers are plain
/// floats and the strings fixed identifiers, nothing needs escaping.
pub fn json(series: &[Series]) -> String {
    let rows: Vec<String> = series
        .iter()
        .map(|r| {
            let samples: Vec<String> = r.samples_us.iter().map(|x| format!("{x:.3}")).collect();
            format!(
                "{{\"situation\": \"{}\", \"kill\": \"{}\", \"to\": \"{}\", \"runs\": {}, \
                 \"p50_us\": {:.3}, \"p99_us\": {:.3}, \"max_us\": {:.3}, \"early\": {}, \"samples_us\": [{}]}}",
                r.situation.name(),
                r.kill.name(),
                r.to,
                r.samples_us.len(),
                r.percentile(0.5),
                r.percentile(0.99),
                r.max(),
                r.early,
                samples.join(", ")
            )
        })
        .collect();
    format!(
        "{{\"depth\": {DEPTH}, \"series\": [\n  {}\n]}}\n",
        rows.join(",\n  ")
    )
}

/// Command-line options.
#[derive(Debug)]
pub struct Options {
    /// Kills of each kind per situation.
    pub runs: usize,
    /// Print JSON instead of Markdown.
    pub json: bool,
    /// Which situations.
    pub situations: Vec<Situation>,
}

/// Parses `--runs N`, `--json`, `--only busy,sleep,recursion,join,...`
/// (default: the three of [`Situation::BASIC`]).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut opts = Options {
        runs: 1000,
        json: false,
        situations: Situation::BASIC.to_vec(),
    };
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => {
                let v = args.next().ok_or("--runs needs a number")?;
                opts.runs = v.parse().map_err(|_| format!("--runs: not a number: {v}"))?;
                if opts.runs == 0 {
                    return Err("--runs must be at least 1".into());
                }
            }
            "--json" => opts.json = true,
            "--only" => {
                let v = args.next().ok_or("--only needs a list")?;
                opts.situations = v
                    .split(',')
                    .map(|n| {
                        Situation::ALL
                            .into_iter()
                            .find(|s| s.name() == n)
                            .ok_or_else(|| format!("--only: unknown situation {n}"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            other => return Err(format!("unknown argument {other}; usage: kill_latency [--runs N] [--json] [--only busy,sleep,recursion,join,sorted,repeat,range-list]")),
        }
    }
    Ok(opts)
}

#[allow(dead_code)] // The bench and the test call the functions above, not `main`.
fn main() {
    let opts = parse_args(std::env::args().skip(1)).unwrap_or_else(|e| {
        eprintln!("kill_latency: {e}");
        std::process::exit(2)
    });
    let series = measure_all(&opts.situations, opts.runs).unwrap_or_else(|e| {
        eprintln!("kill_latency: a kill did not land as it should: {e}");
        std::process::exit(1)
    });
    if opts.json {
        print!("{}", json(&series));
    } else {
        print!("{}", markdown(&series));
    }
}
