//! Formatting uncaught exceptions exactly as CPython 3.11 prints them:
//! chained exceptions, `File "...", line N, in f` entries with the source
//! line and the `^^^^`/`~~~^^^` position markers, `[Previous line repeated
//! N more times]`, and "Did you mean" suggestions. The VM never prints;
//! hosts (the `vm` command, thread reports) call this to get the text.

use crate::ast::{ExprKind, StmtKind};
use crate::intern::{sym, Interner};
use crate::lexer::LineIndex;
use crate::object::*;
use crate::suggest_data::{BUILTIN_NAMES, TYPE_DIRS};
use crate::value::Value;
use crate::vm::{ExcKind, Vm};

/// CPython's `TB_RECURSIVE_CUTOFF`.
const RECURSIVE_CUTOFF: usize = 3;

impl Vm {
    /// The full report for an uncaught exception, chained exceptions first,
    /// ending with a newline.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(exc, &mut out, &mut seen, 0, true);
        out
    }

    /// Like `format_exception` but without the `^^^^` markers: for kill
    /// reports, where the instruction the kill landed on did nothing wrong.
    pub fn format_exception_plain(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(exc, &mut out, &mut seen, 0, false);
        out
    }

    fn format_chain(
        &mut self,
        exc: Value,
        out: &mut String,
        seen: &mut Vec<usize>,
        depth: usize,
        markers: bool,
    ) {
        seen.push(exc.heap_addr().unwrap_or(0));
        if let Some(d) = Vm::exc_data(exc) {
            let cause = d.cause.get();
            let context = d.context.get();
            let fresh = |v: Value, seen: &Vec<usize>| {
                !v.is_none() && !v.is_undef() && !seen.contains(&v.heap_addr().unwrap_or(0))
            };
            if depth < 100 {
                if fresh(cause, seen) {
                    self.format_chain(cause, out, seen, depth + 1, markers);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                } else if fresh(context, seen) && !d.suppress_context.get() {
                    self.format_chain(context, out, seen, depth + 1, markers);
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
        }
        self.format_single(exc, out, markers);
    }

    /// One exception: its traceback and its `Type: message` line.
    fn format_single(&mut self, exc: Value, out: &mut String, markers: bool) {
        let tb = Vm::exc_data(exc).map(|d| d.traceback()).unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut count = 0usize;
            for entry in tb.iter().rev() {
                let code = entry.code.inner();
                let line = code.code.line_near(entry.pc as usize);
                let key = (
                    code.source.filename.clone(),
                    line,
                    code.name.inner().as_str().to_string(),
                );
                if last.as_ref() != Some(&key) {
                    if count > RECURSIVE_CUTOFF {
                        repeated(out, count - RECURSIVE_CUTOFF);
                    }
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > RECURSIVE_CUTOFF {
                    continue;
                }
                format_entry(code, entry.pc as usize, out, markers);
            }
            if count > RECURSIVE_CUTOFF {
                repeated(out, count - RECURSIVE_CUTOFF);
            }
        }
        out.push_str(&self.exception_line(exc));
        out.push('\n');
    }

    /// `TypeName: message` (or just `TypeName`), with suggestions.
    pub fn exception_line(&mut self, exc: Value) -> String {
        let name = match exc {
            Value::Instance(i) => {
                let c = i.class;
                if c.user_defined && &*c.module != "__main__" && &*c.module != "builtins" {
                    format!("{}.{}", c.module, c.qualname)
                } else {
                    c.qualname.to_string()
                }
            }
            other => other.type_name().to_string(),
        };
        let msg = match self.to_str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut line = if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        };
        if let Some(s) = self.suggestion(exc) {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        line
    }

    /// "Did you mean" for `NameError` and `AttributeError` (CPython's
    /// `_compute_suggestion_error`).
    fn suggestion(&mut self, exc: Value) -> Option<String> {
        let Value::Instance(inst) = exc else {
            return None;
        };
        let name = match inst.attrs.get(sym::NAME) {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => return None,
        };
        if self.exc_is(exc, ExcKind::AttributeError) {
            let obj_sym = self.intern("obj");
            let obj = inst.attrs.get(obj_sym)?;
            let dir = self.dir_of(obj);
            return best_match(&name, &dir);
        }
        if self.exc_is(exc, ExcKind::NameError) && !self.exc_is(exc, ExcKind::UnboundLocalError) {
            let tb = Vm::exc_data(exc)?.traceback();
            let innermost = tb.first()?;
            let code = innermost.code.inner();
            let locals: Vec<String> = code
                .local_names
                .iter()
                .take(code.code.nlocals as usize + code.code.ncells as usize)
                .map(|s| self.symbol_text(*s).to_string())
                .collect();
            if let Some(s) = best_match(&name, &locals) {
                return Some(s);
            }
            let globals: Vec<String> = match self.main_module {
                Some(m) => m
                    .entries()
                    .iter()
                    .map(|(n, _)| self.symbol_text(*n).to_string())
                    .collect(),
                None => Vec::new(),
            };
            if let Some(s) = best_match(&name, &globals) {
                return Some(s);
            }
            let builtins: Vec<String> = BUILTIN_NAMES.iter().map(|s| s.to_string()).collect();
            return best_match(&name, &builtins);
        }
        None
    }

    /// `dir(obj)`, as CPython lists it (sorted).
    pub(crate) fn dir_of(&mut self, obj: Value) -> Vec<String> {
        let table = |name: &str| -> Vec<String> {
            TYPE_DIRS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| d.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default()
        };
        let mut names: Vec<String> = match obj {
            Value::Instance(i) => {
                let mut v = if i.class.user_defined {
                    table("instance")
                } else {
                    table("object")
                };
                for (n, _) in i.attrs.entries() {
                    v.push(self.symbol_text(n).to_string());
                }
                let mut c = Some(i.class);
                while let Some(k) = c {
                    for (n, _) in k.attrs.entries() {
                        v.push(self.symbol_text(n).to_string());
                    }
                    c = k.base;
                }
                if i.exc.is_some() {
                    v.extend(
                        [
                            "args",
                            "with_traceback",
                            "add_note",
                            "__traceback__",
                            "__cause__",
                            "__context__",
                            "__suppress_context__",
                        ]
                        .map(String::from),
                    );
                }
                v
            }
            Value::Class(c) => {
                let mut v = table("type");
                let mut k = Some(c);
                while let Some(cl) = k {
                    for (n, _) in cl.attrs.entries() {
                        v.push(self.symbol_text(n).to_string());
                    }
                    k = cl.base;
                }
                v
            }
            Value::Module(m) => {
                let mut v = table("module");
                for (n, _) in m.entries() {
                    v.push(self.symbol_text(n).to_string());
                }
                v
            }
            Value::Func(f) => {
                let mut v = table("function");
                for (n, _) in f.attrs.entries() {
                    v.push(self.symbol_text(n).to_string());
                }
                v
            }
            other => {
                let v = table(other.type_name());
                if v.is_empty() {
                    let cls = self.type_of(other);
                    let mut v = table("object");
                    for (n, _) in cls.attrs.entries() {
                        v.push(self.symbol_text(n).to_string());
                    }
                    v
                } else {
                    v
                }
            }
        };
        names.sort();
        names.dedup();
        names
    }
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {n} more time{}]\n",
        if n > 1 { "s" } else { "" }
    ));
}

