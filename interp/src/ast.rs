//! The syntax tree the parser builds and the compiler walks. Every node
//! carries its byte span in the source, from which the compiler derives the
//! line and column ranges that tracebacks underline.

use crate::intern::Symbol;

/// Byte range `[start, end)` in the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// An expression.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
    /// Height of the tree below (1 for a leaf); bounded by the parser so
    /// later passes can recurse safely.
    pub depth: u32,
}

impl Expr {
    /// A node, computing its depth from its direct children.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let depth = 1 + kind.child_depth();
        Expr { kind, span, depth }
    }
}

impl ExprKind {
    /// The largest depth among direct children (0 for leaves). Function
    /// bodies (lambdas, comprehensions) are not counted: they are separate
    /// scopes and bounded by the parser's nesting limit on their own.
    fn child_depth(&self) -> u32 {
        fn m<'a>(it: impl IntoIterator<Item = &'a Expr>) -> u32 {
            it.into_iter().map(|e| e.depth).max().unwrap_or(0)
        }
        match self {
            ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::Lambda(_) => 0,
            ExprKind::FString(parts) => parts
                .iter()
                .map(|p| match p {
                    FPart::Lit(_) => 0,
                    FPart::Field { expr, .. } => expr.depth,
                })
                .max()
                .unwrap_or(0),
            ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => m(v),
            ExprKind::Dict(kv) => kv
                .iter()
                .map(|(k, v)| k.as_ref().map_or(0, |k| k.depth).max(v.depth))
                .max()
                .unwrap_or(0),
            ExprKind::Binary(l, _, r) => l.depth.max(r.depth),
            ExprKind::Unary(_, e)
            | ExprKind::Starred(e)
            | ExprKind::YieldFrom(e)
            | ExprKind::Walrus(_, e)
            | ExprKind::Attribute(e, _, _) => e.depth,
            ExprKind::Bool(_, v) => m(v),
            ExprKind::Compare(first, rest) => first.depth.max(m(rest.iter().map(|(_, e)| e))),
            ExprKind::Call(f, args) => f.depth.max(
                args.iter()
                    .map(|a| match a {
                        Arg::Pos(e) | Arg::Star(e) | Arg::DoubleStar(e) | Arg::Kw(_, e, _) => {
                            e.depth
                        }
                    })
                    .max()
                    .unwrap_or(0),
            ),
            ExprKind::Subscript(a, b) => a.depth.max(b.depth),
            ExprKind::Slice(a, b, c) => [a, b, c]
                .iter()
                .map(|x| x.as_ref().map_or(0, |e| e.depth))
                .max()
                .unwrap_or(0),
            ExprKind::IfExp(a, b, c) => a.depth.max(b.depth).max(c.depth),
            ExprKind::Comp { .. } => 0,
            ExprKind::Yield(e) => e.as_ref().map_or(0, |e| e.depth),
        }
    }
}

/// A constant value in the source.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal (after escapes and concatenation).
    Str(String),
    /// `...`.
    Ellipsis,
}

/// Binary operators.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    MatMul,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::MatMul => "@",
        }
    }
}

/// Unary operators.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

/// Comparison operators.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `and` / `or`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// One argument in a call.
#[derive(Debug, Clone)]
pub enum Arg {
    /// `f(x)`.
    Pos(Expr),
    /// `f(*xs)`.
    Star(Expr),
    /// `f(name=x)`.
    Kw(Symbol, Expr, Span),
    /// `f(**kw)`.
    DoubleStar(Expr),
}

/// One piece of an f-string.
#[derive(Debug, Clone)]
pub enum FPart {
    /// Literal text.
    Lit(String),
    /// A replacement field `{expr!conv:spec}`.
    Field {
        /// The expression.
        expr: Box<Expr>,
        /// `'r'`, `'s'`, `'a'` or none.
        conv: Option<char>,
        /// The format spec, itself an f-string (may contain fields).
        spec: Option<Vec<FPart>>,
    },
}

/// A `for ... in ... if ...` clause of a comprehension.
#[derive(Debug, Clone)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
}

/// The kinds of comprehension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    /// `[x for ...]`.
    List,
    /// `{x for ...}`.
    Set,
    /// `{k: v for ...}`.
    Dict,
    /// `(x for ...)`.
    Gen,
}

