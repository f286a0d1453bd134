//! Tokens → syntax tree. A recursive-descent parser over the layout-aware
//! token stream, with precedence climbing for binary operators. Error
//! messages follow CPython 3.11's for the common mistakes ("expected ':'",
//! "Perhaps you forgot a comma?", "cannot assign to literal here...").
//!
//! Nesting is bounded (`MAX_NESTING` levels of recursion and `MAX_DEPTH`
//! levels of tree), so no input can overflow the Rust stack here or in the
//! passes that walk the tree after.

use crate::ast::*;
use crate::intern::{Interner, Symbol};
use crate::lexer::{
    tokenize, tokenize_lazy, ErrorKind, LineIndex, StrInfo, SyntaxError, Tok, Token,
};

/// Recursion depth of the parser (expression entries, unary chains).
const MAX_NESTING: usize = 1000;
/// Depth of a syntax tree the later passes may recurse over.
pub const MAX_DEPTH: u32 = 1000;

type PResult<T> = Result<T, SyntaxError>;

/// Parses a whole file.
pub fn parse(src: &str, interner: &mut Interner, lines: &LineIndex) -> PResult<Module> {
    let (toks, lex_error) = tokenize_lazy(src, interner, lines);
    let mut p = Parser {
        src,
        toks,
        pos: 0,
        interner,
        lines,
        scope_count: 0,
        nesting: 0,
        lex_error,
        furthest: std::cell::Cell::new(0),
        classes: Vec::new(),
    };
    match p.file() {
        Ok(body) => Ok(Module {
            body,
            scope_count: p.scope_count,
        }),
        Err(e) => {
            let seen = p.toks[p.furthest.get().min(p.toks.len() - 1)].start as usize;
            Err(prefer_lexer_error(e, p.lex_error, lines, lines.line(seen)))
        }
    }
}

/// CPython tokenizes the rest of the file after a parse error and lets
/// some tokenizer errors win (`_PyPegen_tokenize_full_source_to_check_for_errors`):
/// errors the tokenizer raises itself (bad strings, characters, numbers,
/// brackets) always; an unclosed bracket only when it opened on an earlier
/// line than the parse error; indentation errors never.
fn prefer_lexer_error(
    parse: SyntaxError,
    lex: Option<SyntaxError>,
    lines: &LineIndex,
    seen_line: usize,
) -> SyntaxError {
    let Some(lex) = lex else { return parse };
    if lex == parse {
        return parse;
    }
    if lex.kind != ErrorKind::Syntax {
        return parse;
    }
    if lex.msg.ends_with("was never closed") {
        return if lines.line(lex.at) < seen_line {
            lex
        } else {
            parse
        };
    }
    lex
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    interner: &'a mut Interner,
    lines: &'a LineIndex,
    scope_count: u32,
    nesting: usize,
    /// The lexical error at the `Tok::Error` marker, if tokenizing stopped.
    lex_error: Option<SyntaxError>,
    /// The furthest token the parser has looked at (CPython's `fill`).
    furthest: std::cell::Cell<usize>,
    /// Names of the classes whose bodies enclose the cursor, innermost
    /// last, for private name mangling.
    classes: Vec<String>,
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr::new(kind, span)
}

