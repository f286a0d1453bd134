//! Source text → tokens. `logos` recognises the raw tokens (`RawToken`);
//! numbers and strings are scanned by hand in callbacks, because Python's
//! rules for them (underscores, prefixes, triple quotes, the exact error
//! messages) are easier to get right in code than in one regular expression.
//! A layout pass then does what logos cannot: it turns line starts into
//! `Newline`/`Indent`/`Dedent` like CPython's tokenizer, joins lines inside
//! brackets, and checks bracket nesting.

use logos::Logos;

use crate::intern::{Interner, Symbol};

/// A syntax error found by the lexer, parser or compiler: a message and the byte range it points at.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyntaxError {
    /// CPython's message, e.g. `unterminated string literal (detected at line 3)`.
    pub msg: String,
    /// Byte offset the caret points at (absolute in the file).
    pub at: usize,
    /// End of the highlighted range (`at` + 1 for a single caret).
    pub end: usize,
    /// `IndentationError` or `TabError` rather than `SyntaxError`.
    pub kind: ErrorKind,
    /// CPython prints no caret line for this error.
    pub no_caret: bool,
}

/// The exception class a compile error is reported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErrorKind {
    /// `SyntaxError`.
    #[default]
    Syntax,
    /// `IndentationError`.
    Indentation,
    /// `TabError`.
    Tab,
}

impl ErrorKind {
    /// The exception class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
        }
    }
}

/// Errors inside logos callbacks: the message and where (relative to the
/// token start) they were detected.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawError {
    msg: String,
    /// Offset from the token start the caret points at.
    at: usize,
}

#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(error = RawError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip r"#[^\r\n]*")]
#[logos(skip r"\\\r?\n")]
enum RawToken {
    #[regex(r"\r?\n|\r")]
    Newline,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,
    #[regex(r"[0-9]", number)]
    #[regex(r"\.[0-9]", number)]
    Number(NumKind),
    #[regex(r#"([rRuUfFbB]|[fF][rR]|[rR][fF]|[bB][rR]|[rR][bB])?["']"#, string)]
    Str(StrInfo),
    #[token("\\")]
    Backslash,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("**")]
    DoubleStar,
    #[token("@")]
    At,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("=")]
    Assign,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("//=")]
    DoubleSlashEq,
    #[token("%=")]
    PercentEq,
    #[token("**=")]
    DoubleStarEq,
    #[token("@=")]
    AtEq,
    #[token("<<=")]
    LShiftEq,
    #[token(">>=")]
    RShiftEq,
    #[token("&=")]
    AmpEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("->")]
    Arrow,
    #[token(":=")]
    Walrus,
    #[token("!")]
    Bang,
}

/// What kind of number literal was scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// Decimal integer.
    Dec,
    /// `0x...`.
    Hex,
    /// `0o...`.
    Oct,
    /// `0b...`.
    Bin,
    /// Floating point.
    Float,
    /// Imaginary (`1j`).
    Imag,
}