/// Expression kinds.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A variable.
    Name(Symbol),
    /// A literal.
    Const(Constant),
    /// An f-string.
    FString(Vec<FPart>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{k: v, **d}` (a `None` key is a `**` spread).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `a + b`.
    Binary(Box<Expr>, BinOp, Box<Expr>),
    /// `-a`.
    Unary(UnaryOp, Box<Expr>),
    /// `a and b and c`.
    Bool(BoolOp, Vec<Expr>),
    /// `a < b <= c`.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Arg>),
    /// `obj.name` (with the span of `name`).
    Attribute(Box<Expr>, Symbol, Span),
    /// `obj[index]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `a:b:c` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `a if cond else b`.
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lambda params: body`.
    Lambda(Box<FuncDef>),
    /// A comprehension; for dicts `elt` is the key and `value` the value.
    Comp {
        /// Which kind.
        kind: CompKind,
        /// The element (or key).
        elt: Box<Expr>,
        /// The value for dict comprehensions.
        value: Option<Box<Expr>>,
        /// The clauses.
        gens: Vec<Comprehension>,
        /// Scope id (see `scope.rs`).
        scope: u32,
    },
    /// `yield x`.
    Yield(Option<Box<Expr>>),
    /// `yield from x`.
    YieldFrom(Box<Expr>),
    /// `*x` in a target list or display.
    Starred(Box<Expr>),
    /// `name := value`.
    Walrus(Symbol, Box<Expr>),
}

/// A function parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// Its name.
    pub name: Symbol,
    /// Its default value.
    pub default: Option<Expr>,
    /// Where it is.
    pub span: Span,
}

/// A parameter list.
#[derive(Debug, Clone, Default)]
pub struct Params {
    /// Positional-only parameters (before `/`).
    pub posonly: Vec<Param>,
    /// Ordinary parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Keyword-only parameters.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

impl Params {
    /// All parameter names in frame-slot order.
    pub fn names(&self) -> Vec<Symbol> {
        let mut v: Vec<Symbol> = self
            .posonly
            .iter()
            .chain(&self.args)
            .map(|p| p.name)
            .collect();
        v.extend(self.kwonly.iter().map(|p| p.name));
        if let Some(p) = &self.vararg {
            v.insert(self.posonly.len() + self.args.len(), p.name);
        }
        if let Some(p) = &self.kwarg {
            v.push(p.name);
        }
        v
    }
}

/// A function definition or lambda.
#[derive(Debug, Clone)]
pub struct FuncDef {
    /// The name (`<lambda>` for lambdas).
    pub name: Symbol,
    /// The variable the `def` binds: `name`, mangled inside a class body
    /// (`__f` in class `C` binds `_C__f`).
    pub bind: Symbol,
    /// Parameters.
    pub params: Params,
    /// The body (a lambda's is one `return`).
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// Whether this is a lambda.
    pub is_lambda: bool,
    /// Scope id (see `scope.rs`).
    pub scope: u32,
    /// Span of the `def` line (or the lambda expression).
    pub span: Span,
}

/// A class definition.
#[derive(Debug, Clone)]
pub struct ClassDef {
    /// The name.
    pub name: Symbol,
    /// The variable the statement binds (mangled like `FuncDef::bind`).
    pub bind: Symbol,

    /// Base classes and keywords.
    pub bases: Vec<Arg>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators.
    pub decorators: Vec<Expr>,
    /// Scope id.
    pub scope: u32,
}

/// One `except` clause.
#[derive(Debug, Clone)]
pub struct Handler {
    /// The type expression (`None` for a bare `except:`).
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<Symbol>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Span of the `except ...:` line.
    pub span: Span,
}

/// A statement.
#[derive(Debug, Clone)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it is (for compound statements, the header line).
    pub span: Span,
}

/// Statement kinds.
#[derive(Debug, Clone)]
pub enum StmtKind {
    /// An expression statement.
    Expr(Expr),
    /// `a = b = value`.
    Assign(Vec<Expr>, Expr),
    /// `a += value`.
    AugAssign(Expr, BinOp, Expr),
    /// `a: T = value`.
    AnnAssign(Expr, Expr, Option<Expr>),
    /// `if`/`elif`/`else`.
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `while cond: ... else: ...`.
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `for target in iter: ... else: ...`.
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `def`.
    Def(Box<FuncDef>),
    /// `class`.
    Class(Box<ClassDef>),
    /// `try`.
    Try {
        /// The body.
        body: Vec<Stmt>,
        /// `except` clauses.
        handlers: Vec<Handler>,
        /// `else` body.
        orelse: Vec<Stmt>,
        /// `finally` body.
        finalbody: Vec<Stmt>,
    },
    /// `raise [exc [from cause]]`.
    Raise(Option<Expr>, Option<Expr>),
    /// `assert test, msg`.
    Assert(Expr, Option<Expr>),
    /// `del targets`.
    Del(Vec<Expr>),
    /// `global names`.
    Global(Vec<Symbol>),
    /// `nonlocal names`.
    Nonlocal(Vec<Symbol>),
    /// `import a.b as c, d`.
    Import(Vec<(Vec<Symbol>, Option<Symbol>)>),
    /// `from a import b as c`.
    ImportFrom(Vec<Symbol>, Vec<(Symbol, Option<Symbol>)>),
    /// `with a as b, c: body`.
    With(Vec<(Expr, Option<Expr>)>, Vec<Stmt>),
}

/// A parsed file.
#[derive(Debug, Clone)]
pub struct Module {
    /// Top-level statements.
    pub body: Vec<Stmt>,
    /// Number of scope ids handed out (functions, lambdas, classes,
    /// comprehensions), for the scope pass.
    pub scope_count: u32,
}
