//! Property tests (proptest) of the invariants that matter most:
//!
//! - the VM never panics, whatever expression program it runs;
//! - a soft kill at any instruction leaves a consistent VM: every entered
//!   `finally` ran once, and the same VM then prints exactly what a fresh
//!   one prints for the same program;
//! - `int` arithmetic is exact or raises `OverflowError`: it never wraps
//!   (README, "Known deviations": ints are 64-bit).
//!
//! Case counts are kept small enough for CI; `PROPTEST_CASES=5000` runs
//! more.

use std::io::Write;
use std::sync::{Arc, Mutex};

use interp::{compile, Unwind, Vm};
use proptest::prelude::*;

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Buf {
    fn take(&self) -> String {
        String::from_utf8(std::mem::take(&mut *self.0.lock().unwrap())).unwrap()
    }
}

/// Integer literals, with the edges of the 64-bit range well represented.
fn int_lit() -> impl Strategy<Value = String> {
    prop_oneof![
        (-20i64..20).prop_map(|i| i.to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
        prop_oneof![
            Just("9223372036854775807"),
            Just("(-9223372036854775807 - 1)"),
            Just("4611686018427387904"),
            Just("3037000499"),
            Just("(2**62)"),
        ]
        .prop_map(str::to_string),
    ]
}

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => int_lit(),
        2 => prop_oneof![
            Just("0.5"), Just("-0.0"), Just("1e300"), Just("3.25"), Just("float('inf')"),
            Just("float('nan')"), Just("1e-320"),
        ].prop_map(str::to_string),
        2 => prop_oneof![
            Just("''"), Just("'ab'"), Just("'héllo'"), Just("'x y'"), Just("'3'"),
        ].prop_map(str::to_string),
        1 => prop_oneof![Just("True"), Just("None"), Just("x"), Just("s"), Just("l")]
            .prop_map(str::to_string),
        1 => prop::collection::vec(int_lit(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
    ]
}

/// Expressions over ints, floats, strings and lists: arithmetic,
/// comparisons, boolean operators, indexing, slicing, f-strings, builtins.
fn expr() -> impl Strategy<Value = String> {
    leaf().prop_recursive(4, 40, 3, |inner| {
        let op = prop_oneof![
            Just("+"),
            Just("-"),
            Just("*"),
            Just("/"),
            Just("//"),
            Just("%"),
            Just("**"),
            Just("<<"),
            Just(">>"),
            Just("&"),
            Just("|"),
            Just("^"),
            Just("=="),
            Just("!="),
            Just("<"),
            Just("<="),
            Just("and"),
            Just("or"),
            Just("in"),
            Just("is"),
        ];
        prop_oneof![
            6 => (inner.clone(), op, inner.clone()).prop_map(|(a, o, b)| format!("({a} {o} {b})")),
            1 => inner.clone().prop_map(|a| format!("(-{a})")),
            1 => inner.clone().prop_map(|a| format!("(not {a})")),
            1 => (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("({a} if {b} else {c})")),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}[{b}]")),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}[{b}:]")),
            1 => (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("({a} < {b} <= {c})")),
            // Leaves only: 3.11 allows no f-string inside another with the
            // same quotes.
            1 => leaf().prop_map(|a| format!("f\"<{{{a}}}>\"")),
            1 => (leaf(), prop_oneof![Just(">5"), Just(".2f"), Just("x"), Just(",")])
                .prop_map(|(a, spec)| format!("f\"{{{a}:{spec}}}\"")),
            2 => (
                prop_oneof![
                    Just("len"), Just("str"), Just("repr"), Just("int"), Just("float"),
                    Just("abs"), Just("bool"), Just("sorted"), Just("list"), Just("hex"),
                    Just("min"), Just("max"), Just("sum"), Just("round"), Just("hash"),
                ],
                inner.clone()
            )
                .prop_map(|(f, a)| format!("{f}({a})")),
            1 => (inner.clone(), inner).prop_map(|(a, b)| format!("[{a}, {b}] * 3")),
        ]
    })
}

/// A program that evaluates each expression under `try`, printing the
/// value or the exception's type, inside a loop with `try/finally` so a
/// kill can land in many places.
fn program(exprs: &[String]) -> String {
    let mut src = String::from(
        "x = 7\ns = 'abc'\nl = [1, 2, 3]\nentered = []\ndone = []\nfor i in range(2):\n    try:\n        entered.append(i)\n",
    );
    for e in exprs {
        src.push_str(&format!(
            "        try:\n            print(repr({e}))\n        except Exception as exc:\n            print(type(exc).__name__)\n"
        ));
    }
    src.push_str("    finally:\n        done.append(i)\n");
    src
}

fn new_vm(out: &Buf) -> Vm {
    let mut vm = Vm::default();
    vm.set_stdout(Box::new(out.clone()));
    vm.config_mut().max_heap = Some(64 << 20);
    vm
}