/// One `File ..., line ..., in ...` entry with its source line and
/// markers (CPython's `tb_displayline`).
fn format_entry(code: &CodeObj, pc: usize, out: &mut String, markers: bool) {
    let c = &code.code;
    let pos = c.positions.get(pc).copied().unwrap_or_default();
    let line_no = if pos.line == 0 {
        c.line_near(pc)
    } else {
        pos.line
    };
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        code.source.filename,
        line_no,
        code.name.inner().as_str()
    ));
    let Some(src_line) = code.source.line(line_no as usize) else {
        return;
    };
    let stripped_start = src_line.len() - src_line.trim_start_matches([' ', '\t', '\x0c']).len();
    let shown = &src_line[stripped_start..];
    if shown.trim().is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(shown.trim_end_matches(['\n', '\r']));
    out.push('\n');
    if pos.line == 0 || !markers {
        return;
    }
    let to_char = |byte: usize| {
        src_line
            .get(..byte.min(src_line.len()))
            .map_or(0, |s| s.chars().count())
    };
    let start = to_char(pos.col as usize);
    let mut end = to_char(pos.end_col as usize);
    let mut anchors = None;
    if pos.line == pos.end_line {
        let seg_start = (pos.col as usize).min(src_line.len());
        let seg_end = (pos.end_col as usize).clamp(seg_start, src_line.len());
        if let Some(segment) = src_line.get(seg_start..seg_end) {
            anchors = extract_anchors(segment).map(|(l, r)| (start + l, start + r));
        }
    } else {
        // A multi-line expression: mark up to the last non-blank character.
        end = src_line.trim_end().chars().count();
    }
    let leading = src_line[..stripped_start].chars().count();
    let stripped_len = shown.chars().count();
    if end.saturating_sub(start) == stripped_len && anchors.is_none() {
        return;
    }
    if end <= start {
        return;
    }
    // CPython's `print_error_location_carets`.
    let mut offset = leading as isize - 4;
    let mut line = String::new();
    while {
        offset += 1;
        offset <= end as isize
    } {
        let ch = if offset <= start as isize {
            ' '
        } else if let Some((l, r)) = anchors {
            if (l as isize) < offset && offset <= r as isize {
                '^'
            } else {
                '~'
            }
        } else {
            '^'
        };
        line.push(ch);
    }
    out.push_str(&line);
    out.push('\n');
}

