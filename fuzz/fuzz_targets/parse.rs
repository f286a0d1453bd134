//! Lexer and parser: any bytes that are UTF-8 either parse or give a
//! `SyntaxError`, never a panic, an abort or a stack overflow.
#![no_main]

use interp::intern::Interner;
use interp::lexer::LineIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let lines = LineIndex::new(src);
    let mut interner = Interner::new();
    let _ = interp::parser::parse(src, &mut interner, &lines);
});
