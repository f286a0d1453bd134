//! No input may panic, abort or overflow the Rust stack: pathological
//! sources give a clear error with a location, and runaway guest recursion
//! gives `RecursionError`. (The 69 malformed programs under
//! `tests/golden/syntax/` check the exact CPython messages; these check the
//! extremes.) Tests run on threads with the default 2 MiB stack on purpose.

use interp::{compile, Unwind, Value, Vm};

fn compile_error(src: &str) -> String {
    match compile(src, "bad.py") {
        Ok(_) => panic!(
            "expected a compile error for {:?}...",
            &src[..src.len().min(60)]
        ),
        Err(e) => {
            let text = e.to_string();
            assert!(
                text.contains("Error")
                    && (text.contains("line") || text.starts_with("RecursionError")),
                "unclear error: {text}"
            );
            text
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let n = 100_000;
    let cases = [
        format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
        format!("x = {}\n", "[".repeat(n)),
        format!("x = {}1\n", "-".repeat(n)),
        format!("x = {}1\n", "not ".repeat(n)),
        format!("x = 1{}\n", " + 1".repeat(n)),
        format!("x = {}0\n", "lambda: ".repeat(n)),
        format!("x = {}1{}\n", "f(".repeat(n), ")".repeat(n)),
        format!("x = 1{}\n", "[0]".repeat(n)),
        format!("x = a{}\n", ".b".repeat(n)),
        format!("x = {}1\n", "1 if 1 else ".repeat(n)),
    ];
    for src in &cases {
        compile_error(src);
    }
}

#[test]
fn nested_blocks_hit_cpythons_indentation_limit() {
    let mut src = String::new();
    for i in 0..120 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(120));
    src.push_str("pass\n");
    let e = compile_error(&src);
    assert!(e.contains("too many levels of indentation"), "{e}");
}

#[test]
fn odd_literals_are_clear_errors() {
    for (src, want) in [
        ("x = 99999999999999999999\n", "too large"),
        ("x = '\\N{DASH}'\n", "not supported"),
        ("x = b'bytes'\n", "bytes literals are not supported"),
        ("x = 1j\n", "complex numbers are not supported"),
        (
            "x = '''never closed\n\n",
            "unterminated triple-quoted string literal",
        ),
        ("x = f'{a:{b:{c}}}'\n", "nested too deeply"),
        ("x = 1\n\\", "unexpected EOF"),
        ("x = \u{0}\n", "invalid"),
        ("async def f():\n    pass\n", "not supported"),
    ] {
        let e = match compile(src, "bad.py") {
            Ok(_) => panic!("{src:?} compiled"),
            Err(e) => e.to_string(),
        };
        assert!(
            e.contains(want) || e.contains("SyntaxError"),
            "{src:?}: {e}"
        );
    }
}

#[test]
fn random_token_soup_never_panics() {
    // A tiny deterministic generator (xorshift) over Python-ish fragments.
    let fragments = [
        "x", "=", "(", ")", "[", "]", "{", "}", ":", ",", "if", "else", "for", "in", "def", "f",
        "return", "lambda", "\n", "    ", "\t", "'s'", "\"", "f'{x}'", "1", "1.5e3", "0x", "+",
        "-", "*", "**", "//", "not", "and", "yield", "class", "try", "except", "finally", "with",
        "as", "import", "from", ".", "@", "#c", "\\\n", "...", "*a", "**k", "->", ":=", "==", "!=",
        "<", "}}", "{{", "'''", "global", "nonlocal", "del", "pass", "break", "while",
    ];
    let mut state: u64 = 0x9e3779b97f4a7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let mut src = String::new();
        for _ in 0..len {
            src.push_str(fragments[(next() % fragments.len() as u64) as usize]);
            if next() % 3 == 0 {
                src.push(' ');
            }
        }
        // Either way, never a panic.
        if let Ok(p) = compile(&src, "soup.py") {
            let mut vm = Vm::default();
            vm.set_stdout(Box::new(std::io::sink()));
            vm.set_instruction_budget(Some(10_000));
            let _ = vm.run(&p);
        }
    }
}

fn run_error(src: &str) -> String {
    let p = compile(src, "deep.py").unwrap();
    let mut vm = Vm::default();
    vm.set_stdout(Box::new(std::io::sink()));
    match vm.run(&p) {
        Err(e) => match *e {
            Unwind::Raise(exc) => vm.exception_line(exc),
            Unwind::Kill(r) => panic!("killed: {r:?}"),
        },
        Ok(v) => panic!("expected an exception, got {v:?}"),
    }
}

#[test]
fn runaway_recursion_is_recursion_error() {
    assert_eq!(
        run_error("def f(n):\n    return f(n + 1)\nf(0)\n"),
        "RecursionError: maximum recursion depth exceeded"
    );
    // Frames live on the heap: a high limit is still safe for the Rust stack.
    assert_eq!(
        run_error(
            "import sys\nsys.setrecursionlimit(50000)\ndef f(n):\n    return f(n + 1)\nf(0)\n"
        ),
        "RecursionError: maximum recursion depth exceeded"
    );
    // Recursion through Rust (a special method calling itself).
    let e = run_error("class A:\n    def __eq__(self, o):\n        return self == o\nA() == A()\n");
    assert!(e.starts_with("RecursionError"), "{e}");
    let e = run_error("class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n");
    assert!(e.starts_with("RecursionError"), "{e}");
}

#[test]
fn deeply_nested_data_is_recursion_error_not_overflow() {
    let e = run_error("a = []\nfor i in range(100000):\n    a = [a]\nprint(a)\n");
    assert!(e.starts_with("RecursionError"), "{e}");
    let e = run_error(
        "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n",
    );
    assert!(e.starts_with("RecursionError"), "{e}");
    let e = run_error("t = ()\nfor i in range(100000):\n    t = (t,)\nprint(hash(t))\n");
    assert!(e.starts_with("RecursionError"), "{e}");
    // The same VM keeps working after all that.
    let p = compile("x = [1]\nprint(x)\n", "ok.py").unwrap();
    let mut vm = Vm::default();
    vm.set_stdout(Box::new(std::io::sink()));
    assert!(matches!(vm.run(&p), Ok(Value::None)));
}