/// For a binary operation or subscript, the character range of the
/// operator (or the brackets) within `segment`, as CPython's
/// `extract_anchors_from_line` finds it by re-parsing the segment.
fn extract_anchors(segment: &str) -> Option<(usize, usize)> {
    let mut interner = Interner::new();
    let lines = LineIndex::new(segment);
    let module = crate::parser::parse(segment, &mut interner, &lines).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &module.body[0].kind else {
        return None;
    };
    let bytes = segment.as_bytes();
    let is_ws = |c: u8| c == b' ' || c == b'\t' || c == b'\x0c' || c == b'\n' || c == b'\r';
    let to_char = |b: usize| {
        segment
            .get(..b.min(segment.len()))
            .map_or(b, |s| s.chars().count())
    };
    match &e.kind {
        ExprKind::Binary(left, _, right) => {
            let (mut l, mut r) = (None, None);
            let mut i = left.span.end as usize;
            let rstart = right.span.start as usize;
            while i < rstart {
                if is_ws(bytes[i]) {
                    i += 1;
                    continue;
                }
                l = Some(i);
                let mut rr = i + 1;
                if i + 1 < rstart && !is_ws(bytes[i + 1]) {
                    rr += 1;
                }
                r = Some(rr);
                if i + 1 < rstart && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            Some((to_char(l?), to_char(r?)))
        }
        ExprKind::Subscript(value, index) => {
            let mut l = value.span.end as usize;
            let mut r = index.span.end as usize + 1;
            let n = bytes.len();
            while l < n && (is_ws(bytes[l]) || bytes[l] != b'[') {
                l += 1;
            }
            while r < n && (is_ws(bytes[r]) || bytes[r] != b']') {
                r += 1;
            }
            if r < n {
                r += 1;
            }
            Some((to_char(l), to_char(r)))
        }
        _ => None,
    }
}

/// The closest candidate to `name`, if close enough (CPython's
/// `calculate_suggestions`).
pub(crate) fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    const MAX_CANDIDATES: usize = 750;
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(item);
            best_dist = d;
        }
    }
    best.cloned()
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return CASE_COST;
    }
    MOVE_COST
}

fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    const MAX_STRING: usize = 40;
    if a == b {
        return 0;
    }
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            best_match("cuont", &c(&["count", "x"])),
            Some("count".into())
        );
        assert_eq!(
            best_match("prnt", &c(&["print", "len"])),
            Some("print".into())
        );
        assert_eq!(best_match("zzzzzz", &c(&["print", "len"])), None);
    }

    #[test]
    fn anchors() {
        assert_eq!(extract_anchors("1/0"), Some((1, 2)));
        assert_eq!(extract_anchors("a // b"), Some((2, 4)));
        assert_eq!(extract_anchors("x[10]"), Some((1, 5)));
        assert_eq!(extract_anchors("f(x)"), None);
    }
}
