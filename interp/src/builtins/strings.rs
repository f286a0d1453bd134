//! Methods of `str`, `%`-formatting and `str.format`. Indices are in
//! characters (code points), as in Python, even though strings are stored as
//! UTF-8.

use crate::format::{self, Spec};
use crate::gc::Gc;
use crate::object::*;
use crate::value::Value;
use crate::vm::{ExcKind, Vm, VmResult};

use super::{add_methods, arg_count, exactly_one, int_arg, kwarg, no_args, no_kwargs};

pub(super) fn install(vm: &mut Vm) {
    let cls = vm.types().str_;
    add_methods(
        vm,
        cls,
        "str",
        &[
            ("join", join),
            ("split", split),
            ("rsplit", rsplit),
            ("splitlines", splitlines),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("replace", replace),
            ("startswith", startswith),
            ("endswith", endswith),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("upper", upper),
            ("lower", lower),
            ("casefold", lower),
            ("title", title),
            ("capitalize", capitalize),
            ("swapcase", swapcase),
            ("isdigit", isdigit),
            ("isdecimal", isdecimal),
            ("isnumeric", isnumeric),
            ("isalpha", isalpha),
            ("isalnum", isalnum),
            ("isspace", isspace),
            ("isupper", isupper),
            ("islower", islower),
            ("istitle", istitle),
            ("isidentifier", isidentifier),
            ("isprintable", isprintable),
            ("isascii", isascii),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("format", format_method),
            ("partition", partition),
            ("rpartition", rpartition),
            ("expandtabs", expandtabs),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
        ],
    );
}

fn this(args: &[Value]) -> Gc<Str> {
    match args[0] {
        Value::Str(s) => s,
        _ => unreachable!("str methods are only found on strings"),
    }
}

fn text<'a>(args: &'a [Value]) -> &'a str {
    match &args[0] {
        Value::Str(s) => s.inner().as_str(),
        _ => "",
    }
}

fn str_or_none<'a>(vm: &mut Vm, v: &'a Value) -> VmResult<Option<&'a str>> {
    match v {
        Value::None => Ok(None),
        Value::Str(s) => Ok(Some(s.inner().as_str())),
        other => {
            let msg = format!("must be str or None, not {}", other.type_name());
            Err(vm.type_error(&msg))
        }
    }
}

fn must_str<'a>(vm: &mut Vm, v: &'a Value) -> VmResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.inner().as_str()),
        other => {
            let msg = format!("must be str, not {}", other.type_name());
            Err(vm.type_error(&msg))
        }
    }
}

/// Byte offset of character index `ci` in `s` (clamped to the end).
fn byte_at(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// Character index of byte offset `b`.
fn char_index(s: &str, ascii: bool, b: usize) -> usize {
    if ascii {
        b
    } else {
        s[..b].chars().count()
    }
}

/// The needle as a `char` when it is one character: the standard
/// library's `char` patterns search with `memchr`, several times faster
/// than its general two-way searcher on the short needles scripts mostly
/// use (`s.split(",")`, `s.count("o")`, `s.replace(";", " ")`).
fn one_char(needle: &str) -> Option<char> {
    let mut chars = needle.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Resolves optional `start`/`end` arguments (slice semantics) to byte
/// offsets.
fn bounds(
    vm: &mut Vm,
    s: Gc<Str>,
    start: Option<Value>,
    end: Option<Value>,
) -> VmResult<(usize, usize, bool)> {
    if matches!(start, None | Some(Value::None)) && matches!(end, None | Some(Value::None)) {
        return Ok((0, s.inner().as_str().len(), true));
    }
    let n = s.char_len() as i64;
    let get = |vm: &mut Vm, v: Option<Value>, default: i64| -> VmResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let mut i = int_arg(vm, v).map_err(|_| {
                    vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )
                })?;
                if i < 0 {
                    i += n;
                    if i < 0 {
                        i = 0;
                    }
                }
                Ok(i.min(n))
            }
        }
    };
    let a = get(vm, start, 0)?;
    let b = get(vm, end, n)?;
    let text = s.inner().as_str();
    let ascii = s.is_ascii();
    if a > b {
        // An empty window; `find` still reports -1 (and "" is found only
        // when start <= len).
        return Ok((
            byte_at(text, ascii, a as usize),
            byte_at(text, ascii, a as usize),
            a <= n,
        ));
    }
    Ok((
        byte_at(text, ascii, a as usize),
        byte_at(text, ascii, b as usize),
        true,
    ))
}

