//! The `vm` command end to end: exit statuses, kill reports, kills during
//! `time.sleep`, the grace period and `--no-catch`, `vm dis`. Every child
//! process runs under a watchdog so a hang fails the test instead of CI.

mod common;

use std::time::Duration;

use common::{root, script, vm};

#[test]
fn hello_runs() {
    let r = vm(&["run", "scripts/hello.py"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "Hello, world!\n1 + 2 + 3 = 6\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn exit_statuses_follow_cpython() {
    let cases = [
        ("import sys\nsys.exit()\n", 0, ""),
        ("import sys\nsys.exit(0)\n", 0, ""),
        ("import sys\nsys.exit(3)\n", 3, ""),
        ("import sys\nsys.exit(None)\n", 0, ""),
        ("import sys\nsys.exit('bye')\n", 1, "bye\n"),
        ("raise SystemExit(7)\n", 7, ""),
        (
            "print('x')\n1/0\n",
            1,
            "ZeroDivisionError: division by zero\n",
        ),
    ];
    for (i, (src, status, err_tail)) in cases.iter().enumerate() {
        let p = script(&format!("exit{i}.py"), src);
        let r = vm(&["run", &p]);
        assert_eq!(r.status, *status, "{src:?}: {}", r.stderr);
        assert!(
            r.stderr.ends_with(err_tail),
            "{src:?}: stderr {:?}",
            r.stderr
        );
    }
}

#[test]
fn uncaught_exception_prints_cpython_traceback() {
    let p = script("tb.py", "def f(x):\n    return x[1] + 1/0\nf([1, 2])\n");
    let r = vm(&["run", &p]);
    assert_eq!(r.status, 1);
    let want = format!(
        "Traceback (most recent call last):\n  File \"{p}\", line 3, in <module>\n    f([1, 2])\n  File \"{p}\", line 2, in f\n    return x[1] + 1/0\n                  ~^~\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(r.stderr, want);
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let p = script("syn.py", "x = 1\ny = (1,\n");
    let r = vm(&["run", &p]);
    assert_eq!(r.status, 1);
    assert_eq!(
        r.stderr,
        format!(
            "  File \"{p}\", line 2\n    y = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        )
    );
}

#[test]
fn deadline_soft_kill_runs_finally_and_exits_124() {
    let r = vm(&["run", "scripts/spin.py", "--kill-after", "200ms"]);
    assert_eq!(r.status, 124, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("cleanup: the spin loop was stopped after"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("vm: killed after 0.2"), "{}", r.stderr);
    assert!(r.stderr.contains("deadline exceeded"), "{}", r.stderr);
    // The kill lands on the loop line or its body, wherever the loop was.
    assert!(
        r.stderr.contains("spin.py\", line 6, in <module>")
            || r.stderr.contains("spin.py\", line 7, in <module>"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.ends_with("SystemExit\n"), "{}", r.stderr);
}

#[test]
fn kill_during_sleep_wakes_at_once() {
    let r = vm(&["run", "scripts/sleepy.py", "--kill-after", "300ms"]);
    assert_eq!(r.status, 124, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "going to sleep for 30 seconds\ncleanup: woken up by the kill\n"
    );
    // time.sleep(30) ended well under a second after the deadline.
    assert!(
        r.elapsed < Duration::from_millis(1200),
        "took {:?}",
        r.elapsed
    );
    assert!(r.stderr.contains("time.sleep(30)"), "{}", r.stderr);
}

#[test]
fn swallowed_soft_kill_escalates_to_hard_after_grace() {
    let r = vm(&[
        "run",
        "scripts/swallow.py",
        "--kill-after",
        "200ms",
        "--grace",
        "300ms",
    ]);
    assert_eq!(r.status, 137, "{}", r.stderr);
    assert!(r.stdout.contains("swallowed a SystemExit"), "{}", r.stdout);
    assert!(
        r.stderr.contains("vm: killed hard after 0.5"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Kill landed at (most recent call last):"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("swallow.py\", line"), "{}", r.stderr);
}

#[test]
fn no_catch_makes_the_soft_kill_uncatchable() {
    let r = vm(&[
        "run",
        "scripts/swallow.py",
        "--kill-after",
        "200ms",
        "--no-catch",
    ]);
    assert_eq!(r.status, 124, "{}", r.stderr);
    assert!(!r.stdout.contains("swallowed"), "{}", r.stdout);
}

#[test]
fn grace_zero_makes_the_first_kill_hard() {
    let r = vm(&[
        "run",
        "scripts/spin.py",
        "--kill-after",
        "200ms",
        "--grace",
        "0",
    ]);
    assert_eq!(r.status, 137, "{}", r.stderr);
    assert_eq!(
        r.stdout, "",
        "no guest code (not even finally) runs after a hard kill"
    );
    assert!(r.stderr.contains("killed hard"), "{}", r.stderr);
}

#[test]
fn nested_finally_blocks_run_innermost_first() {
    let r = vm(&["run", "scripts/nested.py", "--kill-after", "200ms"]);
    assert_eq!(r.status, 124, "{}", r.stderr);
    let want: String = (0..=5)
        .map(|d| format!("finally at depth {d}\n"))
        .collect::<String>()
        + "finally at module level\n";
    assert_eq!(r.stdout, want);
}

#[test]
fn script_that_ends_before_the_deadline_is_not_killed() {
    let r = vm(&["run", "scripts/hello.py", "--kill-after", "10s"]);
    assert_eq!(r.status, 0);
    assert_eq!(r.stderr, "");
}

#[test]
fn arguments_after_double_dash_become_sys_argv() {
    let p = script("argv.py", "import sys\nprint(sys.argv[1:])\n");
    let r = vm(&["run", &p, "--", "a", "--b", "c d"]);
    assert_eq!(r.stdout, "['a', '--b', 'c d']\n");
}

#[test]
fn dis_prints_bytecode_with_line_numbers() {
    let r = vm(&["dis", "scripts/hello.py"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.contains("LOAD_CONST"), "{}", r.stdout);
    assert!(r.stdout.contains("STORE_GLOBAL"), "{}", r.stdout);
    assert!(
        r.stdout.lines().any(|l| l.trim_start().starts_with("4 ")),
        "line numbers: {}",
        r.stdout
    );
}

#[test]
fn bad_command_lines_get_clear_errors() {
    let r = vm(&["run", "scripts/hello.py", "--kill-after", "soon"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("invalid duration"), "{}", r.stderr);
    let r = vm(&["run", "no/such/file.py"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("can't open file 'no/such/file.py'"),
        "{}",
        r.stderr
    );
}

#[test]
fn each_limit_flag_stops_the_script_with_a_message_naming_it() {
    let cases: [(&str, &[&str], &str, &[&str]); 4] = [
        (
            "mem.py",
            &["--max-memory", "64MiB"],
            "x = [0] * 10**10\n",
            &[
                "MemoryError: heap limit of 67108864 bytes exceeded",
                "vm: the script exceeded its memory limit: --max-memory 64MiB (67108864 bytes)",
            ],
        ),
        (
            "rec.py",
            &["--max-recursion", "50"],
            "import sys\nsys.setrecursionlimit(10000)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
            &[
                "RecursionError: maximum recursion depth exceeded",
                "vm: the script exceeded its recursion limit: --max-recursion 50",
            ],
        ),
        (
            "out.py",
            &["--max-output", "1KiB"],
            "while True:\n    print('spam')\n",
            &[
                "OSError: output limit of 1024 bytes exceeded",
                "vm: the script exceeded its output limit: --max-output 1KiB (1024 bytes)",
            ],
        ),
        (
            "spin.py",
            &["--max-instructions", "100000"],
            "try:\n    while True:\n        pass\nfinally:\n    print('finally ran')\n",
            &[
                "instruction budget exhausted",
                "vm: the script exceeded its instruction budget: --max-instructions 100000",
            ],
        ),
    ];
    for (name, flags, src, want) in cases {
        let path = script(name, src);
        let mut args = vec!["run", path.as_str()];
        args.extend_from_slice(flags);
        let r = vm(&args);
        for w in want {
            assert!(
                r.stderr.contains(w),
                "{flags:?}: want {w:?} in:\n{}",
                r.stderr
            );
        }
        let status = if name == "spin.py" { 124 } else { 1 };
        assert_eq!(r.status, status, "{flags:?}: {}", r.stderr);
        if name == "out.py" {
            assert_eq!(r.stdout.len(), 1020, "the output stops at the limit");
        }
        if name == "spin.py" {
            assert_eq!(r.stdout, "finally ran\n");
        }
    }
}

#[test]
fn limit_flags_take_human_sizes_and_reject_nonsense() {
    let ok = script("ok.py", "print(len('x' * 1000))\n");
    for size in ["64MiB", "64M", "1.5GiB", "1000000", "100 KB"] {
        let r = vm(&["run", &ok, "--max-memory", size, "--max-output", size]);
        assert_eq!(
            (r.status, r.stdout.as_str()),
            (0, "1000\n"),
            "{size}: {}",
            r.stderr
        );
    }
    for bad in ["lots", "-1", "64XB"] {
        let flag = format!("--max-memory={bad}");
        let r = vm(&["run", &ok, &flag]);
        assert_eq!(r.status, 2, "{bad}");
        assert!(r.stderr.contains("invalid size"), "{bad}: {}", r.stderr);
    }
    let r = vm(&["run", &ok, "--max-instructions", "many"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("--max-instructions"), "{}", r.stderr);
}

#[test]
fn the_default_recursion_limit_is_cpythons_and_prints_no_note() {
    let p = script("deep.py", "def f(n):\n    return f(n + 1)\nf(0)\n");
    let r = vm(&["run", &p]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("[Previous line repeated 996 more times]"),
        "{}",
        r.stderr
    );
    assert!(r
        .stderr
        .ends_with("RecursionError: maximum recursion depth exceeded\n"));
}

/// `--isolate process`: the same statuses, output and reports as the
/// in-process run, with the deadline enforced by the parent.
#[test]
fn isolated_runs_end_with_the_in_process_statuses() {
    let spin = vm(&[
        "run",
        "--isolate",
        "process",
        "scripts/spin.py",
        "--kill-after",
        "300ms",
    ]);
    assert_eq!(spin.status, 124, "{}", spin.stderr);
    assert!(spin
        .stdout
        .starts_with("cleanup: the spin loop was stopped after"));
    assert!(spin.stderr.contains("deadline exceeded"), "{}", spin.stderr);
    let swallow = vm(&[
        "run",
        "--isolate",
        "process",
        "scripts/swallow.py",
        "--kill-after",
        "200ms",
        "--grace",
        "300ms",
    ]);
    assert_eq!(swallow.status, 137, "{}", swallow.stderr);
    assert!(swallow.stdout.contains("swallowed a SystemExit"));
    assert!(swallow
        .stderr
        .contains("Kill landed at (most recent call last):"));
    let hello = vm(&["run", "--isolate", "process", "scripts/hello.py"]);
    assert_eq!(
        (hello.status, hello.stdout.as_str()),
        (0, "Hello, world!\n1 + 2 + 3 = 6\n")
    );
    let exit = script(
        "isolated_exit.py",
        "import sys\nprint(sys.argv[1:])\nsys.exit(3)\n",
    );
    let r = vm(&["run", "--isolate", "process", &exit, "--", "a", "b"]);
    assert_eq!((r.status, r.stdout.as_str()), (3, "['a', 'b']\n"));
    let err = script("isolated_error.py", "1 / 0\n");
    let r = vm(&["run", "--isolate", "process", &err, "--max-recursion", "50"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.ends_with("ZeroDivisionError: division by zero\n"),
        "{}",
        r.stderr
    );
}

/// The point of isolation: a child that cannot react to the kill at all
/// (here it is stopped with SIGSTOP) is still ended with SIGKILL once the
/// grace period is over.
#[test]
fn an_isolated_script_that_cannot_react_is_sent_sigkill() {
    let mut parent = std::process::Command::new(env!("CARGO_BIN_EXE_vm"))
        .args(["run", "--isolate", "process", "scripts/spin.py"])
        .args(["--kill-after", "400ms", "--grace", "200ms"])
        .current_dir(root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let children = format!("/proc/{0}/task/{0}/children", parent.id());
    let child: i32 = loop {
        let text = std::fs::read_to_string(&children).unwrap_or_default();
        if let Some(pid) = text.split_whitespace().next() {
            // Stopped between fork and exec, the child would also stop the
            // parent, whose spawn waits for the exec: wait for the exec.
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if String::from_utf8_lossy(&cmdline).contains("--isolated-child") {
                break pid.parse().unwrap();
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no child process"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    use nix::sys::signal::{kill, Signal};
    kill(nix::unistd::Pid::from_raw(child), Signal::SIGSTOP).unwrap();
    let out = parent.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(137), "{stderr}");
    assert!(stderr.contains("was sent SIGKILL"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(5));
}
