//! The sandbox: a guest reaches no file, socket, environment variable or
//! process. There is no `open`, `input`, `eval`, `exec` or `compile`;
//! `import` and `__import__` load only the built-in modules the host
//! allows, and anything else is CPython's `ModuleNotFoundError`. A last
//! test reads the `interp` sources to check that the VM crate links no
//! file, network, environment or process API at all, so a new builtin
//! cannot quietly add one.

use std::path::Path;

use killer::{Engine, Outcome, Output};

fn run(engine: &mut Engine, src: &str) -> Outcome {
    let p = killer::compile(src, "guest.py").unwrap_or_else(|e| panic!("{e}"));
    engine.run(&p)
}

fn engine() -> Engine {
    Engine::builder()
        .stdout(Output::Buffer)
        .stderr(Output::Buffer)
        .build()
}

/// `(type name, message)` of the exception the run ended with.
fn error(outcome: Outcome) -> (String, String) {
    match outcome {
        Outcome::Exception {
            type_name, message, ..
        } => (type_name, message),
        other => panic!("expected an exception, got {other:?}"),
    }
}

#[test]
fn no_builtin_reaches_files_input_or_code_loading() {
    let mut e = engine();
    for name in [
        "open",
        "input",
        "eval",
        "exec",
        "compile",
        "breakpoint",
        "help",
        "memoryview",
        "vars",
        "locals",
        "__builtins__",
        "__loader__",
        "__spec__",
    ] {
        let (ty, msg) = error(run(&mut e, &format!("{name}\n")));
        assert_eq!(ty, "NameError", "{name}: {msg}");
        assert!(
            msg.starts_with(&format!("name '{name}' is not defined")),
            "{name}: {msg}"
        );
    }
    // Nothing to climb to from an object either.
    let (ty, _) = error(run(&mut e, "().__class__.__base__.__subclasses__()\n"));
    assert_eq!(ty, "AttributeError");
    let (ty, _) = error(run(&mut e, "globals()['__builtins__']\n"));
    assert_eq!(ty, "KeyError");
}

#[test]
fn only_built_in_modules_import_with_cpythons_errors() {
    let mut e = engine();
    for module in [
        "os",
        "socket",
        "subprocess",
        "pathlib",
        "io",
        "builtins",
        "importlib",
        "shutil",
        "signal",
        "pickle",
        // A grant of the host (`EngineBuilder::allow_processes`).
        "multiprocessing",
    ] {
        for src in [
            format!("import {module}\n"),
            format!("from {module} import x\n"),
            format!("__import__('{module}')\n"),
        ] {
            let (ty, msg) = error(run(&mut e, &src));
            assert_eq!(ty, "ModuleNotFoundError", "{src}");
            assert_eq!(msg, format!("No module named '{module}'"), "{src}");
        }
    }
    let (ty, msg) = error(run(&mut e, "import os.path\n"));
    assert_eq!(
        (ty.as_str(), msg.as_str()),
        ("ModuleNotFoundError", "No module named 'os'")
    );
    let (ty, msg) = error(run(&mut e, "import time.x\n"));
    assert_eq!(ty, "ModuleNotFoundError");
    assert_eq!(msg, "No module named 'time.x'; 'time' is not a package");
    let (ty, msg) = error(run(&mut e, "__import__('x', level=1)\n"));
    assert_eq!(ty, "ImportError");
    assert_eq!(
        msg,
        "attempted relative import with no known parent package"
    );
    let (ty, msg) = error(run(&mut e, "__import__(5)\n"));
    assert_eq!(
        (ty.as_str(), msg.as_str()),
        ("TypeError", "module name must be a string")
    );
    // What is there works through every door.
    let ok = run(
        &mut e,
        "import math\nt = __import__('time')\nfrom sys import argv\nr = (math.sqrt(4), t.monotonic() > 0, argv)\n",
    );
    assert!(matches!(ok, Outcome::Returned(_)), "{ok}");
    // `ctypes` is the stand-in for the article's method 4: nothing in it
    // reaches memory or libraries.
    for attr in [
        "CDLL",
        "cdll",
        "memmove",
        "cast",
        "pointer",
        "pythonapi.Py_Initialize",
    ] {
        let (ty, _) = error(run(&mut e, &format!("import ctypes\nctypes.{attr}\n")));
        assert_eq!(ty, "AttributeError", "ctypes.{attr}");
    }
    // `sys` offers nothing that leads out.
    for attr in [
        "modules",
        "path",
        "stdin",
        "executable",
        "environ",
        "_getframe",
    ] {
        let (ty, _) = error(run(&mut e, &format!("import sys\nsys.{attr}\n")));
        assert_eq!(ty, "AttributeError", "sys.{attr}");
    }
}

#[test]
fn the_host_decides_which_built_in_modules_exist() {
    let mut e = Engine::builder()
        .stdout(Output::Buffer)
        .allow_modules(["math"])
        .build();
    assert!(matches!(run(&mut e, "import math\n"), Outcome::Returned(_)));
    for src in [
        "import time\n",
        "__import__('sys')\n",
        "from time import sleep\n",
    ] {
        let (ty, msg) = error(run(&mut e, src));
        assert_eq!(ty, "ModuleNotFoundError", "{src}");
        assert!(msg.starts_with("No module named '"), "{msg}");
    }
    let mut none = Engine::builder()
        .allow_modules(Vec::<String>::new())
        .build();
    let (ty, _) = error(run(&mut none, "import math\n"));
    assert_eq!(ty, "ModuleNotFoundError");
}

/// Everything in `interp/src`, with `//` comments dropped.
fn interp_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("interp/src");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                let code: String = text
                    .lines()
                    .map(|l| match l.find("//") {
                        Some(i) => &l[..i],
                        None => l,
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push((p.display().to_string(), code));
            }
        }
    }
    assert!(out.len() > 20, "interp/src not found");
    out
}

#[test]
fn the_vm_crate_links_no_file_network_environment_or_process_api() {
    // Time and thread primitives are fine (sleep, condition variables);
    // these are the ways out of the sandbox.
    let forbidden = [
        "std::fs",
        "std::net",
        "std::env",
        "std::process",
        "std::os::",
        "std::io::stdin",
        "File::",
        "TcpStream",
        "UdpSocket",
        "Command::new",
        "libc::",
        "extern \"C\"",
    ];
    // The one foreign function: giving freed memory's pages back to the
    // OS in pieces (interp/src/pages.rs). Nothing else may be declared.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let madvise = squeeze(
        "extern \"C\" { fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32; }",
    );
    let mut madvise_seen = false;
    for (path, code) in interp_sources() {
        let mut code = squeeze(&code);
        if path.ends_with("pages.rs") && code.contains(&madvise) {
            code = code.replace(&madvise, "");
            madvise_seen = true;
        }
        for f in forbidden.map(squeeze) {
            assert!(
                !code.contains(&f),
                "{path} uses {f}: the guest must not reach it (see README, SECURITY)"
            );
        }
    }
    assert!(
        madvise_seen,
        "pages.rs no longer declares madvise: update this test"
    );
}