fn ints(vm: &mut Vm, name: &str) -> Vec<i64> {
    match vm.get_global(name) {
        Some(interp::Value::List(l)) => l
            .to_vec()
            .iter()
            .filter_map(|v| match v {
                interp::Value::Int(i) => Some(*i),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_vm_never_panics(exprs in prop::collection::vec(expr(), 1..6)) {
        let src = program(&exprs);
        let p = compile(&src, "prop.py").unwrap_or_else(|e| panic!("{e}\n{src}"));
        let out = Buf::default();
        let mut vm = new_vm(&out);
        vm.set_instruction_budget(Some(200_000));
        // A panic fails the property (proptest catches it and shrinks).
        let r = vm.run(&p);
        if let Err(e) = r {
            if let Unwind::Raise(exc) = *e {
                // Only the budget's kill may end this program early: every
                // expression is inside `try`.
                prop_assert!(vm.kill_mark(exc).is_some(), "{}\n{src}", vm.exception_line(exc));
            }
        }
    }

    #[test]
    fn a_soft_kill_at_any_instruction_leaves_a_consistent_vm(
        exprs in prop::collection::vec(expr(), 1..4),
        at in 0u64..2000,
    ) {
        let src = program(&exprs);
        let p = compile(&src, "prop.py").unwrap();
        let fresh_out = Buf::default();
        let mut fresh = new_vm(&fresh_out);
        let full = fresh.run(&p);
        prop_assume!(full.is_ok());
        let want = fresh_out.take();

        let out = Buf::default();
        let mut vm = new_vm(&out);
        vm.set_instruction_budget(Some(at));
        let killed = vm.run(&p);
        let (entered, done) = (ints(&mut vm, "entered"), ints(&mut vm, "done"));
        if killed.is_err() {
            // Each entered try's finally ran once. The try the kill landed
            // in may be off by one: the kill came before its first
            // statement recorded the entry, or inside its finally before
            // the finally recorded the exit.
            let mut off = 0;
            for i in 0..2 {
                let e = entered.iter().filter(|&&v| v == i).count() as i64;
                let d = done.iter().filter(|&&v| v == i).count() as i64;
                prop_assert!((d - e).abs() <= 1, "i={i}: {entered:?} / {done:?}");
                off += (d - e).abs();
            }
            prop_assert!(off <= 1, "{entered:?} / {done:?}");
        }
        vm.set_instruction_budget(None);
        out.take();
        let again = vm.run(&p);
        prop_assert!(again.is_ok(), "the VM is unusable after a kill at {at}");
        prop_assert_eq!(out.take(), want);
    }

    #[test]
    fn int_arithmetic_is_exact_or_overflow_error(
        a in prop_oneof![any::<i64>(), -100i64..100, Just(i64::MAX), Just(i64::MIN)],
        b in prop_oneof![any::<i64>(), -70i64..70, Just(i64::MAX), Just(i64::MIN), Just(-1i64)],
        op in 0usize..9,
    ) {
        let (a128, b128) = (a as i128, b as i128);
        let floor_div = |x: i128, y: i128| {
            let q = x / y;
            if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q }
        };
        let (sym, exact): (&str, Option<i128>) = match op {
            0 => ("+", Some(a128 + b128)),
            1 => ("-", Some(a128 - b128)),
            2 => ("*", Some(a128 * b128)),
            3 => ("//", (b != 0).then(|| floor_div(a128, b128))),
            4 => ("%", (b != 0).then(|| a128 - b128 * floor_div(a128, b128))),
            5 => ("**", (0..=200).contains(&b).then(|| {
                let mut r: i128 = 1;
                for _ in 0..b {
                    r = r.saturating_mul(a128);
                }
                r
            })),
            6 => ("<<", (0..=200).contains(&b).then(|| {
                if a == 0 { 0 } else if b >= 64 { i128::MAX } else { a128 << b }
            })),
            7 => ("abs", Some(a128.abs())),
            _ => ("neg", Some(-a128)),
        };
        let Some(exact) = exact else { return Ok(()) };
        let text = match sym {
            "abs" => format!("abs({a})"),
            "neg" => format!("-({a})"),
            _ => format!("({a}) {sym} ({b})"),
        };
        let src = format!("try:\n    print({text})\nexcept OverflowError as e:\n    print('OverflowError', e)\n");
        let p = compile(&src, "int.py").unwrap();
        let out = Buf::default();
        let mut vm = new_vm(&out);
        prop_assert!(vm.run(&p).is_ok(), "{src}");
        let got = out.take();
        if i64::try_from(exact).is_ok() {
            prop_assert_eq!(got, format!("{exact}\n"), "{}", text);
        } else {
            prop_assert_eq!(
                got,
                "OverflowError integer overflow: this VM's int is 64-bit\n".to_string(),
                "{} must not wrap", text
            );
        }
    }
}
