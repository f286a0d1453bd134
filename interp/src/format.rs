//! Text conversions that must match CPython to the character: `repr` of
//! floats and strings, and the format-spec mini-language used by f-strings,
//! `format()` and `str.format`.

/// Shortest round-trip digits of a positive finite `x` and the decimal
/// exponent `decpt` such that `x = 0.DIGITS * 10**decpt`.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest representation that round-trips,
    // as `d.ddde±N`.
    let s = format!("{x:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_string(), exp + 1)
}

/// Decimal text of an int, written into `buf` (no allocation, unlike
/// `to_string`: `str(i)` and printing ints are hot).
pub fn int_str(v: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = v.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // SAFETY: only ASCII digits and '-' were written.
    unsafe { std::str::from_utf8_unchecked(&buf[at..]) }
}

/// `repr(x)` for a float, exactly as CPython 3.11 prints it.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, decpt) = shortest_digits(x.abs());
    let body = if decpt <= -4 || decpt > 16 {
        exp_notation(&digits, decpt - 1, false)
    } else {
        fixed_notation(&digits, decpt, true)
    };
    format!("{sign}{body}")
}

fn exp_notation(digits: &str, exp: i32, keep_point: bool) -> String {
    let mut out = String::new();
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    } else if keep_point {
        out.push('.');
    }
    let sign = if exp < 0 { '-' } else { '+' };
    out.push_str(&format!("e{sign}{:02}", exp.abs()));
    out
}

fn fixed_notation(digits: &str, decpt: i32, add_dot_zero: bool) -> String {
    let n = digits.len() as i32;
    if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        let mut s = format!("{}{}", digits, "0".repeat((decpt - n) as usize));
        if add_dot_zero {
            s.push_str(".0");
        }
        s
    } else {
        format!(
            "{}.{}",
            &digits[..decpt as usize],
            &digits[decpt as usize..]
        )
    }
}

/// `repr(s)` for a string: CPython's quote choice and escapes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let v = c as u32;
                if v < 0x100 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `ascii(s)`: like `repr` but escapes every non-ASCII character.