fn join(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "join", kw)?;
    let iterable = exactly_one(vm, "str.join", &args[1..])?;
    let sep = this(args);
    if !vm.is_iterable(iterable) {
        return Err(vm.type_error("can only join an iterable"));
    }
    // Lists and tuples are joined in place: no copy of a huge list first.
    match iterable {
        Value::List(l) => l.with_items(|items| join_items(vm, sep, items)),
        Value::Tuple(t) => join_items(vm, sep, t.items()),
        _ => {
            let items = vm.collect_iter(iterable)?;
            join_items(vm, sep, &items)
        }
    }
}

fn join_items(vm: &mut Vm, sep: Gc<Str>, items: &[Value]) -> VmResult<Value> {
    let (mut total, mut chars) = (0usize, 0usize);
    for (i, v) in items.iter().enumerate() {
        if i % Vm::POLL_EVERY == Vm::POLL_EVERY - 1 {
            vm.poll()?;
        }
        match v {
            Value::Str(s) => {
                total += s.as_str().len();
                chars += s.char_len();
            }
            other => {
                let msg = format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                );
                return Err(vm.type_error(&msg));
            }
        }
    }
    total += sep.as_str().len() * items.len().saturating_sub(1);
    chars += sep.char_len() * items.len().saturating_sub(1);
    vm.reserve(total)?;
    let mut out = String::with_capacity(total);
    for (i, v) in items.iter().enumerate() {
        // A join of a huge list can take far longer than one instruction:
        // poll so the kill-latency bound stays one chunk.
        if i % Vm::POLL_EVERY == Vm::POLL_EVERY - 1 {
            if let Err(e) = vm.poll() {
                vm.discard(out.into_bytes());
                return Err(e);
            }
        }
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = v {
            out.push_str(s.as_str());
        }
    }
    if out.len() <= 1 {
        return Ok(vm.string_value(out));
    }
    Ok(Value::Str(vm.alloc(Str::from_string_counted(out, chars))))
}

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs<'_>,
    name: &str,
) -> VmResult<(Option<String>, i64)> {
    let sep_kw = kwarg(vm, name, kw, &["sep", "maxsplit"], "sep")?;
    let max_kw = kwarg(vm, name, kw, &["sep", "maxsplit"], "maxsplit")?;
    arg_count(vm, name, &args[1..], 0, 2)?;
    let sep_v = args.get(1).copied().or(sep_kw).unwrap_or(Value::None);
    let sep = str_or_none(vm, &sep_v)?.map(str::to_string);
    if sep.as_deref() == Some("") {
        return Err(vm.value_error("empty separator"));
    }
    let max = match args.get(2).copied().or(max_kw) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn split(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let (sep, max) = split_args(vm, args, kw, "split")?;
    let s = text(args);
    let parts: Vec<&str> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            out
        }
        Some(ref sep) => {
            let pieces = if max < 0 {
                usize::MAX
            } else {
                max as usize + 1
            };
            match one_char(sep) {
                Some(c) => s.splitn(pieces, c).collect(),
                None => s.splitn(pieces, sep.as_str()).collect(),
            }
        }
    };
    let items: Vec<Value> = parts.into_iter().map(|p| vm.str_value(p)).collect();
    Ok(vm.list_value(items))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let (sep, max) = split_args(vm, args, kw, "rsplit")?;
    let s = text(args);
    let mut parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + rest[i..].chars().next().unwrap().len_utf8());
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            out
        }
        Some(sep) => {
            if max < 0 {
                s.rsplit(sep.as_str()).map(str::to_string).collect()
            } else {
                s.rsplitn(max as usize + 1, sep.as_str())
                    .map(str::to_string)
                    .collect()
            }
        }
    };
    parts.reverse();
    let items: Vec<Value> = parts.into_iter().map(|p| vm.string_value(p)).collect();
    Ok(vm.list_value(items))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let keep_kw = kwarg(vm, "splitlines", kw, &["keepends"], "keepends")?;
    arg_count(vm, "splitlines", &args[1..], 0, 1)?;
    let keep = match args.get(1).copied().or(keep_kw) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let s = text(args);
    let mut out = Vec::new();
    let mut start = 0;
    let b: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (pos, c) = b[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < b.len() && b[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(if keep { &s[start..end] } else { &s[start..pos] }.to_string());
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    let items: Vec<Value> = out.into_iter().map(|p| vm.string_value(p)).collect();
    Ok(vm.list_value(items))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> VmResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 0, 1)?;
    let s = text(args);
    let chars_v = args.get(1).copied().unwrap_or(Value::None);
    let chars = str_or_none(vm, &chars_v)?;
    let r = match chars {
        None => match (left, right) {
            (true, true) => s.trim(),
            (true, false) => s.trim_start(),
            _ => s.trim_end(),
        },
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let f = |c: char| set.contains(&c);
            match (left, right) {
                (true, true) => s.trim_matches(f),
                (true, false) => s.trim_start_matches(f),
                _ => s.trim_end_matches(f),
            }
        }
    };
    if r.len() == s.len() {
        return Ok(args[0]);
    }
    let r = r.to_string();
    Ok(vm.string_value(r))
}