/// String literal facts found by the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrInfo {
    /// Length of the prefix (`rb` → 2).
    pub prefix_len: u8,
    /// 1 or 3.
    pub quote_len: u8,
    /// `r` prefix.
    pub raw: bool,
    /// `b` prefix.
    pub bytes: bool,
    /// `f` prefix.
    pub fmt: bool,
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Scans the rest of a number literal after its first character(s).
fn number(lex: &mut logos::Lexer<RawToken>) -> Result<NumKind, RawError> {
    let start = lex.slice();
    let rest = lex.remainder();
    let text: String = format!("{start}{rest}");
    let b = text.as_bytes();
    let err = |msg: &str, at: usize| RawError {
        msg: msg.to_string(),
        at,
    };
    // Digits of `radix` with single underscores between them.
    let digits = |mut i: usize, ok: &dyn Fn(u8) -> bool| -> Result<usize, usize> {
        let begin = i;
        loop {
            if i < b.len() && ok(b[i]) {
                i += 1;
            } else if i < b.len() && b[i] == b'_' && i > begin && i + 1 < b.len() && ok(b[i + 1]) {
                i += 1;
            } else {
                break;
            }
        }
        if i == begin {
            Err(i)
        } else {
            Ok(i)
        }
    };
    let mut kind;
    let mut i;
    if b[0] == b'0' && b.len() > 1 && matches!(b[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        let (k, name, ok): (NumKind, &str, &dyn Fn(u8) -> bool) = match b[1] {
            b'x' | b'X' => (NumKind::Hex, "hexadecimal", &|c: u8| c.is_ascii_hexdigit()),
            b'o' | b'O' => (NumKind::Oct, "octal", &|c: u8| (b'0'..=b'7').contains(&c)),
            _ => (NumKind::Bin, "binary", &|c: u8| c == b'0' || c == b'1'),
        };
        kind = k;
        let mut j = 2;
        if j < b.len() && b[j] == b'_' {
            j += 1;
        }
        i = match digits(j, ok) {
            Ok(i) => i,
            Err(at) => {
                if at < b.len() && b[at].is_ascii_digit() {
                    return Err(err(
                        &format!("invalid digit '{}' in {name} literal", b[at] as char),
                        at,
                    ));
                }
                return Err(err(
                    &format!("invalid {name} literal"),
                    at.min(b.len()).saturating_sub(1),
                ));
            }
        };
        if i < b.len() && b[i].is_ascii_digit() {
            return Err(err(
                &format!("invalid digit '{}' in {name} literal", b[i] as char),
                i,
            ));
        }
    } else {
        kind = NumKind::Dec;
        i = 0;
        if b[0] != b'.' {
            i = digits(0, &|c: u8| c.is_ascii_digit()).unwrap_or(0);
            if i < b.len() && b[i] == b'_' {
                return Err(err("invalid decimal literal", i));
            }
        }
        if i < b.len() && b[i] == b'.' {
            kind = NumKind::Float;
            i += 1;
            if i < b.len() && b[i].is_ascii_digit() {
                i = digits(i, &|c: u8| c.is_ascii_digit()).unwrap_or(i);
                if i < b.len() && b[i] == b'_' {
                    return Err(err("invalid decimal literal", i));
                }
            }
        }
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            let mut j = i + 1;
            if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                j += 1;
            }
            match digits(j, &|c: u8| c.is_ascii_digit()) {
                Ok(e) => {
                    kind = NumKind::Float;
                    i = e;
                }
                Err(_) => return Err(err("invalid decimal literal", i)),
            }
        }
        if i < b.len() && (b[i] == b'j' || b[i] == b'J') {
            kind = NumKind::Imag;
            i += 1;
        }
        if kind == NumKind::Dec
            && b[0] == b'0'
            && i > 1
            && b[..i].iter().any(|&c| c != b'0' && c != b'_')
        {
            return Err(err(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                0,
            ));
        }
    }
    // The literal must not run straight into a name (`1abc`), except the
    // keywords CPython tolerates there (`1if x else 2`).
    if let Some(c) = text[i..].chars().next() {
        if is_id_continue(c) {
            let word: String = text[i..]
                .chars()
                .take_while(|&c| is_id_continue(c))
                .collect();
            let allowed = ["and", "else", "for", "if", "in", "is", "not", "or"];
            if !allowed.iter().any(|k| word.starts_with(k)) {
                let name = match kind {
                    NumKind::Hex => "hexadecimal",
                    NumKind::Oct => "octal",
                    NumKind::Bin => "binary",
                    NumKind::Imag => "imaginary",
                    _ => "decimal",
                };
                return Err(err(&format!("invalid {name} literal"), i.saturating_sub(1)));
            }
        }
    }
    lex.bump(i - start.len());
    Ok(kind)
}