/// CPython's name for an expression kind in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute(..) => "attribute",
        ExprKind::Subscript(..) => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Call(..) => "function call",
        ExprKind::Bool(..) | ExprKind::Binary(..) | ExprKind::Unary(..) => "expression",
        ExprKind::Comp { kind, .. } => match kind {
            CompKind::Gen => "generator expression",
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
        },
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Const(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare(..) => "comparison",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Walrus(..) => "named expression",
        ExprKind::Slice(..) => "slice",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum TargetCtx {
    Assign,
    For,
    Del,
    With,
}

impl<'a> Parser<'a> {
    // ---------------------------------------------------------- tokens

    fn peek(&self) -> Tok {
        self.toks[self.pos].tok
    }

    fn peek_at(&self, n: usize) -> Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        self.furthest.set(self.furthest.get().max(i));
        self.toks[i].tok
    }

    fn cur(&self) -> Token {
        self.toks[self.pos]
    }

    fn prev_end(&self) -> u32 {
        if self.pos == 0 {
            0
        } else {
            self.toks[self.pos - 1].end
        }
    }

    fn advance(&mut self) -> Token {
        let t = self.toks[self.pos];
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        self.furthest.set(self.furthest.get().max(self.pos));
        t
    }

    fn at(&self, t: Tok) -> bool {
        self.peek() == t
    }

    fn eat(&mut self, t: Tok) -> bool {
        if self.at(t) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn error(&self, msg: impl Into<String>, start: u32, end: u32) -> SyntaxError {
        if let Some(e) = self.pending_lex_error() {
            return e;
        }
        SyntaxError {
            msg: msg.into(),
            at: start as usize,
            end: (end.max(start + 1)) as usize,
            kind: ErrorKind::Syntax,
            no_caret: false,
        }
    }

    /// The lexer's error when the parser has reached where it stopped.
    fn pending_lex_error(&self) -> Option<SyntaxError> {
        if self.peek() == Tok::Error {
            self.lex_error.clone()
        } else {
            None
        }
    }

    /// "invalid syntax" at the current token.
    fn invalid(&self) -> SyntaxError {
        if let Some(e) = self.pending_lex_error() {
            return e;
        }
        let t = self.cur();
        if t.tok == Tok::Indent {
            return SyntaxError {
                msg: "unexpected indent".into(),
                at: t.end as usize,
                end: t.end as usize + 1,
                kind: ErrorKind::Indentation,
                no_caret: false,
            };
        }
        self.error("invalid syntax", t.start, t.end)
    }

    fn expect(&mut self, t: Tok) -> PResult<Token> {
        if self.at(t) {
            Ok(self.advance())
        } else {
            Err(self.invalid())
        }
    }

    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat(Tok::Colon) {
            Ok(())
        } else if matches!(self.peek(), Tok::Newline) {
            let e = self.prev_end();
            Err(self.error("expected ':'", e, e + 1))
        } else {
            Err(self.invalid())
        }
    }

    fn name(&mut self) -> PResult<(Symbol, Span)> {
        match self.peek() {
            Tok::Name(s) => {
                let t = self.advance();
                Ok((s, Span::new(t.start, t.end)))
            }
            _ => Err(self.invalid()),
        }
    }

    /// Private name mangling (CPython's `_Py_Mangle`): inside a class
    /// body, `__x` (not ending in `__`) becomes `_Class__x`, with the class
    /// name's leading underscores removed.
    fn mangle(&mut self, name: Symbol) -> Symbol {
        let Some(class) = self.classes.last() else {
            return name;
        };
        let text = self.interner.resolve(name);
        if !text.starts_with("__") || text.ends_with("__") || text.contains('.') {
            return name;
        }
        let stripped = class.trim_start_matches('_');
        if stripped.is_empty() {
            return name;
        }
        let mangled = format!("_{stripped}{text}");
        self.interner.intern(&mangled)
    }

    fn new_scope(&mut self) -> u32 {
        self.scope_count += 1;
        self.scope_count - 1
    }

    fn line_of(&self, offset: u32) -> usize {
        self.lines.line(offset as usize)
    }

    fn enter(&mut self) -> PResult<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            let t = self.cur();
            return Err(self.error("too many nested parentheses", t.start, t.end));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn check_depth(&self, e: &Expr) -> PResult<()> {
        if e.depth > MAX_DEPTH {
            return Err(SyntaxError {
                msg: "\u{1}RecursionError: maximum recursion depth exceeded during compilation"
                    .into(),
                at: e.span.start as usize,
                end: e.span.end as usize,
                kind: ErrorKind::Syntax,
                no_caret: false,
            });
        }
        Ok(())
    }

    // ---------------------------------------------------------- statements

    fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !self.at(Tok::EndMarker) {
            if self.eat(Tok::Newline) {
                continue;
            }
            body.extend(self.statement()?);
        }
        Ok(body)
    }

    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        match self.peek() {
            Tok::If => Ok(vec![self.if_stmt()?]),
            Tok::While => Ok(vec![self.while_stmt()?]),
            Tok::For => Ok(vec![self.for_stmt()?]),
            Tok::Try => Ok(vec![self.try_stmt()?]),
            Tok::With => Ok(vec![self.with_stmt()?]),
            Tok::Def => Ok(vec![self.def_stmt(Vec::new())?]),
            Tok::Class => Ok(vec![self.class_stmt(Vec::new())?]),
            Tok::At => Ok(vec![self.decorated()?]),
            Tok::Indent => Err(self.invalid()),
            Tok::Async => {
                let t = self.cur();
                Err(self.error("'async' is not supported by this VM", t.start, t.end))
            }
            _ => self.simple_stmts(),
        }
    }

    fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = vec![self.simple_stmt()?];
        while self.eat(Tok::Semi) {
            if self.at(Tok::Newline) {
                break;
            }
            out.push(self.simple_stmt()?);
        }
        if !self.eat(Tok::Newline) {
            return Err(self.invalid());
        }
        Ok(out)
    }

    /// A block after a compound statement header's `:`.
    fn block(&mut self, what: &str, header_start: u32) -> PResult<Vec<Stmt>> {
        self.expect_colon()?;
        if self.eat(Tok::Newline) {
            if !self.at(Tok::Indent) {
                if let Some(e) = self.pending_lex_error() {
                    return Err(e);
                }
                let t = self.cur();
                let at_eof = matches!(t.tok, Tok::EndMarker | Tok::Dedent)
                    && self.toks[self.pos..]
                        .iter()
                        .all(|t| matches!(t.tok, Tok::Dedent | Tok::EndMarker));
                // At the end of the file CPython points at the header line
                // and draws no caret.
                let at = if at_eof {
                    self.toks[self.pos - 1].start
                } else {
                    t.start
                };
                return Err(SyntaxError {
                    msg: format!(
                        "expected an indented block after {what} on line {}",
                        self.line_of(header_start)
                    ),
                    at: at as usize,
                    end: at as usize + 1,
                    kind: ErrorKind::Indentation,
                    no_caret: at_eof,
                });
            }
            self.advance();
            let mut body = Vec::new();
            while !self.at(Tok::Dedent) && !self.at(Tok::EndMarker) {
                if self.eat(Tok::Newline) {
                    continue;
                }
                body.extend(self.statement()?);
            }
            self.eat(Tok::Dedent);
            Ok(body)
        } else {
            self.simple_stmts()
        }
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let what = if self.toks[self.pos - 1].tok == Tok::Elif {
            "'elif' statement"
        } else {
            "'if' statement"
        };
        let test = self.named_expression()?;
        let header = Span::new(start, test.span.end);
        let body = self.block(what, start)?;
        let orelse = match self.peek() {
            Tok::Elif => vec![self.if_stmt()?],
            Tok::Else => {
                let t = self.advance();
                self.block("'else' statement", t.start)?
            }
            _ => Vec::new(),
        };
        Ok(Stmt {
            kind: StmtKind::If(test, body, orelse),
            span: Span::new(header.start, self.prev_end()),
        })
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let test = self.named_expression()?;
        let header = Span::new(start, test.span.end);
        let body = self.block("'while' statement", start)?;
        let orelse = if self.at(Tok::Else) {
            let t = self.advance();
            self.block("'else' statement", t.start)?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            kind: StmtKind::While(test, body, orelse),
            span: Span::new(header.start, self.prev_end()),
        })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let target = self.target_list()?;
        self.check_target(&target, TargetCtx::For)?;
        if !self.eat(Tok::In) {
            return Err(self.invalid());
        }
        let iter = self.star_expressions()?;
        let header = Span::new(start, iter.span.end);
        let body = self.block("'for' statement", start)?;
        let orelse = if self.at(Tok::Else) {
            let t = self.advance();
            self.block("'else' statement", t.start)?
        } else {
            Vec::new()
        };
        // The whole statement, as in CPython: a `FOR_ITER` failure then
        // shows the `for` line without markers.
        let _ = header;
        Ok(Stmt {
            kind: StmtKind::For(target, iter, body, orelse),
            span: Span::new(start, self.prev_end()),
        })
    }

    /// Targets of `for` (stops before `in`).
    fn target_list(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let first = self.star_target()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::In) || self.at(Tok::Assign) {
                break;
            }
            items.push(self.star_target()?);
        }
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Tuple(items), span))
    }

    fn star_target(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let t = self.advance();
            let inner = self.bitor()?;
            let span = Span::new(t.start, self.prev_end());
            return Ok(expr(ExprKind::Starred(Box::new(inner)), span));
        }
        self.bitor()
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let body = self.block("'try' statement", start)?;
        let mut handlers = Vec::new();
        while self.at(Tok::Except) {
            let t = self.advance();
            if self.at(Tok::Star) {
                let s = self.cur();
                return Err(self.error("'except*' is not supported by this VM", s.start, s.end));
            }
            let (typ, name) = if self.at(Tok::Colon) {
                (None, None)
            } else {
                let typ = self.expression()?;
                let typ = if self.at(Tok::Comma) {
                    // `except A, B:` is Python 2 syntax.
                    let c = self.cur();
                    return Err(self.error(
                        "multiple exception types must be parenthesized",
                        typ.span.start,
                        c.end,
                    ));
                } else {
                    typ
                };
                let name = if self.eat(Tok::As) {
                    let n = self.name()?.0;
                    Some(self.mangle(n))
                } else {
                    None
                };
                (Some(typ), name)
            };
            let header = Span::new(t.start, self.prev_end());
            let hbody = self.block("'except' statement", t.start)?;
            handlers.push(Handler {
                typ,
                name,
                body: hbody,
                span: header,
            });
        }
        let mut orelse = Vec::new();
        if self.at(Tok::Else) {
            if handlers.is_empty() {
                return Err(self.invalid());
            }
            let t = self.advance();
            orelse = self.block("'else' statement", t.start)?;
        }
        let mut finalbody = Vec::new();
        if self.at(Tok::Finally) {
            let t = self.advance();
            finalbody = self.block("'finally' statement", t.start)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            let t = self.cur();
            return Err(self.error("expected 'except' or 'finally' block", t.start, t.end));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            span: Span::new(start, start + 3),
        })
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().start;
        let mut items = Vec::new();
        // `with (a as b, c as d):` is allowed since 3.9; parse the
        // parenthesized form when the parenthesis closes before the colon.
        let parenthesized = self.at(Tok::LParen) && self.paren_group_is_with_items();
        if parenthesized {
            self.advance();
        }
        loop {
            let ctx = self.expression()?;
            let target = if self.eat(Tok::As) {
                let t = self.star_target()?;
                self.check_target(&t, TargetCtx::With)?;
                Some(t)
            } else {
                None
            };
            items.push((ctx, target));
            if !self.eat(Tok::Comma) {
                break;
            }
            if parenthesized && self.at(Tok::RParen) {
                break;
            }
        }
        if parenthesized {
            self.expect(Tok::RParen)?;
        }
        let header = Span::new(start, self.prev_end());
        let body = self.block("'with' statement", start)?;
        Ok(Stmt {
            kind: StmtKind::With(items, body),
            span: Span::new(header.start, self.prev_end()),
        })
    }

    /// Whether the `(` at the cursor opens a group of with-items (the
    /// matching `)` is directly followed by `:`) containing `as`.
    fn paren_group_is_with_items(&self) -> bool {
        let mut depth = 0;
        let mut saw_as = false;
        for t in &self.toks[self.pos..] {
            match t.tok {
                Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBracket | Tok::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        return saw_as;
                    }
                }
                Tok::As if depth == 1 => saw_as = true,
                Tok::Newline | Tok::EndMarker => return false,
                _ => {}
            }
        }
        false
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(Tok::At) {
            decorators.push(self.named_expression()?);
            if !self.eat(Tok::Newline) {
                return Err(self.invalid());
            }
        }
        match self.peek() {
            Tok::Def => self.def_stmt(decorators),
            Tok::Class => self.class_stmt(decorators),
            _ => Err(self.invalid()),
        }
    }

    fn def_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance().start;
        let (name, _) = self.name()?;
        if !self.at(Tok::LParen) {
            let t = self.cur();
            return Err(self.error("expected '('", t.start, t.end));
        }
        self.advance();
        let params = self.params(Tok::RParen, true)?;
        self.expect(Tok::RParen)?;
        if self.eat(Tok::Arrow) {
            self.expression()?;
        }
        let header = Span::new(start, self.prev_end());
        let scope = self.new_scope();
        let body = self.block("function definition", start)?;
        Ok(Stmt {
            kind: StmtKind::Def(Box::new(FuncDef {
                name,
                bind: self.mangle(name),
                params,
                body,
                decorators,
                is_lambda: false,
                scope,
                span: header,
            })),
            span: header,
        })
    }

    /// A parameter list up to (not including) `close`.
    fn params(&mut self, close: Tok, annotations: bool) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let mut names: Vec<Symbol> = Vec::new();
        let check_dup =
            |this: &Self, names: &mut Vec<Symbol>, name: Symbol, span: Span| -> PResult<()> {
                if names.contains(&name) {
                    return Err(this.error(
                        format!(
                            "duplicate argument '{}' in function definition",
                            this.interner.resolve(name)
                        ),
                        span.start,
                        span.end,
                    ));
                }
                names.push(name);
                Ok(())
            };
        while !self.at(close) {
            if self.at(Tok::Slash) {
                let t = self.advance();
                if star_seen || !p.posonly.is_empty() || p.args.is_empty() {
                    return Err(self.error("invalid syntax", t.start, t.end));
                }
                p.posonly = std::mem::take(&mut p.args);
            } else if self.at(Tok::DoubleStar) {
                self.advance();
                let (name, span) = self.name()?;
                let name = self.mangle(name);
                check_dup(self, &mut names, name, span)?;
                if annotations && self.eat(Tok::Colon) {
                    self.expression()?;
                }
                p.kwarg = Some(Param {
                    name,
                    default: None,
                    span,
                });
                self.eat(Tok::Comma);
                if !self.at(close) {
                    return Err(self.invalid());
                }
                break;
            } else if self.at(Tok::Star) {
                let t = self.advance();
                if star_seen {
                    return Err(self.error("* argument may appear only once", t.start, t.end));
                }
                star_seen = true;
                if let Tok::Name(_) = self.peek() {
                    let (name, span) = self.name()?;
                    let name = self.mangle(name);
                    check_dup(self, &mut names, name, span)?;
                    if annotations && self.eat(Tok::Colon) {
                        self.expression()?;
                    }
                    p.vararg = Some(Param {
                        name,
                        default: None,
                        span,
                    });
                } else if self.at(close) || (self.at(Tok::Comma) && self.peek_at(1) == close) {
                    return Err(self.error("named arguments must follow bare *", t.start, t.end));
                }
            } else {
                let (name, span) = self.name()?;
                let name = self.mangle(name);
                check_dup(self, &mut names, name, span)?;
                if annotations && self.eat(Tok::Colon) {
                    self.expression()?;
                }
                let default = if self.eat(Tok::Assign) {
                    Some(self.expression()?)
                } else {
                    None
                };
                if star_seen {
                    p.kwonly.push(Param {
                        name,
                        default,
                        span,
                    });
                } else {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(self.error(
                            "non-default argument follows default argument",
                            span.start,
                            span.end,
                        ));
                    }
                    p.args.push(Param {
                        name,
                        default,
                        span,
                    });
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(p)
    }

    fn class_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance().start;
        let (name, _) = self.name()?;
        let bind = self.mangle(name);
        let bases = if self.eat(Tok::LParen) {
            let args = self.call_args()?;
            self.expect(Tok::RParen)?;
            args
        } else {
            Vec::new()
        };
        let header = Span::new(start, self.prev_end());
        let scope = self.new_scope();
        let class_name = self.interner.resolve(name).to_string();
        self.classes.push(class_name);
        let body = self.block("class definition", start);
        self.classes.pop();
        let body = body?;

        Ok(Stmt {
            kind: StmtKind::Class(Box::new(ClassDef {
                name,
                bind,
                bases,
                body,
                decorators,
                scope,
            })),
            span: header,
        })
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.cur();
        let start = t.start;
        let kind = match t.tok {
            Tok::Pass => {
                self.advance();
                StmtKind::Pass
            }
            Tok::Break => {
                self.advance();
                StmtKind::Break
            }
            Tok::Continue => {
                self.advance();
                StmtKind::Continue
            }
            Tok::Return => {
                self.advance();
                if self.at_stmt_end() {
                    StmtKind::Return(None)
                } else {
                    StmtKind::Return(Some(self.star_expressions()?))
                }
            }
            Tok::Raise => {
                self.advance();
                if self.at_stmt_end() {
                    StmtKind::Raise(None, None)
                } else {
                    let exc = self.expression()?;
                    let cause = if self.eat(Tok::From) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Raise(Some(exc), cause)
                }
            }
            Tok::Global | Tok::Nonlocal => {
                self.advance();
                let first = self.name()?.0;
                let mut names = vec![self.mangle(first)];
                while self.eat(Tok::Comma) {
                    let n = self.name()?.0;
                    names.push(self.mangle(n));
                }
                if t.tok == Tok::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Del => {
                self.advance();
                let mut targets = Vec::new();
                loop {
                    let e = self.bitor()?;
                    self.check_target(&e, TargetCtx::Del)?;
                    targets.push(e);
                    if !self.eat(Tok::Comma) || self.at_stmt_end() {
                        break;
                    }
                }
                StmtKind::Del(targets)
            }
            Tok::Assert => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat(Tok::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert(test, msg)
            }
            Tok::Import => {
                self.advance();
                let mut names = Vec::new();
                loop {
                    let path = self.dotted_name()?;
                    let alias = if self.eat(Tok::As) {
                        Some(self.name()?.0)
                    } else {
                        None
                    };
                    names.push((path, alias));
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
                StmtKind::Import(names)
            }
            Tok::From => {
                self.advance();
                if self.at(Tok::Dot) || self.at(Tok::Ellipsis) {
                    let t = self.cur();
                    return Err(self.error(
                        "relative imports are not supported by this VM",
                        t.start,
                        t.end,
                    ));
                }
                let module = self.dotted_name()?;
                if !self.eat(Tok::Import) {
                    return Err(self.invalid());
                }
                let mut names = Vec::new();
                if self.at(Tok::Star) {
                    self.advance();
                    let star = self.interner.intern("*");
                    names.push((star, None));
                } else {
                    let paren = self.eat(Tok::LParen);
                    loop {
                        let (n, _) = self.name()?;
                        let alias = if self.eat(Tok::As) {
                            Some(self.name()?.0)
                        } else {
                            None
                        };
                        names.push((n, alias));
                        if !self.eat(Tok::Comma) {
                            break;
                        }
                        if paren && self.at(Tok::RParen) {
                            break;
                        }
                    }
                    if paren {
                        self.expect(Tok::RParen)?;
                    }
                }
                StmtKind::ImportFrom(module, names)
            }
            _ => return self.expr_stmt(),
        };
        Ok(Stmt {
            kind,
            span: Span::new(start, self.prev_end()),
        })
    }

    fn at_stmt_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Semi | Tok::EndMarker)
    }

    fn dotted_name(&mut self) -> PResult<Vec<Symbol>> {
        let mut path = vec![self.name()?.0];
        while self.eat(Tok::Dot) {
            path.push(self.name()?.0);
        }
        Ok(path)
    }

    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.cur().start;
        let first = if self.at(Tok::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        // `print "x"`: Python 2 habits get CPython's hint.
        if let ExprKind::Name(n) = first.kind {
            let text = self.interner.resolve(n);
            if (text == "print" || text == "exec") && self.starts_expression() {
                let text = text.to_string();
                let save = self.pos;
                let arg = self.star_expressions();
                let end = match arg {
                    Ok(a) => a.span.end,
                    Err(_) => {
                        self.pos = save;
                        self.cur().end
                    }
                };
                return Err(self.error(
                    format!("Missing parentheses in call to '{text}'. Did you mean {text}(...)?"),
                    first.span.start,
                    end,
                ));
            }
        }
        match self.peek() {
            Tok::Assign => {
                let mut targets = vec![first];
                let mut value;
                let mut eq_count = 0;
                loop {
                    self.advance();
                    eq_count += 1;
                    value = if self.at(Tok::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    if !self.at(Tok::Assign) {
                        break;
                    }
                    targets.push(value);
                }
                for t in &targets {
                    if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                        return Err(self.error(
                            "assignment to yield expression not possible",
                            t.span.start,
                            t.span.end,
                        ));
                    }
                    if let Err(e) = self.check_target(t, TargetCtx::Assign) {
                        let simple = !matches!(
                            t.kind,
                            ExprKind::Tuple(_)
                                | ExprKind::List(_)
                                | ExprKind::Const(Constant::Bool(_) | Constant::None)
                        );
                        if eq_count == 1 && simple {
                            return Err(self.error(
                                format!(
                                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                    expr_name(t)
                                ),
                                t.span.start,
                                t.span.end,
                            ));
                        }
                        return Err(e);
                    }
                }
                let span = Span::new(start, value.span.end);
                Ok(Stmt {
                    kind: StmtKind::Assign(targets, value),
                    span,
                })
            }
            Tok::Colon => {
                self.advance();
                match &first.kind {
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
                    ExprKind::Tuple(_) => {
                        return Err(self.error(
                            "only single target (not tuple) can be annotated",
                            first.span.start,
                            first.span.end,
                        ))
                    }
                    ExprKind::List(_) => {
                        return Err(self.error(
                            "only single target (not list) can be annotated",
                            first.span.start,
                            first.span.end,
                        ))
                    }
                    _ => {
                        return Err(self.error(
                            "illegal target for annotation",
                            first.span.start,
                            first.span.end,
                        ))
                    }
                }
                let ann = self.expression()?;
                let value = if self.eat(Tok::Assign) {
                    Some(if self.at(Tok::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    })
                } else {
                    None
                };
                Ok(Stmt {
                    kind: StmtKind::AnnAssign(first, ann, value),
                    span: Span::new(start, self.prev_end()),
                })
            }
            tok => {
                if let Some(op) = aug_op(tok) {
                    if !matches!(
                        first.kind,
                        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                    ) {
                        return Err(self.error(
                            format!(
                                "'{}' is an illegal expression for augmented assignment",
                                expr_name(&first)
                            ),
                            first.span.start,
                            first.span.end,
                        ));
                    }
                    self.advance();
                    let value = if self.at(Tok::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    let span = Span::new(start, value.span.end);
                    return Ok(Stmt {
                        kind: StmtKind::AugAssign(first, op, value),
                        span,
                    });
                }
                let span = first.span;
                Ok(Stmt {
                    kind: StmtKind::Expr(first),
                    span,
                })
            }
        }
    }

    fn check_target(&self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for it in items {
                    self.check_target(it, ctx)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) if ctx != TargetCtx::Del => self.check_target(inner, ctx),
            _ => {
                let verb = if ctx == TargetCtx::Del {
                    "delete"
                } else {
                    "assign to"
                };
                Err(self.error(
                    format!("cannot {verb} {}", expr_name(e)),
                    e.span.start,
                    e.span.end,
                ))
            }
        }
    }

    /// Whether the current token can begin an expression.
    fn starts_expression(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::BigInt
                | Tok::Float(_)
                | Tok::Str(_)
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::LParen
                | Tok::LBracket
                | Tok::LBrace
                | Tok::Minus
                | Tok::Plus
                | Tok::Tilde
                | Tok::Not
                | Tok::Lambda
                | Tok::Ellipsis
        )
    }

    // ---------------------------------------------------------- expressions

    /// `a, *b, c` (a tuple when there is a comma).
    fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if !self.starts_expression() && !self.at(Tok::Star) {
                break;
            }
            items.push(self.star_expression()?);
        }
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Tuple(items), span))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let t = self.advance();
            let inner = self.bitor()?;
            let span = Span::new(t.start, self.prev_end());
            return Ok(expr(ExprKind::Starred(Box::new(inner)), span));
        }
        self.expression()
    }

    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            return self.star_expression();
        }
        self.named_expression()
    }

    fn named_expression(&mut self) -> PResult<Expr> {
        if let (Tok::Name(n), Tok::Walrus) = (self.peek(), self.peek_at(1)) {
            let n = self.mangle(n);
            let t = self.advance();
            self.advance();
            let value = self.expression()?;
            let span = Span::new(t.start, self.prev_end());
            return Ok(expr(ExprKind::Walrus(n, Box::new(value)), span));
        }
        let e = self.expression()?;
        if self.at(Tok::Walrus) {
            return Err(self.error(
                format!("cannot use assignment expressions with {}", expr_name(&e)),
                e.span.start,
                e.span.end,
            ));
        }
        if self.at(Tok::Assign) {
            // `if x = 1:` (CPython's `invalid_named_expression`).
            if let ExprKind::Name(_) = e.kind {
                let save = self.pos;
                self.advance();
                let end = match self.bitor() {
                    Ok(r) if !matches!(self.peek(), Tok::Assign | Tok::Walrus) => Some(r.span.end),
                    _ => None,
                };
                self.pos = save;
                if let Some(end) = end {
                    return Err(self.error(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        e.span.start,
                        end,
                    ));
                }
            } else if !matches!(
                e.kind,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::Comp { .. }
                    | ExprKind::Const(Constant::Bool(_) | Constant::None)
            ) {
                return Err(self.error(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(&e)
                    ),
                    e.span.start,
                    e.span.end,
                ));
            }
        }
        Ok(e)
    }

    fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at(Tok::Lambda) {
            return self.lambda();
        }
        let start = self.cur().start;
        let body = self.disjunction()?;
        if !self.at(Tok::If) {
            return Ok(body);
        }
        // A conditional expression, unless this `if` belongs to a
        // comprehension (`[x for x in y if c]` stops before it).
        self.advance();
        let test = self.disjunction()?;
        if !self.eat(Tok::Else) {
            let t = self.cur();
            return Err(self.error(
                "expected 'else' after 'if' expression",
                body.span.start,
                t.end.max(test.span.end),
            ));
        }
        let orelse = self.expression()?;
        let span = Span::new(start, self.prev_end());
        let e = expr(
            ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse)),
            span,
        );
        Ok(e)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let t = self.advance();
        let params = self.params(Tok::Colon, false)?;
        self.expect(Tok::Colon)?;
        let scope = self.new_scope();
        let body = self.expression()?;
        let span = Span::new(t.start, self.prev_end());
        let ret = Stmt {
            span: body.span,
            kind: StmtKind::Return(Some(body)),
        };
        let name = self.interner.intern("<lambda>");
        Ok(expr(
            ExprKind::Lambda(Box::new(FuncDef {
                name,
                bind: name,
                params,
                body: vec![ret],
                decorators: Vec::new(),
                is_lambda: true,
                scope,
                span,
            })),
            span,
        ))
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let first = self.conjunction()?;
        if !self.at(Tok::Or) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Or) {
            items.push(self.conjunction()?);
        }
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Bool(BoolOp::Or, items), span))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let first = self.inversion()?;
        if !self.at(Tok::And) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::And) {
            items.push(self.inversion()?);
        }
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Bool(BoolOp::And, items), span))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at(Tok::Not) {
            let t = self.advance();
            self.enter()?;
            let inner = self.inversion();
            self.leave();
            let inner = inner?;
            let span = Span::new(t.start, self.prev_end());
            return Ok(expr(ExprKind::Unary(UnaryOp::Not, Box::new(inner)), span));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let first = self.bitor()?;
        let mut ops = Vec::new();
        loop {
            let op = match self.peek() {
                Tok::Lt => CmpOp::Lt,
                Tok::Gt => CmpOp::Gt,
                Tok::Le => CmpOp::Le,
                Tok::Ge => CmpOp::Ge,
                Tok::EqEq => CmpOp::Eq,
                Tok::NotEq => CmpOp::Ne,
                Tok::In => CmpOp::In,
                Tok::Is => {
                    if self.peek_at(1) == Tok::Not {
                        self.advance();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Not if self.peek_at(1) == Tok::In => {
                    self.advance();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.advance();
            ops.push((op, self.bitor()?));
        }
        if ops.is_empty() {
            return Ok(first);
        }
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Compare(Box::new(first), ops), span))
    }

    fn bitor(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Precedence climbing over the binary operators, lowest level `min`.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let start = self.cur().start;
        let mut left = self.factor()?;
        loop {
            let (op, prec) = match self.peek() {
                Tok::Pipe => (BinOp::BitOr, 1),
                Tok::Caret => (BinOp::BitXor, 2),
                Tok::Amp => (BinOp::BitAnd, 3),
                Tok::LShift => (BinOp::LShift, 4),
                Tok::RShift => (BinOp::RShift, 4),
                Tok::Plus => (BinOp::Add, 5),
                Tok::Minus => (BinOp::Sub, 5),
                Tok::Star => (BinOp::Mul, 6),
                Tok::Slash => (BinOp::TrueDiv, 6),
                Tok::DoubleSlash => (BinOp::FloorDiv, 6),
                Tok::Percent => (BinOp::Mod, 6),
                Tok::At => (BinOp::MatMul, 6),
                _ => break,
            };
            if prec < min {
                break;
            }
            self.advance();
            self.enter()?;
            let right = self.binary(prec + 1);
            self.leave();
            let right = right?;
            let span = Span::new(start, self.prev_end());
            left = expr(ExprKind::Binary(Box::new(left), op, Box::new(right)), span);
            self.check_depth(&left)?;
        }
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Tok::Minus => UnaryOp::Neg,
            Tok::Plus => UnaryOp::Pos,
            Tok::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let t = self.advance();
        // `-9223372036854775808` is the one literal that only fits negated.
        if op == UnaryOp::Neg {
            if let Tok::Int(v) = self.peek() {
                if v == 1u64 << 63 && self.peek_at(1) != Tok::DoubleStar {
                    let lit = self.advance();
                    if !self.at_trailer() {
                        return Ok(expr(
                            ExprKind::Const(Constant::Int(i64::MIN)),
                            Span::new(t.start, lit.end),
                        ));
                    }
                    self.pos -= 1;
                }
            }
        }
        self.enter()?;
        let inner = self.factor();
        self.leave();
        let inner = inner?;
        let span = Span::new(t.start, self.prev_end());
        Ok(expr(ExprKind::Unary(op, Box::new(inner)), span))
    }

    fn at_trailer(&self) -> bool {
        matches!(self.peek(), Tok::Dot | Tok::LParen | Tok::LBracket)
    }

    fn power(&mut self) -> PResult<Expr> {
        if self.at(Tok::Await) {
            let t = self.cur();
            return Err(self.error("'await' is not supported by this VM", t.start, t.end));
        }
        let start = self.cur().start;
        let base = self.primary()?;
        if self.eat(Tok::DoubleStar) {
            self.enter()?;
            let exp = self.factor();
            self.leave();
            let exp = exp?;
            let span = Span::new(start, self.prev_end());
            return Ok(expr(
                ExprKind::Binary(Box::new(base), BinOp::Pow, Box::new(exp)),
                span,
            ));
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let mut e = self.atom()?;
        loop {
            match self.peek() {
                Tok::Dot => {
                    self.advance();
                    let (name, nspan) = self.name()?;
                    let name = self.mangle(name);
                    let span = Span::new(start, nspan.end);
                    e = expr(ExprKind::Attribute(Box::new(e), name, nspan), span);
                }
                Tok::LParen => {
                    self.advance();
                    self.enter()?;
                    let args = self.call_args();
                    self.leave();
                    let args = args?;
                    let close = self.expect_close(Tok::RParen)?;
                    let span = Span::new(start, close);
                    e = expr(ExprKind::Call(Box::new(e), args), span);
                }
                Tok::LBracket => {
                    self.advance();
                    self.enter()?;
                    let index = self.slices();
                    self.leave();
                    let index = index?;
                    let close = self.expect_close(Tok::RBracket)?;
                    let span = Span::new(start, close);
                    e = expr(ExprKind::Subscript(Box::new(e), Box::new(index)), span);
                }
                _ => break,
            }
            self.check_depth(&e)?;
        }
        Ok(e)
    }

    /// Expects a closing bracket; if another expression follows instead,
    /// reports CPython's "Perhaps you forgot a comma?".
    fn expect_close(&mut self, close: Tok) -> PResult<u32> {
        if self.at(close) {
            return Ok(self.advance().end);
        }
        Err(self.invalid())
    }

    /// Arguments of a call, up to the closing parenthesis.
    fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let mut args = Vec::new();
        let mut seen_kw = false;
        let mut seen_dstar = false;
        while !self.at(Tok::RParen) {
            let t = self.cur();
            if self.at(Tok::Star) {
                self.advance();
                let e = self.expression()?;
                if seen_dstar {
                    return Err(self.error(
                        "iterable argument unpacking follows keyword argument unpacking",
                        t.start,
                        e.span.end,
                    ));
                }
                args.push(Arg::Star(e));
            } else if self.at(Tok::DoubleStar) {
                self.advance();
                let e = self.expression()?;
                seen_dstar = true;
                args.push(Arg::DoubleStar(e));
            } else if matches!(self.peek(), Tok::Name(_)) && self.peek_at(1) == Tok::Assign {
                let (name, nspan) = self.name()?;
                self.advance();
                let e = self.expression()?;
                seen_kw = true;
                let span = Span::new(nspan.start, e.span.end);
                args.push(Arg::Kw(name, e, span));
            } else {
                let e = self.named_expression()?;
                if self.at(Tok::For) {
                    let g = self.comprehension_tail(CompKind::Gen, e, None, t.start)?;
                    if !args.is_empty() || !self.at(Tok::RParen) {
                        if !self.at(Tok::RParen) || !args.is_empty() {
                            return Err(self.error(
                                "Generator expression must be parenthesized",
                                g.span.start,
                                g.span.end,
                            ));
                        }
                    }
                    args.push(Arg::Pos(g));
                    continue;
                }
                if self.at(Tok::Assign) {
                    let a = self.cur();
                    return Err(self.error(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        e.span.start,
                        a.end,
                    ));
                }
                if seen_dstar {
                    let t = self.cur();
                    return Err(self.error(
                        "positional argument follows keyword argument unpacking",
                        t.start,
                        t.start + 1,
                    ));
                }
                if seen_kw {
                    let t = self.cur();
                    return Err(self.error(
                        "positional argument follows keyword argument",
                        t.start,
                        t.start + 1,
                    ));
                }
                args.push(Arg::Pos(e));
            }
            if !self.eat(Tok::Comma) {
                if self.starts_expression() {
                    return Err(self.forgot_comma(&args));
                }
                break;
            }
        }
        Ok(args)
    }

    fn forgot_comma(&mut self, args: &[Arg]) -> SyntaxError {
        let start = match args.last() {
            Some(Arg::Pos(e)) | Some(Arg::Star(e)) | Some(Arg::DoubleStar(e)) => e.span.start,
            Some(Arg::Kw(_, _, s)) => s.start,
            None => self.cur().start,
        };
        self.forgot_comma_from(start)
    }

    fn forgot_comma_from(&mut self, start: u32) -> SyntaxError {
        let save = self.pos;
        let end = match self.expression() {
            Ok(e) => e.span.end,
            Err(_) => self.cur().end,
        };
        self.pos = save;
        self.error("invalid syntax. Perhaps you forgot a comma?", start, end)
    }

    /// The inside of `[...]` after a primary: an index, a slice, or a tuple
    /// of them.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let first = self.slice()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RBracket) {
                break;
            }
            items.push(self.slice()?);
        }
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Tuple(items), span))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let lower = if self.at(Tok::Colon) {
            None
        } else {
            let e = self.star_named_expression()?;
            if !self.at(Tok::Colon) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect(Tok::Colon)?;
        let upper = if matches!(self.peek(), Tok::Colon | Tok::RBracket | Tok::Comma) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat(Tok::Colon) {
            if matches!(self.peek(), Tok::RBracket | Tok::Comma) {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        let span = Span::new(start, self.prev_end());
        Ok(expr(ExprKind::Slice(lower, upper, step), span))
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let t = self.advance();
        if self.eat(Tok::From) {
            let e = self.expression()?;
            let span = Span::new(t.start, self.prev_end());
            return Ok(expr(ExprKind::YieldFrom(Box::new(e)), span));
        }
        if matches!(
            self.peek(),
            Tok::RParen
                | Tok::Newline
                | Tok::Semi
                | Tok::Assign
                | Tok::RBracket
                | Tok::RBrace
                | Tok::EndMarker
        ) {
            return Ok(expr(ExprKind::Yield(None), Span::new(t.start, t.end)));
        }
        let e = self.star_expressions()?;
        let span = Span::new(t.start, self.prev_end());
        Ok(expr(ExprKind::Yield(Some(Box::new(e))), span))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.cur();
        let span = Span::new(t.start, t.end);
        match t.tok {
            Tok::Name(n) => {
                self.advance();
                let n = self.mangle(n);
                Ok(expr(ExprKind::Name(n), span))
            }
            Tok::Int(v) => {
                self.advance();
                if v > i64::MAX as u64 {
                    return Err(self.big_int(t));
                }
                Ok(expr(ExprKind::Const(Constant::Int(v as i64)), span))
            }
            Tok::BigInt => Err(self.big_int(t)),
            Tok::Float(f) => {
                self.advance();
                Ok(expr(ExprKind::Const(Constant::Float(f)), span))
            }
            Tok::None => {
                self.advance();
                Ok(expr(ExprKind::Const(Constant::None), span))
            }
            Tok::True => {
                self.advance();
                Ok(expr(ExprKind::Const(Constant::Bool(true)), span))
            }
            Tok::False => {
                self.advance();
                Ok(expr(ExprKind::Const(Constant::Bool(false)), span))
            }
            Tok::Ellipsis => {
                self.advance();
                Ok(expr(ExprKind::Const(Constant::Ellipsis), span))
            }
            Tok::Str(_) => self.strings(),
            Tok::LParen => {
                self.advance();
                self.enter()?;
                let r = self.paren_inner(t.start);
                self.leave();
                r
            }
            Tok::LBracket => {
                self.advance();
                self.enter()?;
                let r = self.list_inner(t.start);
                self.leave();
                r
            }
            Tok::LBrace => {
                self.advance();
                self.enter()?;
                let r = self.brace_inner(t.start);
                self.leave();
                r
            }
            _ => Err(self.invalid()),
        }
    }

    fn big_int(&self, t: Token) -> SyntaxError {
        self.error(
            format!(
                "integer literal {} is too large: this VM's int is 64-bit",
                &self.src[t.start as usize..t.end as usize]
            ),
            t.start,
            t.end,
        )
    }

    fn paren_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.at(Tok::RParen) {
            let end = self.advance().end;
            return Ok(expr(ExprKind::Tuple(Vec::new()), Span::new(start, end)));
        }
        if self.at(Tok::Yield) {
            let y = self.yield_expr()?;
            self.expect(Tok::RParen)?;
            return Ok(y);
        }
        let first = self.star_named_expression()?;
        if self.at(Tok::For) {
            let g = self.comprehension_tail(CompKind::Gen, first, None, start)?;
            let end = self.expect_close(Tok::RParen)?;
            return Ok(Expr {
                span: Span::new(start, end),
                ..g
            });
        }
        if self.at(Tok::RParen) {
            self.advance();
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.error(
                    "cannot use starred expression here",
                    first.span.start,
                    first.span.end,
                ));
            }
            return Ok(first);
        }
        if !self.at(Tok::Comma) {
            if self.starts_expression() {
                return Err(self.forgot_comma_from(first.span.start));
            }
            return Err(self.invalid());
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RParen) {
                break;
            }
            items.push(self.star_named_expression()?);
            if !self.at(Tok::Comma) && !self.at(Tok::RParen) && self.starts_expression() {
                let s = items.last().unwrap().span.start;
                return Err(self.forgot_comma_from(s));
            }
        }
        let end = self.expect_close(Tok::RParen)?;
        Ok(expr(ExprKind::Tuple(items), Span::new(start, end)))
    }

    fn list_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.at(Tok::RBracket) {
            let end = self.advance().end;
            return Ok(expr(ExprKind::List(Vec::new()), Span::new(start, end)));
        }
        let first = self.star_named_expression()?;
        if self.at(Tok::For) {
            let c = self.comprehension_tail(CompKind::List, first, None, start)?;
            let end = self.expect_close(Tok::RBracket)?;
            return Ok(Expr {
                span: Span::new(start, end),
                ..c
            });
        }
        let mut items = vec![first];
        loop {
            if self.at(Tok::RBracket) {
                break;
            }
            if !self.eat(Tok::Comma) {
                if self.starts_expression() {
                    let s = items.last().unwrap().span.start;
                    return Err(self.forgot_comma_from(s));
                }
                return Err(self.invalid());
            }
            if self.at(Tok::RBracket) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        let end = self.advance().end;
        Ok(expr(ExprKind::List(items), Span::new(start, end)))
    }

    fn brace_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.at(Tok::RBrace) {
            let end = self.advance().end;
            return Ok(expr(ExprKind::Dict(Vec::new()), Span::new(start, end)));
        }
        // `{**a, ...}` is a dict.
        if self.at(Tok::DoubleStar) {
            self.advance();
            let v = self.bitor()?;
            return self.dict_rest(start, vec![(None, v)]);
        }
        let first = self.star_named_expression()?;
        if self.eat(Tok::Colon) {
            let value = self.expression()?;
            if self.at(Tok::For) {
                let c = self.comprehension_tail(CompKind::Dict, first, Some(value), start)?;
                let end = self.expect_close(Tok::RBrace)?;
                return Ok(Expr {
                    span: Span::new(start, end),
                    ..c
                });
            }
            return self.dict_rest(start, vec![(Some(first), value)]);
        }
        if self.at(Tok::For) {
            let c = self.comprehension_tail(CompKind::Set, first, None, start)?;
            let end = self.expect_close(Tok::RBrace)?;
            return Ok(Expr {
                span: Span::new(start, end),
                ..c
            });
        }
        let mut items = vec![first];
        loop {
            if self.at(Tok::RBrace) {
                break;
            }
            if !self.eat(Tok::Comma) {
                if self.starts_expression() {
                    let s = items.last().unwrap().span.start;
                    return Err(self.forgot_comma_from(s));
                }
                return Err(self.invalid());
            }
            if self.at(Tok::RBrace) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        let end = self.advance().end;
        Ok(expr(ExprKind::Set(items), Span::new(start, end)))
    }

    fn dict_rest(&mut self, start: u32, mut items: Vec<(Option<Expr>, Expr)>) -> PResult<Expr> {
        loop {
            if self.at(Tok::RBrace) {
                break;
            }
            if !self.eat(Tok::Comma) {
                if self.starts_expression() {
                    let s = items.last().unwrap().1.span.start;
                    return Err(self.forgot_comma_from(s));
                }
                return Err(self.invalid());
            }
            if self.at(Tok::RBrace) {
                break;
            }
            if self.eat(Tok::DoubleStar) {
                let v = self.bitor()?;
                items.push((None, v));
                continue;
            }
            let k = self.expression()?;
            if !self.eat(Tok::Colon) {
                let t = self.cur();
                if matches!(t.tok, Tok::Comma | Tok::RBrace) {
                    return Err(self.error(
                        "':' expected after dictionary key",
                        k.span.start,
                        k.span.end,
                    ));
                }
                return Err(self.invalid());
            }
            let v = self.expression()?;
            items.push((Some(k), v));
        }
        let end = self.advance().end;
        Ok(expr(ExprKind::Dict(items), Span::new(start, end)))
    }

    /// `for x in y if c ...` after the element of a comprehension.
    fn comprehension_tail(
        &mut self,
        kind: CompKind,
        elt: Expr,
        value: Option<Expr>,
        start: u32,
    ) -> PResult<Expr> {
        if let ExprKind::Starred(_) = elt.kind {
            return Err(self.error(
                "iterable unpacking cannot be used in comprehension",
                elt.span.start,
                elt.span.end,
            ));
        }
        let mut gens = Vec::new();
        while self.at(Tok::For) {
            self.advance();
            let target = self.target_list()?;
            self.check_target(&target, TargetCtx::For)?;
            if !self.eat(Tok::In) {
                return Err(self.invalid());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(Tok::If) {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension { target, iter, ifs });
        }
        let scope = self.new_scope();
        let span = Span::new(start, self.prev_end());
        Ok(expr(
            ExprKind::Comp {
                kind,
                elt: Box::new(elt),
                value: value.map(Box::new),
                gens,
                scope,
            },
            span,
        ))
    }

    // ---------------------------------------------------------- strings

    /// One or more adjacent string literals, concatenated.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.cur().start;
        let mut parts: Vec<FPart> = Vec::new();
        let mut any_f = false;
        let mut any_bytes = None;
        while let Tok::Str(info) = self.peek() {
            let t = self.advance();
            if let Some(b) = any_bytes {
                if b != info.bytes {
                    return Err(self.error("cannot mix bytes and nonbytes literals", start, t.end));
                }
            }
            any_bytes = Some(info.bytes);
            if info.bytes {
                return Err(self.error(
                    "bytes literals are not supported by this VM",
                    t.start,
                    t.end,
                ));
            }
            let content_start =
                t.start as usize + info.prefix_len as usize + info.quote_len as usize;
            let content_end = t.end as usize - info.quote_len as usize;
            if info.fmt {
                any_f = true;
                let fparts =
                    self.fstring(content_start, content_end, info, 0)
                        .map_err(|mut e| {
                            // CPython 3.11 places f-string errors just after the
                            // string token.
                            if e.msg.starts_with("f-string") {
                                e.at = t.end as usize;
                                e.end = e.at + 1;
                            }
                            e
                        })?;
                parts.extend(fparts);
            } else {
                let text = decode_string(&self.src[content_start..content_end], info.raw).map_err(
                    |(msg, off)| {
                        self.error(
                            msg,
                            (content_start + off) as u32,
                            (content_start + off + 1) as u32,
                        )
                    },
                )?;
                parts.push(FPart::Lit(text));
            }
        }
        let span = Span::new(start, self.prev_end());
        if !any_f {
            let mut s = String::new();
            for p in parts {
                if let FPart::Lit(t) = p {
                    s.push_str(&t);
                }
            }
            return Ok(expr(ExprKind::Const(Constant::Str(s)), span));
        }
        // Merge adjacent literal pieces.
        let mut merged: Vec<FPart> = Vec::new();
        for p in parts {
            match (merged.last_mut(), p) {
                (Some(FPart::Lit(a)), FPart::Lit(b)) => a.push_str(&b),
                (_, p) => merged.push(p),
            }
        }
        Ok(expr(ExprKind::FString(merged), span))
    }

    /// Parses the inside of an f-string (or of a format spec when `depth` > 0)
    /// between byte offsets `start..end` of the file.
    fn fstring(
        &mut self,
        start: usize,
        end: usize,
        info: StrInfo,
        depth: usize,
    ) -> PResult<Vec<FPart>> {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut parts = Vec::new();
        let mut lit_start = start;
        let mut i = start;
        let flush = |this: &Self, parts: &mut Vec<FPart>, from: usize, to: usize| -> PResult<()> {
            if to > from {
                let text = decode_string(&src[from..to], info.raw).map_err(|(msg, off)| {
                    this.error(msg, (from + off) as u32, (from + off + 1) as u32)
                })?;
                parts.push(FPart::Lit(text));
            }
            Ok(())
        };
        while i < end {
            let c = bytes[i];
            if c == b'\\' && !info.raw {
                i += 2;
                continue;
            }
            if c == b'{' {
                if i + 1 < end && bytes[i + 1] == b'{' && depth == 0 {
                    flush(self, &mut parts, lit_start, i + 1)?;
                    i += 2;
                    lit_start = i;
                    continue;
                }
                flush(self, &mut parts, lit_start, i)?;
                let (part, next) = self.fstring_field(i + 1, end, info, depth)?;
                parts.push(part);
                i = next;
                lit_start = i;
                continue;
            }
            if c == b'}' {
                if i + 1 < end && bytes[i + 1] == b'}' && depth == 0 {
                    flush(self, &mut parts, lit_start, i + 1)?;
                    i += 2;
                    lit_start = i;
                    continue;
                }
                return Err(self.error(
                    "f-string: single '}' is not allowed",
                    i as u32,
                    i as u32 + 1,
                ));
            }
            i += 1;
        }
        flush(self, &mut parts, lit_start, end)?;
        Ok(parts)
    }

    /// One `{...}` replacement field starting after the `{` at `start`;
    /// returns it and the offset after its closing `}`.
    fn fstring_field(
        &mut self,
        start: usize,
        end: usize,
        info: StrInfo,
        depth: usize,
    ) -> PResult<(FPart, usize)> {
        if depth >= 2 {
            return Err(self.error(
                "f-string: expressions nested too deeply",
                start as u32,
                start as u32 + 1,
            ));
        }
        let bytes = self.src.as_bytes();
        // Find the end of the expression: `!`, `:`, `=`+(`!`|`:`|`}`) or `}`
        // at bracket depth 0, outside nested strings.
        let mut i = start;
        let mut nest = 0i32;
        let mut quote: Option<u8> = None;
        let expr_end;
        loop {
            if i >= end {
                return Err(self.error("f-string: expecting '}'", end as u32, end as u32 + 1));
            }
            let c = bytes[i];
            if c == b'\\' {
                return Err(self.error(
                    "f-string expression part cannot include a backslash",
                    i as u32,
                    i as u32 + 1,
                ));
            }
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                b'\\' => {
                    return Err(self.error(
                        "f-string expression part cannot include a backslash",
                        i as u32,
                        i as u32 + 1,
                    ))
                }
                b'#' => {
                    return Err(self.error(
                        "f-string expression part cannot include '#'",
                        i as u32,
                        i as u32 + 1,
                    ))
                }
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => nest += 1,
                b')' | b']' => nest -= 1,
                b'}' if nest > 0 => nest -= 1,
                b'}' | b':' if nest == 0 => {
                    expr_end = i;
                    break;
                }
                b'!' if nest == 0 && bytes.get(i + 1) != Some(&b'=') => {
                    expr_end = i;
                    break;
                }
                b'=' if nest == 0
                    && bytes.get(i + 1) != Some(&b'=')
                    && !matches!(
                        bytes.get(i.wrapping_sub(1)),
                        Some(b'=' | b'!' | b'<' | b'>')
                    ) =>
                {
                    expr_end = i;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let text = &self.src[start..expr_end];
        if text.trim().is_empty() {
            return Err(self.error(
                "f-string: empty expression not allowed",
                expr_end as u32,
                expr_end as u32 + 1,
            ));
        }
        let e = self.sub_expression(start, expr_end)?;
        let mut i = expr_end;
        let mut parts_prefix = None;
        if bytes[i] == b'=' {
            // `{x=}`: the expression text (with its spacing) then the repr.
            i += 1;
            let mut j = i;
            while j < end && bytes[j] == b' ' {
                j += 1;
            }
            parts_prefix = Some(self.src[start..j].to_string());
            i = j;
        }
        let mut conv = None;
        if i < end && bytes[i] == b'!' {
            let c = bytes.get(i + 1).copied().unwrap_or(b'}');
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(self.error(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    (i + 1) as u32,
                    (i + 2) as u32,
                ));
            }
            conv = Some(c as char);
            i += 2;
        }
        let mut spec = None;
        if i < end && bytes[i] == b':' {
            let spec_start = i + 1;
            let mut j = spec_start;
            let mut nest = 0;
            while j < end {
                match bytes[j] {
                    b'{' => nest += 1,
                    b'}' if nest > 0 => nest -= 1,
                    b'}' => break,
                    _ => {}
                }
                j += 1;
            }
            spec = Some(self.fstring(spec_start, j, info, depth + 1)?);
            i = j;
        }
        if i >= end || bytes[i] != b'}' {
            return Err(self.error("f-string: expecting '}'", i as u32, i as u32 + 1));
        }
        if parts_prefix.is_some() && conv.is_none() && spec.is_none() {
            conv = Some('r');
        }
        let field = FPart::Field {
            expr: Box::new(e),
            conv,
            spec,
        };
        let part = match parts_prefix {
            // Encode `{x=}` as literal + field; the caller flattens.
            Some(prefix) => FPart::Field {
                expr: Box::new(Expr::new(
                    ExprKind::FString(vec![FPart::Lit(prefix), field]),
                    Span::new(start as u32, i as u32),
                )),
                conv: None,
                spec: None,
            },
            None => field,
        };
        Ok((part, i + 1))
    }

    /// Parses `src[start..end]` as one expression (an f-string field).
    fn sub_expression(&mut self, start: usize, end: usize) -> PResult<Expr> {
        let text = &self.src[start..end];
        let toks = tokenize(text, start, self.interner, self.lines, true)?;
        let saved_toks = std::mem::replace(&mut self.toks, toks);
        let saved_pos = std::mem::replace(&mut self.pos, 0);
        let r: PResult<_> = (|| {
            let e = if self.at(Tok::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            if !self.at(Tok::EndMarker) {
                let t = self.cur();
                return Err(self.error("f-string: invalid syntax", t.start, t.end));
            }
            Ok(e)
        })();
        self.toks = saved_toks;
        self.pos = saved_pos;
        r
    }
}

fn aug_op(t: Tok) -> Option<BinOp> {
    Some(match t {
        Tok::PlusEq => BinOp::Add,
        Tok::MinusEq => BinOp::Sub,
        Tok::StarEq => BinOp::Mul,
        Tok::SlashEq => BinOp::TrueDiv,
        Tok::DoubleSlashEq => BinOp::FloorDiv,
        Tok::PercentEq => BinOp::Mod,
        Tok::DoubleStarEq => BinOp::Pow,
        Tok::LShiftEq => BinOp::LShift,
        Tok::RShiftEq => BinOp::RShift,
        Tok::AmpEq => BinOp::BitAnd,
        Tok::PipeEq => BinOp::BitOr,
        Tok::CaretEq => BinOp::BitXor,
        Tok::AtEq => BinOp::MatMul,
        _ => return None,
    })
}

/// Decodes the escapes of a string literal's body. Errors carry a message
/// and the byte offset of the bad escape.
pub fn decode_string(s: &str, raw: bool) -> Result<String, (String, usize)> {
    if raw || !s.contains('\\') {
        return Ok(s.replace("\r\n", "\n"));
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            let ch = s[i..].chars().next().unwrap();
            if ch == '\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
                continue;
            }
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let at = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            out.push('\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = s
                    .get(i..i + n)
                    .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    let what = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err((
                        format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}", at, (i + n).min(b.len()) - 1),
                        at,
                    ));
                };
                let v = u32::from_str_radix(hex, 16).unwrap();
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err((
                            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character", at, i + n - 1),
                            at,
                        ))
                    }
                }
                i += n;
            }
            b'N' => {
                return Err(("\\N{...} escapes are not supported by this VM".into(), at));
            }
            _ => {
                // Unknown escapes keep the backslash (with a warning in CPython).
                out.push('\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(src: &str) -> Module {
        let mut i = Interner::new();
        let lines = LineIndex::new(src);
        parse(src, &mut i, &lines).unwrap()
    }

    fn parse_err(src: &str) -> String {
        let mut i = Interner::new();
        let lines = LineIndex::new(src);
        parse(src, &mut i, &lines).unwrap_err().msg
    }

    #[test]
    fn parses_core_statements() {
        let m = parse_ok(
            "x = 1\nif x < 2 and not y:\n    print(x, sep='')\nelif z:\n    pass\nelse:\n    x += 1\n\
             for i in range(3):\n    continue\nwhile True:\n    break\ndef f(a, b=2, *c, d, **e):\n    return a\n\
             try:\n    pass\nexcept (A, B) as e:\n    raise\nfinally:\n    del x[0]\nlambda: 0\nf'{x!r:>{w}}'\n",
        );
        assert_eq!(m.body.len(), 8);
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            parse_err("x = [1, 2 3]\n"),
            "invalid syntax. Perhaps you forgot a comma?"
        );
        assert_eq!(parse_err("if x\n    pass\n"), "expected ':'");
        assert_eq!(
            parse_err("1 = x\n"),
            "cannot assign to literal here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(
            parse_err("f(a=1, b)\n"),
            "positional argument follows keyword argument"
        );
        assert_eq!(
            parse_err("def f(a, a):\n    pass\n"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            parse_err("if x:\npass\n"),
            "expected an indented block after 'if' statement on line 1"
        );
        assert_eq!(parse_err("  x = 1\n"), "unexpected indent");
        assert_eq!(
            parse_err("1 += 1\n"),
            "'literal' is an illegal expression for augmented assignment"
        );
        assert_eq!(
            parse_err("print 'x'\n"),
            "Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("x = {}1\n", "-".repeat(100_000));
        assert!(!parse_err(&src).is_empty());
        let src = format!("x = 1{}\n", " + 1".repeat(5000));
        assert!(parse_err(&src).contains("RecursionError"));
    }

    #[test]
    fn string_escapes() {
        assert_eq!(
            decode_string(r"a\n\x41\u00e9\101\q", false).unwrap(),
            "a\nAé\u{41}\\q"
        );
    }
}