fn strip(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "replace", kw)?;
    arg_count(vm, "replace", &args[1..], 2, 3)?;
    let s = text(args);
    let old = must_str(vm, &args[1])?;
    let new = must_str(vm, &args[2])?;
    let count = match args.get(3) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let out = if count < 0 {
        if old.is_empty() {
            let mut o = String::with_capacity(s.len() + new.len() * (s.len() + 1));
            o.push_str(new);
            for c in s.chars() {
                o.push(c);
                o.push_str(new);
            }
            o
        } else {
            match one_char(old) {
                Some(c) => {
                    let n = s.matches(c).count();
                    vm.reserve(s.len() + n * new.len())?;
                    s.replace(c, new)
                }
                None => {
                    let n = s.matches(old).count();
                    vm.reserve(s.len() + n * new.len())?;
                    s.replace(old, new)
                }
            }
        }
    } else if old.is_empty() {
        let mut o = String::new();
        let mut k = 0;
        for c in s.chars() {
            if k < count {
                o.push_str(new);
                k += 1;
            }
            o.push(c);
        }
        if k < count {
            o.push_str(new);
        }
        o
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(vm.string_value(out))
}

fn affix(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>, name: &str, starts: bool) -> VmResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 1, 3)?;
    let s = this(args);
    let (a, b, ok) = bounds(vm, s, args.get(2).copied(), args.get(3).copied())?;
    let window = &s.inner().as_str()[a..b.max(a)];
    let check = |p: &str| {
        if !ok {
            return false;
        }
        if starts {
            window.starts_with(p)
        } else {
            window.ends_with(p)
        }
    };
    match args[1] {
        Value::Str(p) => Ok(Value::Bool(check(p.as_str()))),
        Value::Tuple(t) => {
            for v in t.items() {
                match v {
                    Value::Str(p) => {
                        if check(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        let msg = format!(
                            "tuple for {name} must only contain str, not {}",
                            other.type_name()
                        );
                        return Err(vm.type_error(&msg));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let msg = format!(
                "{name} first arg must be str or a tuple of str, not {}",
                other.type_name()
            );
            Err(vm.type_error(&msg))
        }
    }
}

fn startswith(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    affix(vm, args, kw, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    affix(vm, args, kw, "endswith", false)
}

/// `find`-family core: the character index of `sub`, or -1.
fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs<'_>,
    name: &str,
    reverse: bool,
) -> VmResult<i64> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 1, 3)?;
    let s = this(args);
    let sub = must_str(vm, &args[1])?;
    let (a, b, ok) = bounds(vm, s, args.get(2).copied(), args.get(3).copied())?;
    if !ok {
        return Ok(-1);
    }
    let full = s.inner().as_str();
    let window = &full[a..b.max(a)];
    let found = match (one_char(sub), reverse) {
        (Some(c), false) => window.find(c),
        (Some(c), true) => window.rfind(c),
        (None, false) => window.find(sub),
        (None, true) => window.rfind(sub),
    };
    Ok(match found {
        Some(off) => char_index(full, s.is_ascii(), a + off) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Int(find_impl(vm, args, kw, "find", false)?))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    Ok(Value::Int(find_impl(vm, args, kw, "rfind", true)?))
}

fn index(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "count", kw)?;
    arg_count(vm, "count", &args[1..], 1, 3)?;
    let s = this(args);
    let sub = must_str(vm, &args[1])?;
    let (a, b, ok) = bounds(vm, s, args.get(2).copied(), args.get(3).copied())?;
    if !ok {
        return Ok(Value::Int(0));
    }
    let window = &s.inner().as_str()[a..b.max(a)];
    let n = if sub.is_empty() {
        window.chars().count() + 1
    } else if let Some(c) = one_char(sub) {
        window.matches(c).count()
    } else {
        window.matches(sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn map_chars(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: impl Fn(&str) -> String,
) -> VmResult<Value> {
    no_args(vm, name, &args[1..])?;
    let out = f(text(args));
    Ok(vm.string_value(out))
}

fn upper(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    map_chars(vm, args, "str.upper", |s| s.to_uppercase())
}

fn lower(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    map_chars(vm, args, "str.lower", |s| s.to_lowercase())
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

/// Title case of one character: upper case except for the four Latin
/// digraphs that have a distinct title-case form.
fn to_title(c: char) -> String {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ".into(),
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ".into(),
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ".into(),
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ".into(),
        c => c.to_uppercase().collect(),
    }
}

fn title(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    map_chars(vm, args, "str.title", |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if is_cased(c) {
                if prev_cased {
                    out.extend(c.to_lowercase());
                } else {
                    out.push_str(&to_title(c));
                }
                prev_cased = true;
            } else {
                out.push(c);
                prev_cased = false;
            }
        }
        out
    })
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    map_chars(vm, args, "str.capitalize", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(f) => {
                let mut out = to_title(f);
                out.extend(cs.flat_map(|c| c.to_lowercase()));
                out
            }
            None => String::new(),
        }
    })
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    map_chars(vm, args, "str.swapcase", |s| {
        s.chars()
            .flat_map(|c| -> Box<dyn Iterator<Item = char>> {
                if c.is_uppercase() {
                    Box::new(c.to_lowercase())
                } else if c.is_lowercase() {
                    Box::new(c.to_uppercase())
                } else {
                    Box::new(std::iter::once(c))
                }
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: &[Value], name: &str, f: impl Fn(&str) -> bool) -> VmResult<Value> {
    no_args(vm, name, &args[1..])?;
    Ok(Value::Bool(f(text(args))))
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isdigit", |s| {
        !s.is_empty()
            && s.chars().all(|c| {
                c.is_ascii_digit()
                    || (!c.is_ascii()
                        && c.is_numeric()
                        && c.to_digit(10).is_none()
                        && is_digit_like(c))
            })
    })
}

fn is_digit_like(c: char) -> bool {
    // Superscripts and other "digit" characters Python's isdigit accepts.
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}' | '\u{966}'..='\u{96f}' | '\u{ff10}'..='\u{ff19}')
}

fn isdecimal(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isdecimal", |s| {
        !s.is_empty()
            && s.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}' | '\u{966}'..='\u{96f}' | '\u{ff10}'..='\u{ff19}')
            })
    })
}