/// Scans a string literal after its prefix and opening quote.
fn string(lex: &mut logos::Lexer<RawToken>) -> Result<StrInfo, RawError> {
    let head = lex.slice();
    let quote = head.as_bytes()[head.len() - 1];
    let prefix = &head[..head.len() - 1];
    let lower = prefix.to_ascii_lowercase();
    let mut info = StrInfo {
        prefix_len: prefix.len() as u8,
        quote_len: 1,
        raw: lower.contains('r'),
        bytes: lower.contains('b'),
        fmt: lower.contains('f'),
    };
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = 0;
    if triple {
        info.quote_len = 3;
        i = 2;
    }
    loop {
        if i >= rest.len() {
            let msg = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            // "(detected at line N)" is filled in by the layout pass.
            return Err(RawError {
                msg: format!("{msg}\u{0}{}", head.len() + i),
                at: 0,
            });
        }
        let c = rest[i];
        if c == b'\\' {
            i += 2;
            if i > rest.len() {
                i = rest.len();
            }
            continue;
        }
        if !triple && (c == b'\n' || c == b'\r') {
            return Err(RawError {
                msg: format!("unterminated string literal\u{0}{}", head.len() + i),
                at: 0,
            });
        }
        if c == quote {
            if !triple {
                i += 1;
                break;
            }
            if i + 2 < rest.len() && rest[i + 1] == quote && rest[i + 2] == quote {
                i += 3;
                break;
            }
        }
        i += 1;
    }
    lex.bump(i);
    Ok(info)
}

/// Keywords and operator tokens, as the parser sees them.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tok {
    Name(Symbol),
    /// An integer literal (unsigned: `-` is an operator).
    Int(u64),
    /// An integer literal too large for 64 bits.
    BigInt,
    Float(f64),
    /// A string literal; the parser decodes its text.
    Str(StrInfo),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// Where a lexical error stopped tokenizing.
    Error,
    // keywords
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // operators
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Semi,
    Dot,
    Ellipsis,
    Plus,
    Minus,
    Star,
    Slash,
    DoubleSlash,
    Percent,
    DoubleStar,
    At,
    LShift,
    RShift,
    Amp,
    Pipe,
    Caret,
    Tilde,
    Lt,
    Gt,
    Le,
    Ge,
    EqEq,
    NotEq,
    Assign,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    DoubleSlashEq,
    PercentEq,
    DoubleStarEq,
    AtEq,
    LShiftEq,
    RShiftEq,
    AmpEq,
    PipeEq,
    CaretEq,
    Arrow,
    Walrus,
    Bang,
}

impl Tok {
    /// Whether this token is a keyword.
    pub fn is_keyword(self) -> bool {
        use Tok::*;
        matches!(
            self,
            False
                | None
                | True
                | And
                | As
                | Assert
                | Async
                | Await
                | Break
                | Class
                | Continue
                | Def
                | Del
                | Elif
                | Else
                | Except
                | Finally
                | For
                | From
                | Global
                | If
                | Import
                | In
                | Is
                | Lambda
                | Nonlocal
                | Not
                | Or
                | Pass
                | Raise
                | Return
                | Try
                | While
                | With
                | Yield
        )
    }
}

fn keyword(s: &str) -> Option<Tok> {
    use Tok::*;
    Some(match s {
        "False" => False,
        "None" => None,
        "True" => True,
        "and" => And,
        "as" => As,
        "assert" => Assert,
        "async" => Async,
        "await" => Await,
        "break" => Break,
        "class" => Class,
        "continue" => Continue,
        "def" => Def,
        "del" => Del,
        "elif" => Elif,
        "else" => Else,
        "except" => Except,
        "finally" => Finally,
        "for" => For,
        "from" => From,
        "global" => Global,
        "if" => If,
        "import" => Import,
        "in" => In,
        "is" => Is,
        "lambda" => Lambda,
        "nonlocal" => Nonlocal,
        "not" => Not,
        "or" => Or,
        "pass" => Pass,
        "raise" => Raise,
        "return" => Return,
        "try" => Try,
        "while" => While,
        "with" => With,
        "yield" => Yield,
        _ => return Option::None,
    })
}

