//! The whole front end (lexer, parser, scope analysis, code generation,
//! error location) and the disassembler: a program or a located
//! `CompileError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match interp::compile(src, "fuzz.py") {
        Ok(p) => {
            let _ = interp::bytecode::disassemble(&p.main, &p.names);
        }
        Err(e) => {
            // Formatting the error walks the source line and the caret.
            let _ = e.to_string();
        }
    }
});