fn isnumeric(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isnumeric", |s| {
        !s.is_empty() && s.chars().all(char::is_numeric)
    })
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isalnum", |s| {
        !s.is_empty() && s.chars().all(|c| c.is_alphanumeric())
    })
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isspace", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_whitespace() || matches!(c, '\x1c'..='\x1f'))
    })
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isupper", |s| {
        s.chars().any(is_cased) && !s.chars().any(char::is_lowercase)
    })
}

fn islower(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.islower", |s| {
        s.chars().any(is_cased) && !s.chars().any(char::is_uppercase)
    })
}

fn istitle(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.istitle", |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn isidentifier(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isidentifier", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}

fn isprintable(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isprintable", |s| {
        s.chars().all(format::is_printable)
    })
}

fn isascii(vm: &mut Vm, args: &[Value], _kw: Kwargs<'_>) -> VmResult<Value> {
    pred(vm, args, "str.isascii", |s| s.is_ascii())
}

fn pad_args(vm: &mut Vm, args: &[Value], name: &str) -> VmResult<(usize, char)> {
    arg_count(vm, name, &args[1..], 1, 2)?;
    let w = int_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap(),
        Some(Value::Str(_)) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
        Some(other) => {
            let msg = format!("{name}() argument 2 must be str, not {}", other.type_name());
            return Err(vm.type_error(&msg));
        }
    };
    let w = w.max(0) as usize;
    vm.reserve(w)?;
    Ok((w, fill))
}