/// A token with its byte range in the file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Start byte (absolute in the file).
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
}

/// Deepest bracket nesting CPython's tokenizer accepts.
const MAX_PAREN_DEPTH: usize = 200;
/// Deepest indentation CPython's tokenizer accepts.
const MAX_INDENT_DEPTH: usize = 100;

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `src`.
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if i + 1 < b.len() && b[i + 1] == b'\n' {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where `line` (1-based) starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Tokenizes a whole file (or an f-string replacement field when `nested`:
/// then no layout tokens are produced). Offsets are shifted by `base`.
pub fn tokenize(
    src: &str,
    base: usize,
    interner: &mut Interner,
    lines: &LineIndex,
    nested: bool,
) -> Result<Vec<Token>, SyntaxError> {
    let mut out = Vec::new();
    tokenize_into(src, base, interner, lines, nested, &mut out)?;
    Ok(out)
}

/// Tokenizes a file, stopping at the first lexical error. The error is
/// returned beside the tokens read before it, which end with a `Tok::Error`
/// marker: the parser reports it only if it gets that far, so (as in
/// CPython, whose parser pulls tokens lazily) a syntax error earlier in the
/// file wins over a lexical error later.
pub fn tokenize_lazy(
    src: &str,
    interner: &mut Interner,
    lines: &LineIndex,
) -> (Vec<Token>, Option<SyntaxError>) {
    let mut out = Vec::new();
    match tokenize_into(src, 0, interner, lines, false, &mut out) {
        Ok(()) => (out, None),
        Err(e) => {
            // The marker goes where tokenizing stopped: the end of the file
            // for an unclosed bracket, else the error itself.
            let at = if e.msg.ends_with("was never closed") {
                src.len()
            } else {
                e.at.min(src.len())
            } as u32;
            out.push(Token {
                tok: Tok::Error,
                start: at,
                end: at,
            });
            out.push(Token {
                tok: Tok::EndMarker,
                start: src.len() as u32,
                end: src.len() as u32,
            });
            (out, Some(e))
        }
    }
}

fn tokenize_into(
    src: &str,
    base: usize,
    interner: &mut Interner,
    lines: &LineIndex,
    nested: bool,
    out: &mut Vec<Token>,
) -> Result<(), SyntaxError> {
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut parens: Vec<(u8, usize)> = Vec::new();
    let mut at_line_start = !nested;
    let mut line_start = 0usize;
    let mut lex = RawToken::lexer(src);
    let abs = |off: usize| (off + base) as u32;
    let full_len = base + src.len();
    while let Some(res) = lex.next() {
        let span = lex.span();
        let raw = match res {
            Ok(t) => t,
            Err(e) => return Err(raw_error(e, span.start + base, src, base, lines, full_len)),
        };
        if raw == RawToken::Newline {
            if nested {
                continue;
            }
            line_start = span.end;
            if !parens.is_empty() || at_line_start {
                continue;
            }
            out.push(Token {
                tok: Tok::Newline,
                start: abs(span.start),
                end: abs(span.end),
            });
            at_line_start = true;
            continue;
        }
        if at_line_start {
            at_line_start = false;
            let ws = &src[line_start..span.start];
            let (col, alt) = indent_width(ws);
            let &(top, top_alt) = indents.last().unwrap();
            if col > top {
                if alt <= top_alt {
                    return Err(tab_error(span.start + base));
                }
                if indents.len() > MAX_INDENT_DEPTH {
                    return Err(SyntaxError {
                        msg: "too many levels of indentation".into(),
                        at: span.start + base,
                        end: span.start + base + 1,
                        kind: ErrorKind::Indentation,
                        no_caret: false,
                    });
                }
                indents.push((col, alt));
                out.push(Token {
                    tok: Tok::Indent,
                    start: abs(line_start),
                    end: abs(span.start),
                });
            } else if col < top {
                while indents.last().unwrap().0 > col {
                    indents.pop();
                    out.push(Token {
                        tok: Tok::Dedent,
                        start: abs(span.start),
                        end: abs(span.start),
                    });
                }
                let &(top, top_alt) = indents.last().unwrap();
                if top != col {
                    // CPython's caret sits at the end of the offending line.
                    let eol = src[span.start..]
                        .find(['\n', '\r'])
                        .map_or(src.len(), |i| span.start + i);
                    return Err(SyntaxError {
                        msg: "unindent does not match any outer indentation level".into(),
                        at: eol + base,
                        end: eol + base + 1,
                        kind: ErrorKind::Indentation,
                        ..SyntaxError::default()
                    });
                }
                if top_alt != alt {
                    return Err(tab_error(span.start + base));
                }
            } else if alt != top_alt {
                return Err(tab_error(span.start + base));
            }
        }
        let text = lex.slice();
        let tok = match raw {
            RawToken::Newline => unreachable!(),
            RawToken::Name => keyword(text).unwrap_or_else(|| Tok::Name(interner.intern(text))),
            RawToken::Number(kind) => number_token(kind, text).map_err(|msg| SyntaxError {
                msg,
                at: span.start + base,
                end: span.end + base,
                kind: ErrorKind::Syntax,
                no_caret: false,
            })?,
            RawToken::Str(info) => Tok::Str(info),
            RawToken::Backslash => {
                return Err(SyntaxError {
                    msg: "unexpected character after line continuation character".into(),
                    at: span.start + base + 1,
                    end: span.start + base + 2,
                    kind: ErrorKind::Syntax,
                    no_caret: false,
                })
            }
            RawToken::LParen | RawToken::LBracket | RawToken::LBrace => {
                if parens.len() >= MAX_PAREN_DEPTH {
                    return Err(SyntaxError {
                        msg: "too many nested parentheses".into(),
                        at: span.start + base,
                        end: span.end + base,
                        kind: ErrorKind::Syntax,
                        no_caret: false,
                    });
                }
                parens.push((text.as_bytes()[0], span.start + base));
                match raw {
                    RawToken::LParen => Tok::LParen,
                    RawToken::LBracket => Tok::LBracket,
                    _ => Tok::LBrace,
                }
            }
            RawToken::RParen | RawToken::RBracket | RawToken::RBrace => {
                let close = text.as_bytes()[0];
                match parens.pop() {
                    None => {
                        return Err(SyntaxError {
                            msg: format!("unmatched '{}'", close as char),
                            at: span.start + base,
                            end: span.end + base,
                            kind: ErrorKind::Syntax,
                            no_caret: false,
                        })
                    }
                    Some((open, at)) => {
                        let want = match open {
                            b'(' => b')',
                            b'[' => b']',
                            _ => b'}',
                        };
                        if want != close {
                            let open_line = lines.line(at);
                            let here = lines.line(span.start + base);
                            let msg = if open_line != here {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    close as char, open as char, open_line
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    close as char, open as char
                                )
                            };
                            return Err(SyntaxError {
                                msg,
                                at: span.start + base,
                                end: span.end + base,
                                kind: ErrorKind::Syntax,
                                no_caret: false,
                            });
                        }
                    }
                }
                match raw {
                    RawToken::RParen => Tok::RParen,
                    RawToken::RBracket => Tok::RBracket,
                    _ => Tok::RBrace,
                }
            }
            RawToken::Comma => Tok::Comma,
            RawToken::Colon => Tok::Colon,
            RawToken::Semi => Tok::Semi,
            RawToken::Dot => Tok::Dot,
            RawToken::Ellipsis => Tok::Ellipsis,
            RawToken::Plus => Tok::Plus,
            RawToken::Minus => Tok::Minus,
            RawToken::Star => Tok::Star,
            RawToken::Slash => Tok::Slash,
            RawToken::DoubleSlash => Tok::DoubleSlash,
            RawToken::Percent => Tok::Percent,
            RawToken::DoubleStar => Tok::DoubleStar,
            RawToken::At => Tok::At,
            RawToken::LShift => Tok::LShift,
            RawToken::RShift => Tok::RShift,
            RawToken::Amp => Tok::Amp,
            RawToken::Pipe => Tok::Pipe,
            RawToken::Caret => Tok::Caret,
            RawToken::Tilde => Tok::Tilde,
            RawToken::Lt => Tok::Lt,
            RawToken::Gt => Tok::Gt,
            RawToken::Le => Tok::Le,
            RawToken::Ge => Tok::Ge,
            RawToken::EqEq => Tok::EqEq,
            RawToken::NotEq => Tok::NotEq,
            RawToken::Assign => Tok::Assign,
            RawToken::PlusEq => Tok::PlusEq,
            RawToken::MinusEq => Tok::MinusEq,
            RawToken::StarEq => Tok::StarEq,
            RawToken::SlashEq => Tok::SlashEq,
            RawToken::DoubleSlashEq => Tok::DoubleSlashEq,
            RawToken::PercentEq => Tok::PercentEq,
            RawToken::DoubleStarEq => Tok::DoubleStarEq,
            RawToken::AtEq => Tok::AtEq,
            RawToken::LShiftEq => Tok::LShiftEq,
            RawToken::RShiftEq => Tok::RShiftEq,
            RawToken::AmpEq => Tok::AmpEq,
            RawToken::PipeEq => Tok::PipeEq,
            RawToken::CaretEq => Tok::CaretEq,
            RawToken::Arrow => Tok::Arrow,
            RawToken::Walrus => Tok::Walrus,
            RawToken::Bang => Tok::Bang,
        };
        out.push(Token {
            tok,
            start: abs(span.start),
            end: abs(span.end),
        });
    }
    // CPython names the innermost bracket still open.
    if let Some(&(open, at)) = parens.last() {
        return Err(SyntaxError {
            msg: format!("'{}' was never closed", open as char),
            at,
            end: at + 1,
            kind: ErrorKind::Syntax,
            no_caret: false,
        });
    }
    let end = abs(src.len());
    if !nested {
        if !at_line_start {
            out.push(Token {
                tok: Tok::Newline,
                start: end,
                end,
            });
        }
        for _ in 1..indents.len() {
            out.push(Token {
                tok: Tok::Dedent,
                start: end,
                end,
            });
        }
    }
    out.push(Token {
        tok: Tok::EndMarker,
        start: end,
        end,
    });
    Ok(())
}

fn tab_error(at: usize) -> SyntaxError {
    SyntaxError {
        msg: "inconsistent use of tabs and spaces in indentation".into(),
        at,
        end: at + 1,
        kind: ErrorKind::Tab,
        no_caret: true,
    }
}

/// Indentation width with tabs to multiples of 8, and with tabs as 1 (the
/// two must order lines the same way, or it is a `TabError`).
fn indent_width(ws: &str) -> (usize, usize) {
    let mut col = 0;
    let mut alt = 0;
    for c in ws.chars() {
        match c {
            '\t' => {
                col = (col / 8 + 1) * 8;
                alt += 1;
            }
            '\x0c' => {
                col = 0;
                alt = 0;
            }
            _ => {
                col += 1;
                alt += 1;
            }
        }
    }
    (col, alt)
}

fn raw_error(
    e: RawError,
    tok_start: usize,
    src: &str,
    base: usize,
    lines: &LineIndex,
    full_len: usize,
) -> SyntaxError {
    if e.msg.is_empty() {
        // logos found no token at all: an invalid character.
        let c = src[tok_start - base..].chars().next().unwrap_or(' ');
        let msg = if c == '$' || c == '?' || c == '`' || c.is_ascii() {
            format!("invalid syntax")
        } else if c.is_whitespace() || c.is_control() {
            format!("invalid non-printable character U+{:04X}", c as u32)
        } else {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        };
        return SyntaxError {
            msg,
            at: tok_start,
            end: tok_start + c.len_utf8(),
            kind: ErrorKind::Syntax,
            no_caret: false,
        };
    }
    if let Some((msg, detected)) = e.msg.split_once('\u{0}') {
        // Unterminated string: CPython names the line where it gave up.
        let detected: usize = detected.parse().unwrap_or(0);
        let mut at = (tok_start + detected).min(full_len);
        if at == full_len && at > 0 {
            // At end of file CPython counts the line of the last character.
            at -= 1;
        }
        let line = lines.line(at);
        return SyntaxError {
            msg: format!("{msg} (detected at line {line})"),
            at: tok_start,
            end: tok_start + 1,
            kind: ErrorKind::Syntax,
            no_caret: false,
        };
    }
    SyntaxError {
        msg: e.msg,
        at: tok_start + e.at,
        end: tok_start + e.at + 1,
        kind: ErrorKind::Syntax,
        no_caret: false,
    }
}

fn number_token(kind: NumKind, text: &str) -> Result<Tok, String> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let parse = |digits: &str, radix: u32| match u64::from_str_radix(digits, radix) {
        Ok(v) => Ok(Tok::Int(v)),
        Err(_) => Ok(Tok::BigInt),
    };
    match kind {
        NumKind::Dec => parse(&clean, 10),
        NumKind::Hex => parse(&clean[2..], 16),
        NumKind::Oct => parse(&clean[2..], 8),
        NumKind::Bin => parse(&clean[2..], 2),
        NumKind::Float => clean
            .parse::<f64>()
            .map(Tok::Float)
            .map_err(|_| "invalid decimal literal".to_string()),
        NumKind::Imag => Err("complex numbers are not supported by this VM".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let mut i = Interner::new();
        let lines = LineIndex::new(src);
        tokenize(src, 0, &mut i, &lines, false)
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    fn err(src: &str) -> String {
        let mut i = Interner::new();
        let lines = LineIndex::new(src);
        tokenize(src, 0, &mut i, &lines, false).unwrap_err().msg
    }

    #[test]
    fn layout_tokens() {
        use Tok::*;
        let t = toks("if x:\n    y = 1\n\n    # c\nz\n");
        assert!(matches!(
            t.as_slice(),
            [
                If,
                Name(_),
                Colon,
                Newline,
                Indent,
                Name(_),
                Assign,
                Int(1),
                Newline,
                Dedent,
                Name(_),
                Newline,
                EndMarker
            ]
        ));
    }

    #[test]
    fn brackets_join_lines() {
        use Tok::*;
        let t = toks("x = (1,\n  2)\n");
        assert!(!t[..t.len() - 2].contains(&Newline));
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("0x_ff 1_000 0o17 0b101")[..4],
            [Tok::Int(255), Tok::Int(1000), Tok::Int(15), Tok::Int(5)]
        );
        assert_eq!(
            toks("1.5e3 .5 1.")[..3],
            [Tok::Float(1500.0), Tok::Float(0.5), Tok::Float(1.0)]
        );
        assert_eq!(err("1__0"), "invalid decimal literal");
        assert_eq!(err("0x"), "invalid hexadecimal literal");
        assert!(err("012").starts_with("leading zeros"));
    }

    #[test]
    fn strings() {
        let t = toks("'a' \"b\" '''c\nd''' rb'x' f\"{y}\"");
        assert_eq!(t.iter().filter(|t| matches!(t, Tok::Str(_))).count(), 5);
        assert_eq!(
            err("x = 'abc\n"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(
            err("x = '''abc\n\n"),
            "unterminated triple-quoted string literal (detected at line 2)"
        );
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(err("x = (1,\n"), "'(' was never closed");
        assert_eq!(
            err("x = (1]\n"),
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(err(")\n"), "unmatched ')'");
        assert_eq!(
            err("if x:\n    a\n  b\n"),
            "unindent does not match any outer indentation level"
        );
    }
}