pub fn str_ascii(s: &str) -> String {
    let r = str_repr(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    out
}

/// Python's `str.isprintable` for one character (an approximation of the
/// Unicode database: control, separator, format, surrogate, private-use and
/// noncharacter code points are not printable).
pub fn is_printable(c: char) -> bool {
    let v = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    !matches!(v,
        0xA0 | 0xAD | 0x1680 | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x206F
        | 0x3000 | 0xFEFF | 0xFFF9..=0xFFFB | 0xD800..=0xDFFF | 0xE000..=0xF8FF
        | 0xFDD0..=0xFDEF | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E
        | 0x110BD | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
        | 0xF0000..=0x10FFFF
    ) && (v & 0xFFFE) != 0xFFFE
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spec {
    /// Fill character.
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `#`.
    pub alternate: bool,
    /// Leading `0` before the width.
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

/// Parses a format spec; the error is CPython's message.
pub fn parse_spec(spec: &str) -> Result<Spec, String> {
    // Specs are short: decode into a stack buffer (an f-string in a loop
    // parses its spec every time).
    let mut buf = ['\0'; 32];
    let long: Vec<char>;
    let chars: &[char] = if spec.len() <= buf.len() {
        let mut n = 0;
        for c in spec.chars() {
            buf[n] = c;
            n += 1;
        }
        &buf[..n]
    } else {
        long = spec.chars().collect();
        &long
    };
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(decimal(&chars[start..i])?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        s.precision = Some(decimal(&chars[start..i])?);
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err("Invalid format specifier".into());
    }
    if s.zero && s.fill.is_none() && s.align.is_none() {
        s.fill = Some('0');
        s.align = Some('=');
    }
    Ok(s)
}

/// The value of a run of ASCII digits, as CPython reads a width or a
/// precision.
fn decimal(digits: &[char]) -> Result<usize, String> {
    digits
        .iter()
        .try_fold(0usize, |n, &c| {
            n.checked_mul(10)?.checked_add(c as usize - '0' as usize)
        })
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| "Too many decimal digits in format string".to_string())
}

/// `sign_prefix` and `body` padded to the spec's width. Takes the body by
/// value: when nothing is added it is the result, with no copy.
fn pad(body: String, sign_prefix: &str, spec: &Spec, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count() + sign_prefix.chars().count();
    if len >= width && sign_prefix.is_empty() {
        return body;
    }
    let body = body.as_str();
    if len >= width {
        let mut out = String::with_capacity(sign_prefix.len() + body.len());
        out.push_str(sign_prefix);
        out.push_str(body);
        return out;
    }
    let fill = spec.fill.unwrap_or(' ');
    let n = width - len;
    let mut out = String::with_capacity(width * fill.len_utf8() + body.len());
    let f = |out: &mut String, k: usize| out.extend(std::iter::repeat_n(fill, k));
    match spec.align.unwrap_or(default_align) {
        '<' => {
            out.push_str(sign_prefix);
            out.push_str(body);
            f(&mut out, n);
        }
        '^' => {
            f(&mut out, n / 2);
            out.push_str(sign_prefix);
            out.push_str(body);
            f(&mut out, n - n / 2);
        }
        '=' => {
            out.push_str(sign_prefix);
            f(&mut out, n);
            out.push_str(body);
        }
        _ => {
            f(&mut out, n);
            out.push_str(sign_prefix);
            out.push_str(body);
        }
    }
    out
}

fn group(digits: &str, sep: char, every: usize) -> String {
    // Digits are ASCII: byte positions are character positions.
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Grouping with zero padding: CPython pads with zeros that also get
/// separators.
fn zero_grouped(digits: &str, sep: char, every: usize, min_len: usize) -> String {
    let mut d = digits.to_string();
    loop {
        let g = group(&d, sep, every);
        if g.chars().count() >= min_len {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    if negative {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Formats an int per `spec`.
pub fn format_int(v: i64, spec: &Spec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(v as f64, spec),
        'd' | 'n' | 'x' | 'X' | 'o' | 'b' | 'c' => {}
        other => {
            return Err(format!(
                "Unknown format code '{other}' for object of type 'int'"
            ));
        }
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        let c = u32::try_from(v)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
        return Ok(pad(c.to_string(), "", spec, '<'));
    }
    let mag = v.unsigned_abs();
    let (digits, prefix, every) = match ty {
        'x' => (format!("{mag:x}"), "0x", 4),
        'X' => (format!("{mag:X}"), "0X", 4),
        'o' => (format!("{mag:o}"), "0o", 4),
        'b' => (format!("{mag:b}"), "0b", 4),
        _ => match i64::try_from(mag) {
            Ok(m) => (int_str(m, &mut [0; 20]).to_string(), "", 3),
            Err(_) => (mag.to_string(), "", 3),
        },
    };
    if spec.grouping == Some(',') && !matches!(ty, 'd' | 'n') {
        return Err(format!("Cannot specify ',' with '{ty}'."));
    }
    let mut sign = sign_str(v < 0, spec.sign).to_string();
    if spec.alternate {
        sign.push_str(prefix);
    }
    let body = match spec.grouping {
        Some(sep) => {
            if spec.fill == Some('0') && spec.align == Some('=') {
                let min = spec.width.unwrap_or(0).saturating_sub(sign.len());
                zero_grouped(&digits, sep, every, min)
            } else {
                group(&digits, sep, every)
            }
        }
        None => digits,
    };
    Ok(pad(body, &sign, spec, '>'))
}

/// Formats a float per `spec`.
pub fn format_float(v: f64, spec: &Spec) -> Result<String, String> {
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'float'"
            ));
        }
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        // CPython keeps precisions in a C int.
        return Err("precision too big".into());
    }
    let neg = v.is_sign_negative() && !v.is_nan();
    let a = v.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        if ty == Some('%') {
            format!("{s}%")
        } else {
            s
        }
    } else {
        match ty {
            Some('f' | 'F') => {
                let p = spec.precision.unwrap_or(6);
                let mut s = fixed(a, p);
                if spec.alternate && p == 0 {
                    s.push('.');
                }
                s
            }
            Some('%') => {
                let p = spec.precision.unwrap_or(6);
                format!("{}%", fixed(a * 100.0, p))
            }
            Some('e' | 'E') => {
                let p = spec.precision.unwrap_or(6);
                let s = exp_format(a, p, spec.alternate);
                if upper {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            Some('g' | 'G' | 'n') => {
                let p = spec.precision.unwrap_or(6).max(1);
                let s = general_format(a, p, spec.alternate, false);
                if upper {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            None => match spec.precision {
                Some(p) => general_format(a, p.max(1), spec.alternate, true),
                None => float_repr(a),
            },
            _ => unreachable!(),
        }
    };
    if let Some(sep) = spec.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        let grouped = if spec.fill == Some('0') && spec.align == Some('=') {
            let sign_len = sign_str(neg, spec.sign).len();
            let min = spec
                .width
                .unwrap_or(0)
                .saturating_sub(sign_len + rest.chars().count());
            zero_grouped(&int_part, sep, 3, min)
        } else {
            group(&int_part, sep, 3)
        };
        body = format!("{grouped}{rest}");
    }
    Ok(pad(body, sign_str(neg, spec.sign), spec, '>'))
}

/// Digits after the point beyond which a finite `f64` has only zeros: its
/// exact decimal expansion ends within 1074 of them (the smallest
/// subnormal is 2**-1074).
const EXACT_FRACTION_DIGITS: usize = 1100;
/// Significant digits beyond which a finite `f64`'s exact expansion has
/// only zeros (at most 767 are ever non-zero).
const EXACT_SIGNIFICANT_DIGITS: usize = 800;

/// `a` with `p` decimals. Rust's formatter panics on precisions past
/// `u16::MAX`, which a guest can ask for (`f"{x:.70000f}"`), so the
/// digits past the exact expansion are appended as the zeros they are.
fn fixed(a: f64, p: usize) -> String {
    if p <= EXACT_FRACTION_DIGITS || !a.is_finite() {
        return format!("{a:.p$}");
    }
    let mut s = format!("{a:.EXACT_FRACTION_DIGITS$}");
    pad_zeros(&mut s, p - EXACT_FRACTION_DIGITS);
    s
}

/// `a` as `d.ddd…e±X` with `p` decimals, for any `p` (see `fixed`).
fn exp_digits(a: f64, p: usize) -> String {
    if p <= EXACT_SIGNIFICANT_DIGITS || !a.is_finite() {
        return format!("{a:.p$e}");
    }
    let s = format!("{a:.EXACT_SIGNIFICANT_DIGITS$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut out = mant.to_string();
    pad_zeros(&mut out, p - EXACT_SIGNIFICANT_DIGITS);
    out.push('e');
    out.push_str(exp);
    out
}

fn pad_zeros(s: &mut String, n: usize) {
    s.reserve(n);
    s.extend(std::iter::repeat_n('0', n));
}

/// `%e`-style: `d.ddddde±XX` with `p` decimals.
fn exp_format(a: f64, p: usize, alternate: bool) -> String {
    let s = exp_digits(a, p);
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let mut mant = mant.to_string();
    if alternate && p == 0 {
        mant.push('.');
    }
    format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `%g`-style with `p` significant digits. `repr_like` is the no-type case
/// with a precision: fixed notation keeps at least one decimal.
fn general_format(a: f64, p: usize, alternate: bool, repr_like: bool) -> String {
    if a == 0.0 {
        let mut s = String::from("0");
        if alternate {
            s.push('.');
            s.push_str(&"0".repeat(p - 1));
        } else if repr_like {
            s.push_str(".0");
        }
        return s;
    }
    // Exponent after rounding to p significant digits.
    let e_str = exp_digits(a, p - 1);
    let (mant, exp) = e_str.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    if exp < -4 || exp >= p as i32 {
        let mut mant = mant.to_string();
        if !alternate && mant.contains('.') {
            mant = mant.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut s = fixed(a, decimals);
        if !alternate && s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if repr_like && !s.contains('.') {
            s.push_str(".0");
        }
        s
    }
}

/// Formats a string per `spec`.
pub fn format_str(s: &str, spec: &Spec) -> Result<String, String> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'str'"
            ));
        }
    }
    if spec.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if spec.grouping.is_some() {
        return Err(format!(
            "Cannot specify '{}' with 's'.",
            spec.grouping.unwrap()
        ));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(body, "", spec, '<'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_strs_match_to_string() {
        for v in [0, 7, -7, 10, 97, -100, 1234567890, i64::MAX, i64::MIN] {
            assert_eq!(int_str(v, &mut [0; 20]), v.to_string());
        }
    }

    #[test]
    fn float_reprs() {
        for (x, want) in [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (3.0, "3.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e22, "1e+22"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn specs() {
        let f = |v: f64, s: &str| format_float(v, &parse_spec(s).unwrap()).unwrap();
        let i = |v: i64, s: &str| format_int(v, &parse_spec(s).unwrap()).unwrap();
        assert_eq!(f(3.14159, ".2f"), "3.14");
        assert_eq!(f(3.14159, "08.3f"), "0003.142");
        assert_eq!(f(1234.5, ","), "1,234.5");
        assert_eq!(f(0.25, "%"), "25.000000%");
        assert_eq!(f(12345.678, "e"), "1.234568e+04");
        assert_eq!(f(12345.678, "g"), "12345.7");
        assert_eq!(f(0.00001234, "g"), "1.234e-05");
        assert_eq!(f(2.0, ".3"), "2.0");
        // Past Rust's formatter limit (u16::MAX): exact digits, then zeros.
        let long = f(0.1, ".70000f");
        assert_eq!(long.len(), 70002);
        assert!(long.starts_with("0.1000000000000000055511151231257827"));
        assert!(long.ends_with("000"));
        assert_eq!(f(5e-324, ".1100f"), fixed(5e-324, 1100));
        assert_eq!(f(1.5, ".70000e").len(), 70000 + 6);
        assert!(f(1.5, ".70000e").ends_with("0e+00"));
        assert_eq!(f(1.5, "#.70000g").len(), 70001);
        assert_eq!(f(1.5, ".70000g"), "1.5");
        assert_eq!(f(0.5, ".70000%").len(), 70004);
        assert!(format_float(1.5, &parse_spec(".3000000000f").unwrap())
            .unwrap_err()
            .contains("precision too big"));
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(-42, "+05d"), "-0042");
        assert_eq!(i(42, "+d"), "+42");
        assert_eq!(i(5, "^7"), "   5   ");
        assert_eq!(i(1234, "08,d"), "0,001,234");
        assert_eq!(
            format_str("ab", &parse_spec("*>5").unwrap()).unwrap(),
            "***ab"
        );
    }

    #[test]
    fn str_reprs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(str_repr("é\x01"), "'é\\x01'");
    }
}