fn pad(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>, name: &str, how: char) -> VmResult<Value> {
    no_kwargs(vm, name, kw)?;
    let (w, fill) = pad_args(vm, args, name)?;
    let s = this(args);
    let n = s.char_len();
    if w <= n {
        return Ok(args[0]);
    }
    let total = w - n;
    let (left, right) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        // CPython's centring puts the extra fill on the left when the
        // width is odd... and the string length is odd.
        _ => {
            let left = total / 2 + (total & w & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    let out = format!("{}{}{}", f.repeat(left), s.as_str(), f.repeat(right));
    Ok(vm.string_value(out))
}

fn center(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    pad(vm, args, kw, "center", '^')
}

fn ljust(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    pad(vm, args, kw, "ljust", '<')
}

fn rjust(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    pad(vm, args, kw, "rjust", '>')
}

fn zfill(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "zfill", kw)?;
    let wv = exactly_one(vm, "str.zfill", &args[1..])?;
    let w = int_arg(vm, wv)?.max(0) as usize;
    let s = text(args);
    let n = s.chars().count();
    if w <= n {
        return Ok(args[0]);
    }
    vm.reserve(w)?;
    let zeros = "0".repeat(w - n);
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    Ok(vm.string_value(out))
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs<'_>,
    name: &str,
    right: bool,
) -> VmResult<Value> {
    no_kwargs(vm, name, kw)?;
    let sepv = exactly_one(vm, &format!("str.{name}"), &args[1..])?;
    let sep = must_str(vm, &sepv)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let s = text(args);
    let found = match (one_char(sep), right) {
        (Some(c), false) => s.find(c),
        (Some(c), true) => s.rfind(c),
        (None, false) => s.find(sep),
        (None, true) => s.rfind(sep),
    };
    let (a, b, c) = match found {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None => {
            if right {
                ("", "", s)
            } else {
                (s, "", "")
            }
        }
    };
    let (a, b, c) = (a.to_string(), b.to_string(), c.to_string());
    let items = vec![vm.string_value(a), vm.string_value(b), vm.string_value(c)];
    Ok(vm.tuple_value(items))
}

fn partition(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    partition_impl(vm, args, kw, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    partition_impl(vm, args, kw, "rpartition", true)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let ts_kw = kwarg(vm, "expandtabs", kw, &["tabsize"], "tabsize")?;
    arg_count(vm, "expandtabs", &args[1..], 0, 1)?;
    let ts = match args.get(1).copied().or(ts_kw) {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    if ts > i32::MAX as i64 || ts < i32::MIN as i64 {
        // CPython takes the tab size as a C int.
        return Err(vm.error(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let s = text(args);
    let mut out = String::new();
    let mut col = 0i64;
    // Each tab may add up to 2**31 spaces: the growth is checked against
    // the heap limit (once per MiB of it) before it happens, and a kill
    // lands between tabs.
    let mut checked = 0usize;
    let mut tabs = 0u32;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    let need = out.len() + n as usize;
                    if need > checked {
                        vm.reserve(need)?;
                        checked = need + (1 << 20);
                    }
                    tabs = tabs.wrapping_add(1);
                    if tabs % 1024 == 0 || n > 1 << 16 {
                        vm.poll()?;
                    }
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.string_value(out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "removeprefix", kw)?;
    let p = exactly_one(vm, "str.removeprefix", &args[1..])?;
    let p = must_str(vm, &p)?.to_string();
    match text(args).strip_prefix(p.as_str()) {
        Some(r) => {
            let r = r.to_string();
            Ok(vm.string_value(r))
        }
        None => Ok(args[0]),
    }
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    no_kwargs(vm, "removesuffix", kw)?;
    let p = exactly_one(vm, "str.removesuffix", &args[1..])?;
    let p = must_str(vm, &p)?.to_string();
    match text(args).strip_suffix(p.as_str()) {
        Some(r) => {
            let r = r.to_string();
            Ok(vm.string_value(r))
        }
        None => Ok(args[0]),
    }
}

// ---------------------------------------------------------------- str.format

fn format_method(vm: &mut Vm, args: &[Value], kw: Kwargs<'_>) -> VmResult<Value> {
    let fmt = text(args).to_string();
    let pos = &args[1..];
    let mut auto = 0usize;
    let mut mode: Option<bool> = None; // Some(true) = automatic numbering
    let out = format_template(vm, &fmt, pos, kw, &mut auto, &mut mode, 0)?;
    Ok(vm.string_value(out))
}

fn format_template(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: Kwargs<'_>,
    auto: &mut usize,
    mode: &mut Option<bool>,
    depth: usize,
) -> VmResult<String> {
    if depth > 2 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (specs may nest one level).
            let mut j = i + 1;
            let mut nest = 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => nest += 1,
                    '}' => {
                        nest -= 1;
                        if nest == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            let s = format_field(vm, &field, pos, kw, auto, mode, depth)?;
            out.push_str(&s);
            i = j + 1;
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn format_field(
    vm: &mut Vm,
    field: &str,
    pos: &[Value],
    kw: Kwargs<'_>,
    auto: &mut usize,
    mode: &mut Option<bool>,
    depth: usize,
) -> VmResult<String> {
    // Split `name!conv:spec` (the name part stops at the first `!` or `:`
    // outside brackets).
    let mut name_end = field.len();
    let mut in_bracket = false;
    for (k, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                name_end = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let mut rest = &field[name_end..];
    let mut conv = None;
    if let Some(r) = rest.strip_prefix('!') {
        let mut cs = r.chars();
        let c = cs.next();
        match c {
            Some(c @ ('r' | 's' | 'a')) => conv = Some(c),
            _ => return Err(vm.value_error("Unknown conversion specifier")),
        }
        rest = &r[1..];
        if !rest.is_empty() && !rest.starts_with(':') {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
    }
    let spec_raw = rest.strip_prefix(':').unwrap_or("");
    let spec = if spec_raw.contains('{') {
        format_template(vm, spec_raw, pos, kw, auto, mode, depth + 1)?
    } else {
        spec_raw.to_string()
    };
    // Resolve the argument.
    let (first, mut accessors) = match name.find(['.', '[']) {
        Some(k) => (&name[..k], &name[k..]),
        None => (name, ""),
    };
    let mut value = if first.is_empty() {
        if *mode == Some(false) {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        *mode = Some(true);
        let k = *auto;
        *auto += 1;
        match pos.get(k) {
            Some(&v) => v,
            None => {
                let msg = format!("Replacement index {k} out of range for positional args tuple");
                return Err(vm.error(ExcKind::IndexError, &msg));
            }
        }
    } else if let Ok(k) = first.parse::<usize>() {
        if *mode == Some(true) {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *mode = Some(false);
        match pos.get(k) {
            Some(&v) => v,
            None => {
                let msg = format!("Replacement index {k} out of range for positional args tuple");
                return Err(vm.error(ExcKind::IndexError, &msg));
            }
        }
    } else {
        let found = kw
            .iter()
            .find(|(k, _)| vm.symbol_text(*k) == first)
            .map(|&(_, v)| v);
        match found {
            Some(v) => v,
            None => {
                let key = vm.str_value(first);
                return Err(vm.error_with(ExcKind::KeyError, key));
            }
        }
    };
    while !accessors.is_empty() {
        if let Some(r) = accessors.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = vm.intern(&r[..end]);
            value = vm.get_attr(value, attr)?;
            accessors = &r[end..];
        } else if let Some(r) = accessors.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
            let key_text = &r[..end];
            let key = match key_text.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => vm.str_value(key_text),
            };
            value = vm.subscr(value, key)?;
            accessors = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let value = match conv {
        Some('r') => {
            let s = vm.repr(value)?;
            vm.string_value(s)
        }
        Some('s') => {
            let s = vm.to_str(value)?;
            vm.string_value(s)
        }
        Some('a') => {
            let s = vm.repr(value)?;
            let a = format::str_ascii(&s);
            vm.string_value(a[1..a.len() - 1].to_string())
        }
        _ => value,
    };
    vm.format(value, &spec)
}

// ---------------------------------------------------------------- % formatting

/// `fmt % args` (printf-style formatting).
pub(crate) fn percent_format(vm: &mut Vm, fmt: Gc<Str>, args: Value) -> VmResult<String> {
    let chars: Vec<char> = fmt.as_str().chars().collect();
    let (items, mapping): (Vec<Value>, Option<Gc<Dict>>) = match args {
        Value::Tuple(t) => (t.items().to_vec(), None),
        Value::Dict(d) => (vec![args], Some(d)),
        other => (vec![other], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key_value = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[i + 1..j - 1].iter().collect();
            let Some(d) = mapping else {
                return Err(vm.type_error("format requires a mapping"));
            };
            used_mapping = true;
            let k = vm.str_value(&key);
            match vm.dict_get(d, k)? {
                Some(v) => key_value = Some(v),
                None => return Err(vm.error_with(ExcKind::KeyError, k)),
            }
            i = j;
        }
        let mut spec = Spec::default();
        while i < chars.len() {
            match chars[i] {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut take_arg = |vm: &mut Vm| -> VmResult<Value> {
            if let Some(v) = key_value.take() {
                return Ok(v);
            }
            match items.get(next) {
                Some(&v) if mapping.is_none() || items.len() > 1 => {
                    next += 1;
                    Ok(v)
                }
                Some(&v) if !used_mapping => {
                    next += 1;
                    Ok(v)
                }
                _ => Err(vm.type_error("not enough arguments for format string")),
            }
        };
        // Width.
        if i < chars.len() && chars[i] == '*' {
            let w = take_arg(vm)?;
            let w = int_arg(vm, w).map_err(|_| vm.type_error("* wants int"))?;
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                let digits: String = chars[s..i].iter().collect();
                match digits.parse::<isize>() {
                    Ok(w) => spec.width = Some(w as usize),
                    Err(_) => return Err(vm.value_error("width too big")),
                }
            }
        }
        // Precision.
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take_arg(vm)?;
                let p = int_arg(vm, p).map_err(|_| vm.type_error("* wants int"))?;
                if i32::try_from(p).is_err() {
                    return Err(vm.error(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C int",
                    ));
                }
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let s = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let digits: String = chars[s..i].iter().collect();
                // CPython keeps the precision in a C int.
                match digits.parse::<i32>() {
                    Ok(p) => spec.precision = Some(p as usize),
                    Err(_) if digits.is_empty() => spec.precision = Some(0),
                    Err(_) => return Err(vm.value_error("precision too big")),
                }
            }
        }
        // Length modifiers are accepted and ignored.
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        if spec.zero && spec.align.is_none() {
            spec.fill = Some('0');
            spec.align = Some('=');
        }
        let v = take_arg(vm)?;
        if !matches!(conv, 's' | 'r' | 'a') || spec.width.is_some() {
            let mut sized = spec.clone();
            sized.ty = Some(conv);
            vm.reserve_spec(&sized)?;
        }
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.to_str(v)?,
                    'r' => vm.repr(v)?,
                    _ => {
                        let r = vm.repr(v)?;
                        format::str_ascii(&r)
                    }
                };
                let s = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let sp = Spec {
                    fill: Some(' '),
                    align: Some(if spec.align == Some('<') { '<' } else { '>' }),
                    width: spec.width,
                    ..Spec::default()
                };
                format::format_str(&s, &sp).map_err(|m| vm.value_error(&m))?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match v {
                    Value::Int(n) => n,
                    Value::Bool(b) => b as i64,
                    Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                        super::types::float_to_int(vm, f)?
                    }
                    other => {
                        let msg = if matches!(conv, 'd' | 'i' | 'u') {
                            format!(
                                "%{conv} format: a real number is required, not {}",
                                other.type_name()
                            )
                        } else {
                            format!(
                                "%{conv} format: an integer is required, not {}",
                                other.type_name()
                            )
                        };
                        return Err(vm.type_error(&msg));
                    }
                };
                let mut sp = spec.clone();
                sp.ty = Some(match conv {
                    'x' => 'x',
                    'X' => 'X',
                    'o' => 'o',
                    _ => 'd',
                });
                sp.precision = None;
                let mut s = format::format_int(n, &sp).map_err(|m| vm.value_error(&m))?;
                if let Some(p) = spec.precision {
                    // %.3d pads the digits with zeros.
                    let digits = n.unsigned_abs().to_string();
                    if digits.len() < p && conv == 'd' {
                        let body = format!("{}{}", "0".repeat(p - digits.len()), digits);
                        let sign = if n < 0 { "-" } else { "" };
                        s = format!("{sign}{body}");
                    }
                }
                s
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match v {
                    Value::Float(f) => f,
                    Value::Int(n) => n as f64,
                    Value::Bool(b) => b as i64 as f64,
                    other => {
                        let msg = format!("must be real number, not {}", other.type_name());
                        return Err(vm.type_error(&msg));
                    }
                };
                let mut sp = spec.clone();
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                format::format_float(f, &sp).map_err(|m| vm.value_error(&m))?
            }
            'c' => {
                let ch =
                    match v {
                        Value::Int(n) => u32::try_from(n)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| {
                                vm.error(ExcKind::OverflowError, "%c arg not in range(0x110000)")
                            })?,
                        Value::Str(s) if s.char_len() == 1 => s.as_str().chars().next().unwrap(),
                        _ => return Err(vm.type_error("%c requires int or char")),
                    };
                let sp = Spec {
                    align: Some(if spec.align == Some('<') { '<' } else { '>' }),
                    width: spec.width,
                    ..Spec::default()
                };
                format::format_str(&ch.to_string(), &sp).map_err(|m| vm.value_error(&m))?
            }
            other => {
                let idx = chars[..i - 1].len();
                let _ = start;
                let msg = format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other, other as u32, idx
                );
                return Err(vm.value_error(&msg));
            }
        };
        out.push_str(&piece);
    }
    // CPython lets an unused single argument pass when it is a mapping in
    // the C sense (anything subscriptable but a tuple or a str): `'3' % [0]`
    // is '3'. Found by scripts/difffuzz.py.
    let subscriptable = match args {
        Value::List(_) | Value::Range(_) => true,
        Value::Instance(i) => i.class.lookup(crate::intern::sym::GETITEM).is_some(),
        _ => false,
    };
    if mapping.is_none() && !subscriptable && next < items.len() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}
