//! A plugin host: several plugins, each a script on its own thread with its
//! own deadline, publishing results through a host function. One plugin
//! misbehaves: an endless loop whose bare `except:` swallows the soft
//! kill's `SystemExit`. The host kills it softly at its deadline and hard
//! when the grace period ends; the others are unaffected.
//!
//! ```sh
//! cargo run -p killer --example plugin_host
//! ```

use std::sync::{Arc, Mutex};
use std::time::Duration;

use killer::{Engine, HostValue, Outcome, Output};

/// One plugin: a name, its script, its deadline.
pub struct Plugin {
    /// Shown in the report.
    pub name: &'static str,
    /// The script.
    pub source: &'static str,
    /// How long it may run.
    pub deadline: Duration,
}

/// What became of one plugin.
#[derive(Debug)]
pub struct Report {
    /// The plugin's name.
    pub name: &'static str,
    /// How its run ended.
    pub outcome: Outcome,
    /// What it published with `publish(key, value)`.
    pub published: Vec<(String, HostValue)>,
    /// What it printed.
    pub output: String,
    /// How long it ran.
    pub elapsed: Duration,
}

/// The bundled plugins.
pub fn plugins() -> Vec<Plugin> {
    vec![
        Plugin {
            name: "greeter",
            source: "print('hello from the greeter')\npublish('greeting', 'hello')\n",
            deadline: Duration::from_secs(2),
        },
        Plugin {
            name: "primes",
            source: r#"
primes = []
n = 2
while len(primes) < 200:
    if all(n % p for p in primes if p * p <= n):
        primes.append(n)
    n += 1
publish('count', len(primes))
publish('last', primes[-1])
"#,
            deadline: Duration::from_secs(5),
        },
        Plugin {
            name: "napper",
            source: r#"
import time
try:
    time.sleep(30)       # far past its deadline: the kill wakes it at once
finally:
    print('napper: cleaned up')
"#,
            deadline: Duration::from_millis(100),
        },
        Plugin {
            name: "rogue",
            source: r#"
spins = 0
while True:
    try:
        while True:
            spins += 1
    except:              # swallows SystemExit too: the recipe's classic pitfall
        print('rogue: swallowed', spins)
"#,
            deadline: Duration::from_millis(150),
        },
    ]
}

/// Runs every plugin at once, each on its own thread with its own deadline
/// and `grace` between its soft and hard kill, and reports on each.
pub fn run(plugins: Vec<Plugin>, grace: Duration) -> Vec<Report> {
    let mut running = Vec::new();
    for plugin in plugins {
        let published = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&published);
        let engine = Engine::builder()
            .deadline(plugin.deadline)
            .grace(grace)
            .max_heap(32 << 20)
            .max_output(64 << 10)
            .allow_modules(["time", "math"])
            .stdout(Output::Buffer)
            .thread_name(format!("plugin-{}", plugin.name))
            .function("publish", move |_ctx, args| {
                args.arity(2, 2)?;
                let key: String = args.get(0)?;
                sink.lock().unwrap().push((key, args.values()[1].clone()));
                Ok(())
            })
            .build();
        let program = match killer::compile(plugin.source, &format!("{}.py", plugin.name)) {
            Ok(p) => Arc::new(p),
            Err(e) => panic!("plugin {} does not compile:\n{e}", plugin.name),
        };
        let handle = engine.spawn(program).expect("spawn a plugin thread");
        running.push((plugin.name, handle, published));
    }
    running
        .into_iter()
        .map(|(name, handle, published)| {
            let joined = handle.join();
            let output = joined
                .engine
                .map(|mut e| e.take_stdout())
                .unwrap_or_default();
            let published = std::mem::take(&mut *published.lock().unwrap());
            Report {
                name,
                outcome: joined.outcome,
                published,
                output,
                elapsed: joined.elapsed,
            }
        })
        .collect()
}

#[allow(dead_code)] // The tests call `run`, not `main`.
fn main() {
    for r in run(plugins(), Duration::from_millis(200)) {
        println!("== {} ({:.0?})", r.name, r.elapsed);
        for line in r.output.lines() {
            println!("   | {line}");
        }
        for (k, v) in &r.published {
            println!("   published {k} = {v}");
        }
        println!("   {}", r.outcome.to_string().replace('\n', "\n   "));
    }
}
