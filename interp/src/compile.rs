//! Syntax tree → bytecode, and the pipeline entry point [`compile`].
//!
//! One `Unit` per code object being built. The compiler tracks the operand
//! stack depth as it emits (so every code object knows its maximum), keeps a
//! stack of active exception handlers from which it builds the exception
//! table, and a stack of "frame blocks" (loops, `try`, `with`, handlers) so
//! that `return`, `break` and `continue` run the `finally` bodies and cleanups
//! they leave, exactly as CPython's `compiler_unwind_fblock` does.

use std::sync::Arc;

use crate::ast::*;
use crate::bytecode::*;
use crate::intern::{sym, Interner, Names, Symbol};
use crate::lexer::{ErrorKind, LineIndex, SyntaxError};
use crate::parser::{expr_name, parse};
use crate::scope::{analyze, Binding, ScopeInfo, ScopeKind};

/// A compiled program: module code plus what tracebacks need.
#[derive(Debug)]
pub struct Program {
    /// The module's code.
    pub main: Arc<Code>,
    /// Interned names used by the code.
    pub names: Arc<Names>,
    /// The source, for traceback lines.
    pub source: Arc<Source>,
    /// Compile-time warnings, formatted as CPython prints them to stderr
    /// (`file:line: SyntaxWarning: ...` and the source line).
    pub warnings: Vec<String>,
}

/// Source text with a line index.
#[derive(Debug)]
pub struct Source {
    /// The file name shown in tracebacks.
    pub filename: String,
    /// The text.
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Wraps `text`.
    pub fn new(filename: &str, text: &str) -> Source {
        let idx = LineIndex::new(text);
        let line_starts = (1..=idx.line_count()).map(|l| idx.line_start(l)).collect();
        Source {
            filename: filename.to_string(),
            text: text.to_string(),
            line_starts,
        }
    }

    /// The text of line `n` (1-based) without its line ending.
    pub fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self.line_starts.get(n).copied().unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }
}

/// A compile error ready to display: CPython's `SyntaxError` layout.
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: ErrorKind,
    /// The message.
    pub msg: String,
    /// The file name.
    pub filename: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the first caret (in characters).
    pub col: usize,
    /// 1-based column one past the last caret.
    pub end_col: usize,
    /// The source line.
    pub text: Option<String>,
    /// Whether CPython prints a caret line for this error.
    pub caret: bool,
}

impl std::fmt::Display for CompileError {
    /// CPython's format:
    ///
    /// ```text
    ///   File "x.py", line 3
    ///     x = (1,
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(msg) = self.msg.strip_prefix('\u{1}') {
            // Errors CPython reports as a bare exception line.
            return writeln!(f, "{msg}");
        }
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        if let Some(text) = &self.text {
            let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
            let indent = text.chars().count() - stripped.chars().count();
            let shown = stripped.trim_end();
            writeln!(f, "    {shown}")?;
            if self.caret
                && (self.kind != ErrorKind::Indentation || self.msg != "unexpected indent")
            {
                if self.col > indent {
                    let start = self.col - 1 - indent;
                    let width = self.end_col.saturating_sub(self.col).max(1);
                    let width = width.min(shown.chars().count().saturating_sub(start).max(1));
                    writeln!(f, "    {}{}", " ".repeat(start), "^".repeat(width))?;
                }
            }
        }
        writeln!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for CompileError {}

/// Compiles `text` (shown as `filename` in tracebacks).
pub fn compile(text: &str, filename: &str) -> Result<Program, CompileError> {
    let lines = LineIndex::new(text);
    let mut interner = Interner::new();
    let to_err = |e: SyntaxError| located(e, text, filename, &lines);
    let module = parse(text, &mut interner, &lines).map_err(to_err)?;
    let scopes = analyze(&module, &mut interner).map_err(to_err)?;
    let module_scope = scopes.len() - 1;
    let mut c = Compiler {
        scopes,
        interner: &mut interner,
        lines: &lines,
        units: Vec::new(),
        warnings: Vec::new(),
    };
    let main = c.module(&module, module_scope).map_err(to_err)?;
    let source = Source::new(filename, text);
    let mut warnings: Vec<String> = Vec::new();
    for (span, msg) in std::mem::take(&mut c.warnings) {
        let line = lines.line(span.start as usize);
        let text = source.line(line).unwrap_or("").trim();
        let w = format!("{filename}:{line}: SyntaxWarning: {msg}\n  {text}\n");
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    Ok(Program {
        main: Arc::new(main),
        names: Arc::new(interner.into_names()),
        source: Arc::new(source),
        warnings,
    })
}

fn located(e: SyntaxError, text: &str, filename: &str, lines: &LineIndex) -> CompileError {
    let at = e.at.min(text.len());
    let line = lines.line(at);
    let start = lines.line_start(line);
    let line_text = Source::new(filename, text).line(line).map(str::to_string);
    let col = text[start..at].chars().count() + 1;
    let end = e.end.clamp(at, text.len().max(at));
    let end_in_line = if lines.line(end.saturating_sub(1).max(at)) == line {
        end
    } else {
        at + 1
    };
    let end_col = text
        .get(start..end_in_line.min(text.len()))
        .map(|s| s.chars().count() + 1)
        .unwrap_or(col + 1)
        .max(col + 1);
    CompileError {
        kind: e.kind,
        msg: e.msg,
        filename: filename.to_string(),
        line,
        col,
        end_col,
        text: line_text,
        caret: !e.no_caret,
    }
}

type CResult<T> = Result<T, SyntaxError>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(usize);

#[derive(Default, Clone, Copy)]
struct LabelInfo {
    pc: Option<u32>,
    depth: Option<i32>,
}

/// Code that leaving a block early must run (CPython's fblocks), with the
/// handler-stack height outside the block: cleanup code emitted while
/// leaving must not be protected by the block's own handlers.
#[derive(Clone, Copy)]
struct FBlock<'a> {
    kind: FKind<'a>,
    handlers_len: usize,
}

#[derive(Clone, Copy)]
enum FKind<'a> {
    Loop {
        cont: Label,
        brk: Label,
        for_loop: bool,
    },
    TryExcept,
    Finally {
        body: &'a [Stmt],
    },
    FinallyEnd,
    Handler {
        name: Option<Symbol>,
    },
    /// A `with` block; its exit on `return`/`break` has the statement's line.
    With {
        span: Span,
    },
}

struct Unit<'a> {
    scope: usize,
    kind: ScopeKind,
    name: Symbol,
    qualname: String,
    ops: Vec<Op>,
    positions: Vec<Position>,
    consts: Vec<Const>,
    names: Vec<Symbol>,
    globals: Vec<Symbol>,
    depth: i32,
    max_depth: i32,
    labels: Vec<LabelInfo>,
    handlers: Vec<(Label, u32)>,
    op_handler: Vec<Option<(Label, u32)>>,
    fblocks: Vec<FBlock<'a>>,
    /// Forward jumps to patch in `finish`: (instruction, label).
    patches: Vec<(usize, Label)>,
    pos: Position,
    reachable: bool,
    first_line: u32,
}

struct Compiler<'a> {
    scopes: Vec<ScopeInfo>,
    interner: &'a mut Interner,
    lines: &'a LineIndex,
    units: Vec<Unit<'a>>,
    warnings: Vec<(Span, String)>,
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError {
        msg: msg.into(),
        at: span.start as usize,
        end: span.end.max(span.start + 1) as usize,
        kind: ErrorKind::Syntax,
        no_caret: false,
    }
}

/// Stack effect of `op` on the fall-through path.
fn stack_effect(op: Op) -> i32 {
    use Op::*;
    match op {
        LoadLocal2(..)
        | LoadLocalConst(..)
        | StoreLoadLocal(..)
        | LoadGlobal2(..)
        | LoadGlobalConst(..)
        | StoreLoadGlobal(..)
        | ArithConst(..)
        | ArithLocal(..)
        | ArithLocals(..)
        | ArithLocalConst(..)
        | ArithStoreLocal(..)
        | ArithStoreGlobal(..)
        | StoreSubscrLocals(..)
        | JumpIfNotLocals(..)
        | JumpIfNotLocalConst(..)
        | ForIterLocal(..)
        | ForIterGlobal(..)
        | NextLocal(_)
        | NextGlobal(_)
        | LoopIfLt(_)
        | LoopIfLe(_)
        | LoopIfGt(_)
        | LoopIfGe(_)
        | LoopIfEq(_)
        | LoopIfNe(_)
        | LoopIfTrue(_)
        | LoopIfLocals(..)
        | LoopIfLocalConst(..)
        | LoopIfGlobalConst(..) => {
            unreachable!("the compiler emits no superinstructions")
        }
        Nop | Rot3 | Rot4 | Swap => 0,
        Pop => -1,
        Dup => 1,
        Dup2 => 2,
        LoadConst(_) | LoadNone | LoadInt(_) | LoadLocal(_) | LoadDeref(_) | LoadClosure(_)
        | LoadGlobal(_) | LoadName(_) | LoadAssertionError => 1,
        StoreLocal(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
        DeleteLocal(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) | MakeCell(_) => 0,
        LoadAttr(_) => 0,
        StoreAttr(_) => -2,
        DeleteAttr(_) => -1,
        LoadMethod(_) => 1,
        Subscr => -1,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        BuildSlice(n) => 1 - n as i32,
        SubscrSlice => -3,
        Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift | RShift | BitAnd | BitOr
        | BitXor | MatMul | InplaceAdd | Inplace(_) => -1,
        Neg | Pos | Not | Invert => 0,
        Lt | Le | Eq | Ne | Gt | Ge | Is | IsNot | In | NotIn => -1,
        Jump(_) | JumpBack(_) => 0,
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpBackIfTrue(_) => -1,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => -1,
        JumpIfNotLt(_) | JumpIfNotLe(_) | JumpIfNotGt(_) | JumpIfNotGe(_) | JumpIfNotEq(_)
        | JumpIfNotNe(_) => -2,
        GetIter => 0,
        ForIter(_) => 1,
        Call(n) => -(n as i32),
        CallKw(n, _) => -(n as i32),
        CallMethod(n) => -(n as i32) - 1,
        CallMethodKw(n, _) => -(n as i32) - 1,
        CallEx(k) => -1 - k as i32,
        MakeFunction(flags) => {
            -((flags & 1 != 0) as i32 + (flags & 2 != 0) as i32 + (flags & 4 != 0) as i32)
        }
        Return => -1,
        BuildList(n) | BuildTuple(n) | BuildString(n) => 1 - n as i32,
        BuildDict(n) => 1 - 2 * n as i32,
        FormatValue(f) => {
            if f & 4 != 0 {
                -1
            } else {
                0
            }
        }
        ListAppend(_) | ListExtend(_) | DictUpdate(_) | DictMerge(_) => -1,

        MapAdd(_) => -2,
        ListToTuple => 0,
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(a, b) => a as i32 + b as i32,
        PushExcInfo => 1,
        PopExcept => -1,
        CheckExcMatch => 0,
        Reraise => -1,
        RaiseCurrent => 0,
        Raise => -1,
        RaiseFrom => -2,
        ImportName(_) => 1,
        ImportFrom(_) => 1,
        ImportStar => -1,
        BeforeWith => 1,
        WithExceptStart => 1,
        Yield => 0,
        GetYieldFromIter => 0,
        YieldFromStep(_) => 0,
        BuildClass(n) => -(n as i32) - 1,
    }
}

/// Stack effect of a jump op on the taken path.
fn jump_effect(op: Op) -> i32 {
    use Op::*;
    match op {
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => 0,
        ForIter(_) => -1,
        YieldFromStep(_) => -1,
        other => stack_effect(other),
    }
}

/// CPython's `propagate_line_numbers`: an instruction without a line (line
/// 0, see `unset_pos`) takes the location of the instruction before it in
/// its basic block or, first in its block, of its only predecessor.
fn propagate_lines(ops: &[Op], pos: &mut [Position], handlers: &[usize]) {
    let n = ops.len();
    let mut starts = vec![false; n];
    let mut preds = vec![0u32; n];
    let mut pred = vec![usize::MAX; n];
    if n > 0 {
        starts[0] = true;
    }
    for (i, op) in ops.iter().enumerate() {
        if let Some(t) = crate::bytecode::jump_target(op) {
            let t = t as usize;
            if t < n {
                starts[t] = true;
                preds[t] += 1;
                pred[t] = i;
            }
            if i + 1 < n {
                starts[i + 1] = true;
            }
        }
        if i + 1 < n {
            if is_terminator(*op) {
                starts[i + 1] = true;
            } else {
                preds[i + 1] += 1;
                pred[i + 1] = i;
            }
        }
    }
    for &h in handlers {
        if h < n {
            starts[h] = true;
            // Reached from every protected instruction: never inherit.
            preds[h] += 2;
        }
    }
    // A backward jump's source comes later in the code: a second pass sees
    // what the first one resolved.
    for _ in 0..2 {
        for i in 0..n {
            if pos[i].line != 0 {
                continue;
            }
            let from = if !starts[i] {
                i.checked_sub(1)
            } else if preds[i] == 1 {
                Some(pred[i])
            } else {
                None
            };
            if let Some(p) = from {
                if pos[p].line != 0 {
                    pos[i] = pos[p];
                }
            }
        }
    }
}

fn is_terminator(op: Op) -> bool {
    matches!(
        op,
        Op::Jump(_)
            | Op::JumpBack(_)
            | Op::Return
            | Op::Raise
            | Op::RaiseFrom
            | Op::Reraise
            | Op::RaiseCurrent
    )
}

const MAX_OPS: usize = u16::MAX as usize;

impl<'a> Compiler<'a> {
    // ------------------------------------------------------------ units

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn scope(&self) -> &ScopeInfo {
        &self.scopes[self.units.last().unwrap().scope]
    }

    fn push_unit(&mut self, scope: usize, name: Symbol, qualname: String, first_line: u32) {
        let kind = self.scopes[scope].kind;
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            ops: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            globals: Vec::new(),
            depth: 0,
            max_depth: 0,
            labels: Vec::new(),
            handlers: Vec::new(),
            op_handler: Vec::new(),
            fblocks: Vec::new(),
            patches: Vec::new(),
            pos: Position {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            reachable: true,
            first_line,
        });
    }

    fn position(&self, span: Span) -> Position {
        let start = span.start as usize;
        let end = (span.end as usize).max(start);
        let line = self.lines.line(start);
        let end_line = self.lines.line(end.saturating_sub(1).max(start));
        Position {
            line: line as u32,
            end_line: end_line as u32,
            col: (start - self.lines.line_start(line)) as u32,
            end_col: (end - self.lines.line_start(end_line)) as u32,
        }
    }

    fn set_pos(&mut self, span: Span) {
        let p = self.position(span);
        self.unit().pos = p;
    }

    /// What follows is artificial (CPython's `UNSET_LOC`): it gets its line
    /// from the code that leads to it (`propagate_lines`), so that line
    /// events and tracebacks see the lines CPython 3.11 gives it.
    fn unset_pos(&mut self) {
        self.unit().pos = Position::default();
    }

    fn emit(&mut self, op: Op) -> CResult<usize> {
        let u = self.unit();
        if u.ops.len() >= MAX_OPS {
            let line = u.pos.line;
            return Err(SyntaxError {
                msg: format!("code block too large for this VM (more than {MAX_OPS} instructions, near line {line})"),
                at: 0,
                end: 1,
                kind: ErrorKind::Syntax,
                no_caret: false,
            });
        }
        u.ops.push(op);
        u.positions.push(u.pos);
        let h = u.handlers.last().copied();
        u.op_handler.push(h);
        u.depth += stack_effect(op);
        debug_assert!(
            u.depth >= 0,
            "negative stack depth after {op:?} in {}",
            u.qualname
        );
        u.max_depth = u.max_depth.max(u.depth);
        if is_terminator(op) {
            u.reachable = false;
        }
        Ok(u.ops.len() - 1)
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(LabelInfo::default());
        Label(u.labels.len() - 1)
    }

    fn bind(&mut self, l: Label) {
        let u = self.unit();
        let pc = u.ops.len() as u32;
        let info = &mut u.labels[l.0];
        info.pc = Some(pc);
        match info.depth {
            Some(d) if !u.reachable => u.depth = d,
            Some(d) => {
                debug_assert_eq!(
                    d, u.depth,
                    "stack depth mismatch at label in {}",
                    u.qualname
                );
                u.depth = d.max(u.depth);
            }
            None => info.depth = Some(u.depth),
        }
        u.reachable = true;
    }

    /// Emits a jump to `l`; `make` builds the op from the target.
    fn jump(&mut self, make: fn(u16) -> Op, l: Label) -> CResult<()> {
        let u = self.unit();
        let target_depth = u.depth + jump_effect(make(0));
        let info = &mut u.labels[l.0];
        if info.depth.is_none() {
            info.depth = Some(target_depth);
        }
        let target = info.pc;
        let idx = self.emit(make(target.unwrap_or(0) as u16))?;
        if target.is_none() {
            self.unit().patches.push((idx, l));
        }
        Ok(())
    }

    fn push_handler(&mut self, l: Label, depth: i32) {
        let u = self.unit();
        u.handlers.push((l, depth as u32));
        let info = &mut u.labels[l.0];
        info.depth = Some(depth + 1);
    }

    fn pop_handler(&mut self) {
        self.unit().handlers.pop();
    }

    fn add_const(&mut self, c: Const) -> u16 {
        let u = self.unit();
        let same = |a: &Const, b: &Const| match (a, b) {
            (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
            (Const::Bool(x), Const::Bool(y)) => x == y,
            (Const::Int(x), Const::Int(y)) => x == y,
            (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
            (Const::Str(x), Const::Str(y)) => x == y,
            _ => false,
        };
        if let Some(i) = u.consts.iter().position(|x| same(x, &c)) {
            return i as u16;
        }
        u.consts.push(c);
        (u.consts.len() - 1) as u16
    }

    fn load_const(&mut self, c: Const) -> CResult<()> {
        let i = self.add_const(c);
        if i as usize >= u16::MAX as usize {
            return Err(err("too many constants in one code block", Span::default()));
        }
        self.emit(Op::LoadConst(i))?;
        Ok(())
    }

    fn name_index(&mut self, s: Symbol) -> u16 {
        let u = self.unit();
        match u.names.iter().position(|&n| n == s) {
            Some(i) => i as u16,
            None => {
                u.names.push(s);
                (u.names.len() - 1) as u16
            }
        }
    }

    fn global_index(&mut self, s: Symbol) -> u16 {
        let u = self.unit();
        match u.globals.iter().position(|&n| n == s) {
            Some(i) => i as u16,
            None => {
                u.globals.push(s);
                (u.globals.len() - 1) as u16
            }
        }
    }

    fn finish(
        &mut self,
        flags: CodeFlags,
        argcount: u16,
        posonly: u16,
        kwonly: u16,
    ) -> CResult<Code> {
        let mut u = self.units.pop().unwrap();
        for &(i, l) in &u.patches {
            let pc = u.labels[l.0].pc.expect("every label is bound") as u16;
            u.ops[i] = retarget(u.ops[i], pc);
        }
        let handlers: Vec<usize> = u
            .op_handler
            .iter()
            .flatten()
            .map(|(l, _)| u.labels[l.0].pc.expect("handler bound") as usize)
            .collect();
        propagate_lines(&u.ops, &mut u.positions, &handlers);
        // Exception table: runs of instructions sharing a handler.
        let mut table = Vec::new();
        let mut i = 0;
        while i < u.op_handler.len() {
            if let Some((l, depth)) = u.op_handler[i] {
                let start = i;
                while i < u.op_handler.len() && u.op_handler[i] == Some((l, depth)) {
                    i += 1;
                }
                table.push(ExcEntry {
                    start: start as u32,
                    end: i as u32,
                    handler: u.labels[l.0].pc.expect("handler bound"),
                    depth,
                });
            } else {
                i += 1;
            }
        }
        let scope = &self.scopes[u.scope];
        Ok(Code {
            name: u.name,
            qualname: u.qualname,
            fused: crate::bytecode::fuse(&u.ops),
            trace_stops: crate::bytecode::trace_stops(&u.ops, &u.positions, &table),
            ops: u.ops,
            positions: u.positions,
            consts: u.consts,
            names: u.names,
            globals: u.globals,
            slot_names: scope.slots.clone(),
            nlocals: scope.nlocals as u16,
            ncells: scope.ncells as u16,
            nfrees: scope.nfrees as u16,
            argcount,
            posonly,
            kwonly,
            flags,
            stack_size: (u.max_depth + 2) as u32,
            exc_table: table,
            first_line: u.first_line,
        })
    }

    fn text(&self, s: Symbol) -> String {
        self.interner.resolve(s).to_string()
    }

    // ------------------------------------------------------------ scopes

    fn module(&mut self, m: &'a Module, scope: usize) -> CResult<Code> {
        self.push_unit(scope, sym::MODULE_NAME, "<module>".into(), 1);
        self.stmts(&m.body)?;
        if self.unit().reachable {
            if let Some(last) = m.body.last() {
                let p = self.position(last.span);
                self.unit().pos = Position {
                    line: p.end_line,
                    end_line: p.end_line,
                    col: 0,
                    end_col: 0,
                };
            }
            self.emit(Op::LoadNone)?;
            self.emit(Op::Return)?;
        }
        self.finish(
            CodeFlags {
                module: true,
                ..CodeFlags::default()
            },
            0,
            0,
            0,
        )
    }

    fn child_qualname(&self, name: &str) -> String {
        let u = self.units.last().unwrap();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Compiles a function body into a code object and emits the
    /// instructions that create the function.
    fn function(&mut self, f: &'a FuncDef) -> CResult<()> {
        // Defaults are evaluated in the enclosing scope.
        let p = &f.params;
        let positional: Vec<&Param> = p.posonly.iter().chain(&p.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        let mut flags = 0u8;
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.set_pos(f.span);
            self.emit(Op::BuildTuple(defaults.len() as u16))?;
            flags |= 1;
        }
        let kwdefaults: Vec<&Param> = p.kwonly.iter().filter(|p| p.default.is_some()).collect();
        if !kwdefaults.is_empty() {
            for k in &kwdefaults {
                let name = self.text(k.name);
                self.load_const(Const::Str(name.into()))?;
                self.expr(k.default.as_ref().unwrap())?;
            }
            self.set_pos(f.span);
            self.emit(Op::BuildDict(kwdefaults.len() as u16))?;
            flags |= 2;
        }
        let name_text = self.text(f.name);
        let qualname = self.child_qualname(&name_text);
        let first_line = self.lines.line(f.span.start as usize) as u32;
        let scope = f.scope as usize;
        self.push_unit(scope, f.name, qualname, first_line);
        self.unit().pos = self.position(f.span);
        self.prologue()?;
        self.stmts(&f.body)?;
        if self.unit().reachable {
            // CPython's implicit return is artificial: it has the line of
            // the code that falls into it.
            self.unset_pos();
            self.emit(Op::LoadNone)?;
            self.emit(Op::Return)?;
        }
        let info = &self.scopes[scope];
        let code_flags = CodeFlags {
            varargs: p.vararg.is_some(),
            varkw: p.kwarg.is_some(),
            generator: info.generator,
            lambda: f.is_lambda,
            ..CodeFlags::default()
        };
        let code = self.finish(
            code_flags,
            positional.len() as u16,
            p.posonly.len() as u16,
            p.kwonly.len() as u16,
        )?;
        self.make_function(code, flags, f.span)
    }

    /// Wraps parameters that are closure cells (first thing a function does).
    fn prologue(&mut self) -> CResult<()> {
        let info = self.scope().clone();
        for p in &info.param_cells {
            let slot = info.slot(*p).unwrap();
            self.emit(Op::MakeCell(slot as u16))?;
        }
        for i in 0..info.ncells {
            let slot = info.nlocals + i;
            self.emit(Op::MakeCell(slot as u16))?;
        }
        Ok(())
    }

    /// Emits closure + code + MakeFunction for a finished code object.
    fn make_function(&mut self, code: Code, mut flags: u8, span: Span) -> CResult<()> {
        let frees: Vec<Symbol> = code.slot_names[code.nslots() - code.nfrees as usize..].to_vec();
        self.set_pos(span);
        if !frees.is_empty() {
            for name in &frees {
                let slot = self.deref_slot(*name, span)?;
                self.emit(Op::LoadClosure(slot))?;
            }
            self.emit(Op::BuildTuple(frees.len() as u16))?;
            flags |= 4;
        }
        self.load_const(Const::Code(Arc::new(code)))?;
        self.emit(Op::MakeFunction(flags))?;
        Ok(())
    }

    /// Slot holding the cell for `name` in the current unit.
    fn deref_slot(&self, name: Symbol, span: Span) -> CResult<u16> {
        self.scope().slot(name).map(|s| s as u16).ok_or_else(|| {
            err(
                format!(
                    "internal error: no cell for '{}'",
                    self.interner.resolve(name)
                ),
                span,
            )
        })
    }

    // ------------------------------------------------------------ names

    fn binding(&self, name: Symbol) -> Binding {
        let info = self.scope();
        match info.bindings.get(&name) {
            Some(b) => *b,
            None => match info.kind {
                ScopeKind::Class => Binding::ClassName,
                _ => Binding::Global,
            },
        }
    }

    fn load_name(&mut self, name: Symbol, span: Span) -> CResult<()> {
        self.set_pos(span);
        match self.binding(name) {
            Binding::Local => {
                let s = self.scope().slot(name).unwrap() as u16;
                self.emit(Op::LoadLocal(s))?;
            }
            Binding::Cell | Binding::Free => {
                let s = self.deref_slot(name, span)?;
                self.emit(Op::LoadDeref(s))?;
            }
            Binding::Global => {
                let g = self.global_index(name);
                self.emit(Op::LoadGlobal(g))?;
            }
            Binding::ClassName => {
                let n = self.name_index(name);
                self.emit(Op::LoadName(n))?;
            }
        }
        Ok(())
    }

    fn store_name(&mut self, name: Symbol, span: Span) -> CResult<()> {
        self.set_pos(span);
        self.store_name_here(name, span)
    }

    /// `store_name` at the current location.
    fn store_name_here(&mut self, name: Symbol, span: Span) -> CResult<()> {
        match self.binding(name) {
            Binding::Local => {
                let s = self.scope().slot(name).unwrap() as u16;
                self.emit(Op::StoreLocal(s))?;
            }
            Binding::Cell | Binding::Free => {
                let s = self.deref_slot(name, span)?;
                self.emit(Op::StoreDeref(s))?;
            }
            Binding::Global => {
                let g = self.global_index(name);
                self.emit(Op::StoreGlobal(g))?;
            }
            Binding::ClassName => {
                let n = self.name_index(name);
                self.emit(Op::StoreName(n))?;
            }
        }
        Ok(())
    }

    fn delete_name(&mut self, name: Symbol, span: Span) -> CResult<()> {
        self.set_pos(span);
        self.delete_name_here(name, span)
    }

    /// `delete_name` at the current location.
    fn delete_name_here(&mut self, name: Symbol, span: Span) -> CResult<()> {
        match self.binding(name) {
            Binding::Local => {
                let s = self.scope().slot(name).unwrap() as u16;
                self.emit(Op::DeleteLocal(s))?;
            }
            Binding::Cell | Binding::Free => {
                let s = self.deref_slot(name, span)?;
                self.emit(Op::DeleteDeref(s))?;
            }
            Binding::Global => {
                let g = self.global_index(name);
                self.emit(Op::DeleteGlobal(g))?;
            }
            Binding::ClassName => {
                let n = self.name_index(name);
                self.emit(Op::DeleteName(n))?;
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ statements

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn in_function(&self) -> bool {
        matches!(
            self.units.last().unwrap().kind,
            ScopeKind::Function | ScopeKind::Comprehension
        )
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        let depth_before = self.unit().depth;
        self.stmt_inner(s)?;
        let u = self.unit();
        if !u.reachable {
            // Dead code after `return`/`break`/`raise` in the same block
            // compiles at the block's depth.
            u.depth = depth_before;
        }
        Ok(())
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_pos(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.set_pos(s.span);
                self.emit(Op::Pop)?;
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup)?;
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign(target, op, value) => {
                self.aug_assign(target, *op, value, s.span)?
            }
            StmtKind::AnnAssign(target, _, value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
            }
            StmtKind::If(test, body, orelse) => {
                let else_l = self.new_label();
                self.jump_if(test, false, else_l)?;
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.bind(else_l);
                } else {
                    let end = self.new_label();
                    if self.unit().reachable {
                        self.unset_pos();
                        self.jump(Op::Jump, end)?;
                    }
                    self.bind(else_l);
                    self.stmts(orelse)?;
                    self.bind(end);
                }
            }
            StmtKind::While(test, body, orelse) => self.while_stmt(test, body, orelse, s.span)?,
            StmtKind::For(target, iter, body, orelse) => {
                self.for_stmt(target, iter, body, orelse, s.span)?
            }
            StmtKind::Break => self.break_continue(true, s.span)?,
            StmtKind::Continue => self.break_continue(false, s.span)?,
            StmtKind::Pass => {
                self.emit(Op::Nop)?;
            }
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return Err(err("'return' outside function", s.span));
                }
                self.expr_or_none(v.as_ref())?;
                self.set_pos(s.span);
                self.unwind_and_return()?;
            }
            StmtKind::Def(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.function(f)?;
                for d in f.decorators.iter().rev() {
                    self.set_pos(d.span);
                    self.emit(Op::Call(1))?;
                }
                self.store_name(f.bind, f.span)?;
            }
            StmtKind::Class(c) => self.class_def(c, s.span)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                // CPython 3.11 keeps a `NOP` for the `try:` line, so the
                // line is reported (traced) when the statement starts.
                self.set_pos(s.span);
                self.emit(Op::Nop)?;
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Raise(exc, cause) => match (exc, cause) {
                (None, _) => {
                    self.emit(Op::RaiseCurrent)?;
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.set_pos(s.span);
                    self.emit(Op::Raise)?;
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.set_pos(s.span);
                    self.emit(Op::RaiseFrom)?;
                }
            },
            StmtKind::Assert(test, msg) => {
                // The raise is attributed to the test expression, so the
                // traceback underlines it.
                let ok = self.new_label();
                self.jump_if(test, true, ok)?;
                self.set_pos(test.span);
                self.emit(Op::LoadAssertionError)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_pos(test.span);
                    self.emit(Op::Call(1))?;
                }
                self.set_pos(test.span);
                self.emit(Op::Raise)?;
                self.bind(ok);
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(names) => {
                for (path, alias) in names {
                    let full: Vec<String> = path.iter().map(|p| self.text(*p)).collect();
                    let full = full.join(".");
                    let sym_full = self.interner.intern(&full);
                    let n = self.name_index(sym_full);
                    self.emit(Op::ImportName(n))?;
                    match alias {
                        Some(a) => {
                            if path.len() > 1 {
                                // `import a.b as c` binds the submodule itself.
                            }
                            self.store_name(*a, s.span)?;
                        }
                        None => {
                            if path.len() > 1 {
                                // `import a.b` binds `a`.
                                self.emit(Op::Pop)?;
                                let n = self.name_index(path[0]);
                                self.emit(Op::ImportName(n))?;
                            }
                            self.store_name(path[0], s.span)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom(module, names) => {
                let full: Vec<String> = module.iter().map(|p| self.text(*p)).collect();
                let sym_full = self.interner.intern(&full.join("."));
                let n = self.name_index(sym_full);
                self.emit(Op::ImportName(n))?;
                for (name, alias) in names {
                    if self.interner.resolve(*name) == "*" {
                        if self.in_function() {
                            return Err(err("import * only allowed at module level", s.span));
                        }
                        self.emit(Op::ImportStar)?;
                        return Ok(());
                    }
                    let n = self.name_index(*name);
                    self.emit(Op::ImportFrom(n))?;
                    self.store_name(alias.unwrap_or(*name), s.span)?;
                }
                self.emit(Op::Pop)?;
            }
            StmtKind::With(items, body) => self.with_stmt(items, body, s.span)?,
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
        span: Span,
    ) -> CResult<()> {
        let inplace = if op == BinOp::Add {
            Op::InplaceAdd
        } else {
            Op::Inplace(binary_kind(op) as u8)
        };
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(*n, target.span)?;
                self.expr(value)?;
                self.set_pos(span);
                self.emit(inplace)?;
                self.store_name(*n, target.span)?;
            }
            ExprKind::Attribute(obj, name, _) => {
                self.expr(obj)?;
                self.emit(Op::Dup)?;
                let n = self.name_index(*name);
                self.set_pos(target.span);
                self.emit(Op::LoadAttr(n))?;
                self.expr(value)?;
                self.set_pos(span);
                self.emit(inplace)?;
                self.emit(Op::Swap)?;
                self.set_pos(target.span);
                self.emit(Op::StoreAttr(n))?;
            }
            ExprKind::Subscript(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                self.emit(Op::Dup2)?;
                self.set_pos(target.span);
                self.emit(Op::Subscr)?;
                self.expr(value)?;
                self.set_pos(span);
                self.emit(inplace)?;
                self.emit(Op::Rot3)?;
                self.set_pos(target.span);
                self.emit(Op::StoreSubscr)?;
            }
            _ => {
                return Err(err(
                    "illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    fn store_target(&mut self, t: &'a Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(*n, t.span),
            ExprKind::Attribute(obj, name, _) => {
                self.expr(obj)?;
                let n = self.name_index(*name);
                self.set_pos(t.span);
                self.emit(Op::StoreAttr(n))?;
                Ok(())
            }
            ExprKind::Subscript(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                self.set_pos(t.span);
                self.emit(Op::StoreSubscr)?;
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                self.set_pos(t.span);
                let stars: Vec<usize> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)))
                    .map(|(i, _)| i)
                    .collect();
                match stars.as_slice() {
                    [] => {
                        self.emit(Op::UnpackSequence(items.len() as u16))?;
                    }
                    [i] => {
                        let before = *i;
                        let after = items.len() - i - 1;
                        if before > 255 || after > 255 {
                            return Err(err(
                                "too many expressions in star-unpacking assignment",
                                t.span,
                            ));
                        }
                        self.emit(Op::UnpackEx(before as u8, after as u8))?;
                    }
                    _ => return Err(err("multiple starred expressions in assignment", t.span)),
                }
                for item in items {
                    let inner = match &item.kind {
                        ExprKind::Starred(inner) => inner,
                        _ => item,
                    };
                    self.store_target(inner)?;
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(err(
                "starred assignment target must be in a list or tuple",
                t.span,
            )),
            _ => Err(err(format!("cannot assign to {}", expr_name(t)), t.span)),
        }
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(*n, t.span),
            ExprKind::Attribute(obj, name, _) => {
                self.expr(obj)?;
                let n = self.name_index(*name);
                self.set_pos(t.span);
                self.emit(Op::DeleteAttr(n))?;
                Ok(())
            }
            ExprKind::Subscript(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                self.set_pos(t.span);
                self.emit(Op::DeleteSubscr)?;
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
                Ok(())
            }
            _ => Err(err(format!("cannot delete {}", expr_name(t)), t.span)),
        }
    }

    fn while_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> CResult<()> {
        let body_l = self.new_label();
        let cont = self.new_label();
        let else_l = self.new_label();
        let brk = self.new_label();
        let always = is_true_const(test);
        // Bottom-tested loop (CPython 3.11): the test runs once before the
        // loop and then at the end of each iteration, one jump per pass.
        if always {
            // `while True:` tests nothing, but its line is reported each
            // time the loop is entered, as in CPython.
            self.set_pos(test.span);
            self.emit(Op::Nop)?;
        } else {
            self.jump_if(test, false, else_l)?;
        }
        self.bind(body_l);
        self.push_fblock(FKind::Loop {
            cont,
            brk,
            for_loop: false,
        });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.bind(cont);
        if always {
            self.set_pos(test.span);
            self.jump(Op::JumpBack, body_l)?;
        } else {
            self.jump_if_back(test, body_l)?;
        }
        self.bind(else_l);
        let _ = span;
        self.stmts(orelse)?;
        self.bind(brk);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> CResult<()> {
        let top = self.new_label();
        let exit = self.new_label();
        let brk = self.new_label();
        self.expr(iter)?;
        self.set_pos(span);
        self.emit(Op::GetIter)?;
        self.bind(top);
        self.set_pos(span);
        self.jump(Op::ForIter, exit)?;
        self.store_target(target)?;
        self.push_fblock(FKind::Loop {
            cont: top,
            brk,
            for_loop: true,
        });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        if self.unit().reachable {
            self.unset_pos();
            self.jump(Op::JumpBack, top)?;
        }
        self.bind(exit);
        self.stmts(orelse)?;
        self.bind(brk);
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, span: Span) -> CResult<()> {
        let loop_idx = self
            .unit()
            .fblocks
            .iter()
            .rposition(|f| matches!(f.kind, FKind::Loop { .. }));
        let Some(loop_idx) = loop_idx else {
            return Err(err(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                span,
            ));
        };
        // Unwind the blocks inside the loop, innermost first.
        let saved_handlers = self.unit().handlers.clone();
        let inner: Vec<FBlock<'a>> = self.unit().fblocks.drain(loop_idx + 1..).collect();
        for fb in inner.iter().rev() {
            self.unwind_block(fb, false)?;
        }
        let (cont, brk, for_loop) = match self.unit().fblocks[loop_idx].kind {
            FKind::Loop {
                cont,
                brk,
                for_loop,
            } => (cont, brk, for_loop),
            _ => unreachable!(),
        };
        self.set_pos(span);
        if is_break {
            if for_loop {
                self.emit(Op::Pop)?;
            }
            self.jump(Op::Jump, brk)?;
        } else {
            self.jump(Op::JumpBack, cont)?;
        }
        self.unit().fblocks.extend(inner);
        self.unit().handlers = saved_handlers;
        Ok(())
    }

    /// `return` with its value on the stack: runs every enclosing block's
    /// exit code, then returns.
    fn unwind_and_return(&mut self) -> CResult<()> {
        let saved_handlers = self.unit().handlers.clone();
        let blocks: Vec<FBlock<'a>> = std::mem::take(&mut self.unit().fblocks);
        let mut result = Ok(());
        for i in (0..blocks.len()).rev() {
            // Inner blocks are not visible while an outer block's cleanup
            // (a finally body) is compiled.
            self.unit().fblocks = blocks[..i].to_vec();
            if let Err(e) = self.unwind_block(&blocks[i], true) {
                result = Err(e);
                break;
            }
        }
        // The `Return` itself is outside every handler, as after CPython's
        // POP_BLOCKs: an exception raised at it (a kill, an asynchronous
        // exception) must not run the `finally` bodies just inlined above a
        // second time. After a `finally` or `with` exit the return is
        // artificial (CPython's `UNSET_LOC`): it keeps the line of that code.
        if result.is_ok() {
            result = self.emit(Op::Return).map(|_| ());
        }
        self.unit().fblocks = blocks;
        self.unit().handlers = saved_handlers;
        result
    }

    fn push_fblock(&mut self, kind: FKind<'a>) {
        let handlers_len = self.unit().handlers.len();
        self.unit().fblocks.push(FBlock { kind, handlers_len });
    }

    /// Emits what leaving `fb` early requires.
    fn unwind_block(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        self.unit().handlers.truncate(fb.handlers_len);
        match fb.kind {
            // `return` leaves the frame, which drops a loop's iterator; only
            // `break` (handled by the caller) must pop it.
            // A `for` loop's iterator sits under the return value; pop it
            // so outer cleanups (a `with` exit) find their operands.
            FKind::Loop { for_loop: true, .. } => {
                if preserve_tos {
                    self.emit(Op::Swap)?;
                }
                self.emit(Op::Pop)?;
            }
            FKind::Loop { .. } | FKind::TryExcept => {}

            FKind::Finally { body } => {
                self.stmts(body)?;
                self.unset_pos();
            }
            FKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Rot3)?;
                }
                self.emit(Op::Pop)?;
                self.emit(Op::PopExcept)?;
            }
            FKind::Handler { name } => {
                if preserve_tos {
                    self.emit(Op::Swap)?;
                }
                self.emit(Op::PopExcept)?;
                if let Some(n) = name {
                    self.emit(Op::LoadNone)?;
                    self.store_name_here(n, Span::default())?;
                    self.delete_name_here(n, Span::default())?;
                }
            }
            FKind::With { span } => {
                self.set_pos(span);
                if preserve_tos {
                    self.emit(Op::Swap)?;
                }
                self.emit(Op::LoadNone)?;
                self.emit(Op::LoadNone)?;
                self.emit(Op::LoadNone)?;
                self.emit(Op::Call(3))?;
                self.emit(Op::Pop)?;
                self.unset_pos();
            }
        }
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [Handler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let handler_l = self.new_label();
        let end = self.new_label();
        let depth = self.unit().depth;
        self.push_fblock(FKind::TryExcept);
        self.push_handler(handler_l, depth);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.stmts(orelse)?;
        if self.unit().reachable {
            self.jump(Op::Jump, end)?;
        }
        self.except_handlers(handler_l, depth, handlers, end)?;
        self.bind(end);
        Ok(())
    }

    /// The `except` clauses, entered at `handler_l` with the exception on
    /// top of a stack of `depth` items.
    fn except_handlers(
        &mut self,
        handler_l: Label,
        depth: i32,
        handlers: &'a [Handler],
        end: Label,
    ) -> CResult<()> {
        let cleanup = self.new_label();
        self.bind(handler_l);
        if let Some(h) = handlers.first() {
            self.set_pos(h.span);
        }
        let outside = self.unit().handlers.len();
        self.push_handler(cleanup, depth + 1);
        self.emit(Op::PushExcInfo)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_pos(h.span);
            let next = self.new_label();
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_pos(h.span);
                    self.emit(Op::CheckExcMatch)?;
                    self.jump(Op::PopJumpIfFalse, next)?;
                }
                None => {
                    if i + 1 != handlers.len() {
                        return Err(err("default 'except:' must be last", h.span));
                    }
                    // A bare `except:` still asks, so the host's uncatchable
                    // kill can decline to match.
                    self.emit(Op::LoadNone)?;
                    self.emit(Op::CheckExcMatch)?;
                    self.jump(Op::PopJumpIfFalse, next)?;
                }
            }
            let named_cleanup = match h.name {
                Some(n) => {
                    self.store_name(n, h.span)?;
                    let l = self.new_label();
                    self.push_handler(l, depth + 1);
                    Some((n, l))
                }
                None => {
                    self.emit(Op::Pop)?;
                    None
                }
            };
            self.unit().fblocks.push(FBlock {
                kind: FKind::Handler { name: h.name },
                handlers_len: outside,
            });
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            if named_cleanup.is_some() {
                self.pop_handler();
            }
            // The cleanups are artificial: they keep the line of the code
            // that leads to them (CPython's `UNSET_LOC`).
            if self.unit().reachable {
                self.unset_pos();
                self.emit(Op::PopExcept)?;
                if let Some((n, _)) = named_cleanup {
                    self.emit(Op::LoadNone)?;
                    self.store_name_here(n, h.span)?;
                    self.delete_name_here(n, h.span)?;
                }
                self.jump(Op::Jump, end)?;
            }
            if let Some((n, l)) = named_cleanup {
                // An exception inside a named handler: unbind the name, then
                // the common cleanup.
                self.bind(l);
                self.unset_pos();
                self.emit(Op::LoadNone)?;
                self.store_name_here(n, h.span)?;
                self.delete_name_here(n, h.span)?;
                self.jump(Op::Jump, cleanup)?;
            }
            self.bind(next);
        }
        // No clause matched.
        self.emit(Op::Reraise)?;
        self.pop_handler();
        self.bind(cleanup);
        // [prev, exc]: restore the previously handled exception, re-raise.
        self.emit(Op::Swap)?;
        self.emit(Op::PopExcept)?;
        self.emit(Op::Reraise)?;
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [Handler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult<()> {
        let fin = self.new_label();
        let end = self.new_label();
        let depth = self.unit().depth;
        self.push_fblock(FKind::Finally { body: finalbody });
        self.push_handler(fin, depth);
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.pop_handler();
        // Normal path: run the finally body inline.
        self.stmts(finalbody)?;
        if self.unit().reachable {
            self.jump(Op::Jump, end)?;
        }
        // Exceptional path.
        let cleanup = self.new_label();
        self.bind(fin);
        self.push_fblock(FKind::FinallyEnd);
        self.push_handler(cleanup, depth + 1);
        self.emit(Op::PushExcInfo)?;
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        if self.unit().reachable {
            self.emit(Op::Reraise)?;
        }
        self.pop_handler();
        self.bind(cleanup);
        self.emit(Op::Swap)?;
        self.emit(Op::PopExcept)?;
        self.emit(Op::Reraise)?;
        self.bind(end);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        items: &'a [(Expr, Option<Expr>)],
        body: &'a [Stmt],
        span: Span,
    ) -> CResult<()> {
        let (ctx, target) = &items[0];
        let rest = &items[1..];
        let exc_l = self.new_label();
        let end = self.new_label();
        self.expr(ctx)?;
        self.set_pos(span);
        self.emit(Op::BeforeWith)?;
        let depth = self.unit().depth;
        // [exit, enter_result]: the handler keeps `exit`.
        self.push_fblock(FKind::With { span });
        self.push_handler(exc_l, depth - 1);
        match target {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::Pop)?;
            }
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body, span)?;
        }
        self.unit().fblocks.pop();
        self.pop_handler();
        if self.unit().reachable {
            self.set_pos(span);
            self.emit(Op::LoadNone)?;
            self.emit(Op::LoadNone)?;
            self.emit(Op::LoadNone)?;
            self.emit(Op::Call(3))?;
            self.emit(Op::Pop)?;
            self.jump(Op::Jump, end)?;
        }
        // [exit, exc]
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.bind(exc_l);
        self.set_pos(span);
        self.push_handler(cleanup, depth);
        self.emit(Op::PushExcInfo)?;
        self.emit(Op::WithExceptStart)?;
        self.jump(Op::PopJumpIfTrue, suppress)?;
        self.emit(Op::Reraise)?;
        self.bind(suppress);
        // [exit, prev, exc]
        self.emit(Op::Pop)?;
        self.pop_handler();
        self.emit(Op::PopExcept)?;
        self.emit(Op::Pop)?;
        self.jump(Op::Jump, end)?;
        self.bind(cleanup);
        // [exit, prev, exc2]
        self.emit(Op::Swap)?;
        self.emit(Op::PopExcept)?;
        self.emit(Op::Reraise)?;
        self.bind(end);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ClassDef, span: Span) -> CResult<()> {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let name_text = self.text(c.name);
        let qualname = self.child_qualname(&name_text);
        let first_line = self.lines.line(span.start as usize) as u32;
        let scope = c.scope as usize;
        self.push_unit(scope, c.name, qualname.clone(), first_line);
        self.unit().pos = self.position(span);
        // `__module__` and `__qualname__` first, as CPython does.
        let g = self.global_index(sym::NAME);
        self.emit(Op::LoadGlobal(g))?;
        let n = self.name_index(sym::MODULE);
        self.emit(Op::StoreName(n))?;
        self.load_const(Const::Str(qualname.into()))?;
        let n = self.name_index(sym::QUALNAME);
        self.emit(Op::StoreName(n))?;
        let info = self.scope().clone();
        if info.needs_class_cell {
            let slot = info.slot(sym::CLASS).unwrap();
            self.emit(Op::MakeCell(slot as u16))?;
        }
        self.stmts(&c.body)?;
        self.set_pos(span);
        if info.needs_class_cell {
            let slot = info.slot(sym::CLASS).unwrap() as u16;
            self.emit(Op::LoadClosure(slot))?;
        } else {
            self.emit(Op::LoadNone)?;
        }
        self.emit(Op::Return)?;
        let code = self.finish(
            CodeFlags {
                class_body: true,
                ..CodeFlags::default()
            },
            0,
            0,
            0,
        )?;
        self.make_function(code, 0, span)?;
        self.load_const(Const::Str(name_text.into()))?;
        let mut nbases = 0;
        for b in &c.bases {
            match b {
                Arg::Pos(e) => {
                    self.expr(e)?;
                    nbases += 1;
                }
                Arg::Star(e) | Arg::DoubleStar(e) | Arg::Kw(_, e, _) => {
                    return Err(err(
                        "class keywords and unpacked bases are not supported by this VM",
                        e.span,
                    ))
                }
            }
        }
        self.set_pos(span);
        self.emit(Op::BuildClass(nbases))?;
        for d in c.decorators.iter().rev() {
            self.set_pos(d.span);
            self.emit(Op::Call(1))?;
        }
        self.store_name(c.bind, span)
    }

    // ------------------------------------------------------------ conditions

    /// Jumps to `target` when `e` is truthy (`cond`) or falsy (`!cond`),
    /// without materialising a bool where it can.
    fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult<()> {
        match &e.kind {
            ExprKind::Unary(UnaryOp::Not, inner) => return self.jump_if(inner, !cond, target),
            ExprKind::Bool(op, values) => {
                let is_and = *op == BoolOp::And;
                if is_and != cond {
                    // and/false or or/true: any operand decides alone.
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for v in &values[..values.len() - 1] {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(values.last().unwrap(), cond, target)?;
                    self.bind(skip);
                }
                return Ok(());
            }
            ExprKind::Compare(left, rest) if rest.len() == 1 && !cond => {
                let (op, right) = &rest[0];
                let fused: Option<fn(u16) -> Op> = match op {
                    CmpOp::Lt => Some(Op::JumpIfNotLt),
                    CmpOp::Le => Some(Op::JumpIfNotLe),
                    CmpOp::Gt => Some(Op::JumpIfNotGt),
                    CmpOp::Ge => Some(Op::JumpIfNotGe),
                    CmpOp::Eq => Some(Op::JumpIfNotEq),
                    CmpOp::Ne => Some(Op::JumpIfNotNe),
                    _ => None,
                };
                if let Some(make) = fused {
                    self.expr(left)?;
                    self.expr(right)?;
                    self.set_pos(e.span);
                    return self.jump(make, target);
                }
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            target,
        )
    }

    /// Jumps back to `target` while `e` is true (the bottom test of a loop).
    fn jump_if_back(&mut self, e: &'a Expr, target: Label) -> CResult<()> {
        // Invert: fall out when false, else jump back.
        if let ExprKind::Compare(_, rest) = &e.kind {
            if rest.len() == 1
                && !matches!(
                    rest[0].0,
                    CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot
                )
            {
                let out = self.new_label();
                self.jump_if(e, false, out)?;
                self.set_pos(e.span);
                self.jump(Op::JumpBack, target)?;
                self.bind(out);
                return Ok(());
            }
        }
        self.expr(e)?;
        self.jump(Op::PopJumpBackIfTrue, target)
    }

    // ------------------------------------------------------------ expressions

    /// Compiles `e`, or loads `None` in its absence (a slice's missing
    /// bound, a bare `yield` or `return`).
    fn expr_or_none(&mut self, e: Option<&'a Expr>) -> CResult<()> {
        match e {
            Some(x) => self.expr(x),
            None => self.emit(Op::LoadNone).map(|_| ()),
        }
    }

    /// Compiles `e` with its instructions attributed to its span, then
    /// restores the enclosing position (CPython's `SET_LOC` discipline):
    /// the ops a statement emits after visiting an expression (a
    /// conditional jump, `GET_ITER`, `BEFORE_WITH`) belong to the statement.
    fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.unit().pos;
        self.set_pos(e.span);
        let r = self.expr_inner(e);
        self.unit().pos = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(*n, e.span)?,
            ExprKind::Const(c) => {
                self.set_pos(e.span);
                self.load_const(const_of(c))?;
            }
            ExprKind::FString(parts) => {
                let n = self.fstring(parts, e.span)?;
                if n != 1 {
                    self.set_pos(e.span);
                    self.emit(Op::BuildString(n as u16))?;
                }
            }
            ExprKind::List(items) => self.sequence(items, e.span, false)?,
            ExprKind::Tuple(items) => {
                if let Some(c) = const_tuple(items) {
                    self.set_pos(e.span);
                    self.load_const(c)?;
                } else {
                    self.sequence(items, e.span, true)?;
                }
            }
            ExprKind::Set(_) => return Err(err("sets are not supported by this VM", e.span)),
            ExprKind::Dict(items) => {
                let has_spread = items.iter().any(|(k, _)| k.is_none());
                if !has_spread {
                    for (k, v) in items {
                        self.expr(k.as_ref().unwrap())?;
                        self.expr(v)?;
                    }
                    self.set_pos(e.span);
                    self.emit(Op::BuildDict(items.len() as u16))?;
                } else {
                    self.set_pos(e.span);
                    self.emit(Op::BuildDict(0))?;
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.set_pos(e.span);
                                self.emit(Op::MapAdd(1))?;
                            }
                            None => {
                                self.expr(v)?;
                                self.set_pos(e.span);
                                self.emit(Op::DictUpdate(1))?;
                            }
                        }
                    }
                }
            }
            ExprKind::Binary(l, op, r) => {
                self.binary_chain(e, l, *op, r)?;
            }
            ExprKind::Unary(op, inner) => {
                // Fold `-literal`.
                if *op == UnaryOp::Neg {
                    if let ExprKind::Const(c) = &inner.kind {
                        let folded = match c {
                            Constant::Int(i) => i.checked_neg().map(Const::Int),
                            Constant::Float(f) => Some(Const::Float(-f)),
                            _ => None,
                        };
                        if let Some(c) = folded {
                            self.set_pos(e.span);
                            return self.load_const(c);
                        }
                    }
                }
                self.expr(inner)?;
                self.set_pos(e.span);
                self.emit(match op {
                    UnaryOp::Neg => Op::Neg,
                    UnaryOp::Pos => Op::Pos,
                    UnaryOp::Not => Op::Not,
                    UnaryOp::Invert => Op::Invert,
                })?;
            }
            ExprKind::Bool(op, values) => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.set_pos(e.span);
                        self.jump(
                            if *op == BoolOp::And {
                                Op::JumpIfFalseOrPop
                            } else {
                                Op::JumpIfTrueOrPop
                            },
                            end,
                        )?;
                    }
                }
                self.bind(end);
            }
            ExprKind::Compare(left, rest) => self.compare(left, rest, e.span)?,
            ExprKind::Call(func, args) => self.call(func, args, e.span)?,
            ExprKind::Attribute(obj, name, _) => {
                self.expr(obj)?;
                let n = self.name_index(*name);
                self.set_pos(e.span);
                self.emit(Op::LoadAttr(n))?;
            }
            ExprKind::Subscript(obj, key) => {
                self.check_subscript(obj, key, e.span);
                self.expr(obj)?;
                if let ExprKind::Slice(start, stop, step) = &key.kind {
                    for part in [start, stop, step] {
                        self.expr_or_none(part.as_deref())?;
                    }
                    self.set_pos(e.span);
                    self.emit(Op::SubscrSlice)?;
                } else {
                    self.expr(key)?;
                    self.set_pos(e.span);
                    self.emit(Op::Subscr)?;
                }
            }
            ExprKind::Slice(a, b, c) => {
                for part in [a, b] {
                    self.expr_or_none(part.as_deref())?;
                }
                match c {
                    Some(x) => {
                        self.expr(x)?;
                        self.set_pos(e.span);
                        self.emit(Op::BuildSlice(3))?;
                    }
                    None => {
                        self.set_pos(e.span);
                        self.emit(Op::BuildSlice(2))?;
                    }
                }
            }
            ExprKind::IfExp(test, body, orelse) => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_l)?;
                self.expr(body)?;
                self.jump(Op::Jump, end)?;
                self.bind(else_l);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Lambda(f) => self.function(f)?,
            ExprKind::Comp {
                kind,
                elt,
                value,
                gens,
                scope,
            } => self.comprehension(*kind, elt, value.as_deref(), gens, *scope as usize, e.span)?,
            ExprKind::Yield(v) => {
                if !self.in_function() {
                    return Err(err("'yield' outside function", e.span));
                }
                self.expr_or_none(v.as_deref())?;
                self.set_pos(e.span);
                self.emit(Op::Yield)?;
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.set_pos(e.span);
                self.emit(Op::GetYieldFromIter)?;
                self.emit(Op::LoadNone)?;
                let top = self.new_label();
                let done = self.new_label();
                self.bind(top);
                self.jump(Op::YieldFromStep, done)?;
                self.emit(Op::Yield)?;
                self.jump(Op::JumpBack, top)?;
                self.bind(done);
            }
            ExprKind::Starred(_) => return Err(err("can't use starred expression here", e.span)),
            ExprKind::Walrus(name, v) => {
                self.expr(v)?;
                self.emit(Op::Dup)?;
                self.store_name(*name, e.span)?;
            }
        }
        Ok(())
    }

    /// CPython's `check_subscripter` / `check_index` warnings.
    fn check_subscript(&mut self, obj: &Expr, key: &Expr, span: Span) {
        let Some(t) = literal_type(obj) else { return };
        let unsubscriptable = match &obj.kind {
            ExprKind::Const(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::Bool(_)
                    | Constant::Float(_)
            ),
            ExprKind::Set(_) | ExprKind::Lambda(_) => true,
            ExprKind::Comp { kind, .. } => matches!(kind, CompKind::Set | CompKind::Gen),
            _ => false,
        };
        if unsubscriptable {
            self.warnings.push((
                span,
                format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
            ));
            return;
        }
        let sequence = match &obj.kind {
            ExprKind::Const(c) => matches!(c, Constant::Str(_)),
            ExprKind::Tuple(_) | ExprKind::List(_) | ExprKind::FString(_) => true,
            ExprKind::Comp { kind, .. } => *kind == CompKind::List,
            _ => false,
        };
        if !sequence {
            return;
        }
        let key_type = match &key.kind {
            ExprKind::Slice(..) | ExprKind::Const(Constant::Int(_) | Constant::Bool(_)) => return,
            _ => match literal_type(key) {
                Some(k) => k,
                None => return,
            },
        };
        self.warnings.push((
            span,
            format!("{t} indices must be integers or slices, not {key_type}; perhaps you missed a comma?"),
        ));
    }

    /// A left-leaning chain of binary operators, compiled iteratively so a
    /// long `a + b + c + ...` does not recurse once per operator.
    fn binary_chain(&mut self, e: &'a Expr, l: &'a Expr, op: BinOp, r: &'a Expr) -> CResult<()> {
        let mut spine: Vec<(&'a Expr, BinOp, &'a Expr)> = vec![(e, op, r)];
        let mut leftmost = l;
        while let ExprKind::Binary(ll, lop, lr) = &leftmost.kind {
            spine.push((leftmost, *lop, lr));
            leftmost = ll;
        }
        self.expr(leftmost)?;
        for (node, op, right) in spine.into_iter().rev() {
            self.expr(right)?;
            self.set_pos(node.span);
            self.emit(binary_op(op))?;
        }
        Ok(())
    }

    fn sequence(&mut self, items: &'a [Expr], span: Span, tuple: bool) -> CResult<()> {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            for i in items {
                self.expr(i)?;
            }
            self.set_pos(span);
            self.emit(if tuple {
                Op::BuildTuple(items.len() as u16)
            } else {
                Op::BuildList(items.len() as u16)
            })?;
            return Ok(());
        }
        self.set_pos(span);
        self.emit(Op::BuildList(0))?;
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.set_pos(i.span);
                    self.emit(Op::ListExtend(1))?;
                }
                _ => {
                    self.expr(i)?;
                    self.set_pos(span);
                    self.emit(Op::ListAppend(1))?;
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple)?;
        }
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, rest: &'a [(CmpOp, Expr)], span: Span) -> CResult<()> {
        // CPython's `check_compare`: `is` with a literal.
        let mut prev = left;
        for (op, right) in rest {
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (is_literal(prev) || is_literal(right)) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warnings.push((span, msg.to_string()));
            }
            prev = right;
        }
        self.expr(left)?;
        if rest.len() == 1 {
            self.expr(&rest[0].1)?;
            self.set_pos(span);
            self.emit(cmp_op(rest[0].0))?;
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in rest.iter().enumerate() {
            self.expr(right)?;
            self.set_pos(span);
            if i + 1 < rest.len() {
                self.emit(Op::Dup)?;
                self.emit(Op::Rot3)?;
                self.emit(cmp_op(*op))?;
                self.jump(Op::JumpIfFalseOrPop, cleanup)?;
            } else {
                self.emit(cmp_op(*op))?;
            }
        }
        self.jump(Op::Jump, end)?;
        self.bind(cleanup);
        self.emit(Op::Swap)?;
        self.emit(Op::Pop)?;
        self.bind(end);
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Arg], span: Span) -> CResult<()> {
        // CPython's `check_caller`.
        if !matches!(func.kind, ExprKind::Lambda(_)) {
            if let Some(t) = literal_type(func) {
                self.warnings.push((
                    span,
                    format!("'{t}' object is not callable; perhaps you missed a comma?"),
                ));
            }
        }
        let has_star = args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::DoubleStar(_)));
        if has_star {
            self.expr(func)?;
            self.star_call_args(args, span)?;
            return Ok(());
        }
        let kwnames: Vec<Symbol> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Kw(n, _, _) => Some(*n),
                _ => None,
            })
            .collect();
        for (i, n) in kwnames.iter().enumerate() {
            if kwnames[..i].contains(n) {
                let span = args
                    .iter()
                    .filter_map(|a| match a {
                        Arg::Kw(m, _, s) if m == n => Some(*s),
                        _ => None,
                    })
                    .nth(1)
                    .unwrap_or(span);
                return Err(err(
                    format!("keyword argument repeated: {}", self.text(*n)),
                    span,
                ));
            }
        }
        let method = match &func.kind {
            ExprKind::Attribute(obj, name, _) => Some((obj, *name)),
            _ => None,
        };
        if let Some((obj, name)) = method {
            self.expr(obj)?;
            let n = self.name_index(name);
            self.set_pos(func.span);
            self.emit(Op::LoadMethod(n))?;
        } else {
            self.expr(func)?;
        }
        for a in args {
            match a {
                Arg::Pos(e) | Arg::Kw(_, e, _) => self.expr(e)?,
                _ => unreachable!(),
            }
        }
        let argc = args.len();
        if argc > 255 && !kwnames.is_empty() {
            return Err(err("too many arguments in one call for this VM", span));
        }
        self.set_pos(span);
        if kwnames.is_empty() {
            self.emit(if method.is_some() {
                Op::CallMethod(argc as u16)
            } else {
                Op::Call(argc as u16)
            })?;
        } else {
            let names: Vec<Const> = kwnames
                .iter()
                .map(|n| Const::Str(self.text(*n).into()))
                .collect();
            let k = self.add_const(Const::Tuple(names.into()));
            self.emit(if method.is_some() {
                Op::CallMethodKw(argc as u8, k)
            } else {
                Op::CallKw(argc as u8, k)
            })?;
        }
        Ok(())
    }

    /// `f(*a, **k)`: builds the argument tuple and keyword dict.
    fn star_call_args(&mut self, args: &'a [Arg], span: Span) -> CResult<()> {
        self.set_pos(span);
        let positional: Vec<&Arg> = args
            .iter()
            .filter(|a| matches!(a, Arg::Pos(_) | Arg::Star(_)))
            .collect();
        if let [Arg::Star(e)] = positional.as_slice() {
            // `f(*xs)` passes `xs` as is; `CallEx` makes the tuple (and
            // names the function if `xs` is not iterable, like CPython).
            self.expr(e)?;
        } else {
            self.emit(Op::BuildList(0))?;
            for a in args {
                match a {
                    Arg::Pos(e) => {
                        self.expr(e)?;
                        self.emit(Op::ListAppend(1))?;
                    }
                    Arg::Star(e) => {
                        self.expr(e)?;
                        self.set_pos(e.span);
                        self.emit(Op::ListExtend(1))?;
                    }
                    _ => {}
                }
            }
            self.emit(Op::ListToTuple)?;
        }
        let has_kw = args
            .iter()
            .any(|a| matches!(a, Arg::Kw(..) | Arg::DoubleStar(_)));
        if has_kw {
            self.emit(Op::BuildDict(0))?;
            for a in args {
                match a {
                    Arg::Kw(n, e, _) => {
                        let name = self.text(*n);
                        self.load_const(Const::Str(name.into()))?;
                        self.expr(e)?;
                        self.emit(Op::MapAdd(1))?;
                    }
                    Arg::DoubleStar(e) => {
                        self.expr(e)?;
                        self.set_pos(e.span);
                        self.emit(Op::DictMerge(1))?;
                    }

                    _ => {}
                }
            }
        }
        self.set_pos(span);
        self.emit(Op::CallEx(has_kw as u8))?;
        Ok(())
    }

    /// Pushes the pieces of an f-string; returns how many.
    fn fstring(&mut self, parts: &'a [FPart], span: Span) -> CResult<usize> {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Lit(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const(Const::Str(s.as_str().into()))?;
                }
                FPart::Field { expr, conv, spec } => {
                    self.expr(expr)?;
                    let mut flags = match conv {
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        _ => 3,
                    };
                    if let Some(spec) = spec {
                        let k = self.fstring(spec, span)?;
                        if k == 0 {
                            self.load_const(Const::Str("".into()))?;
                        } else if k > 1 {
                            self.emit(Op::BuildString(k as u16))?;
                        }
                        flags |= 4;
                    }
                    self.set_pos(expr.span);
                    self.emit(Op::FormatValue(flags))?;
                }
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Const::Str("".into()))?;
            n = 1;
        }
        Ok(n)
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        gens: &'a [Comprehension],
        scope: usize,
        span: Span,
    ) -> CResult<()> {
        if kind == CompKind::Set {
            return Err(err("sets are not supported by this VM", span));
        }
        let (name, label) = match kind {
            CompKind::List => (sym::LISTCOMP, "<listcomp>"),
            CompKind::Dict => (sym::DICTCOMP, "<dictcomp>"),
            CompKind::Set => (sym::SETCOMP, "<setcomp>"),
            CompKind::Gen => (sym::GENEXPR, "<genexpr>"),
        };
        let qualname = self.child_qualname(label);
        let first_line = self.lines.line(span.start as usize) as u32;
        // The first iterable is evaluated outside, then passed as `.0`.
        self.push_unit(scope, name, qualname, first_line);
        self.unit().pos = self.position(span);
        self.prologue()?;
        match kind {
            CompKind::List => {
                self.emit(Op::BuildList(0))?;
            }
            CompKind::Dict => {
                self.emit(Op::BuildDict(0))?;
            }
            _ => {}
        }
        self.comp_loops(kind, elt, value, gens, 0, span)?;
        self.set_pos(span);
        if kind == CompKind::Gen {
            self.emit(Op::LoadNone)?;
        }
        self.emit(Op::Return)?;
        let info = &self.scopes[scope];
        let flags = CodeFlags {
            generator: kind == CompKind::Gen || info.generator,
            comprehension: true,
            ..CodeFlags::default()
        };
        let code = self.finish(flags, 1, 0, 0)?;
        self.make_function(code, 0, span)?;
        self.expr(&gens[0].iter)?;
        self.set_pos(span);
        self.emit(Op::GetIter)?;
        self.emit(Op::Call(1))?;
        Ok(())
    }

    fn comp_loops(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        gens: &'a [Comprehension],
        level: usize,
        span: Span,
    ) -> CResult<()> {
        let g = &gens[level];
        let top = self.new_label();
        let exit = self.new_label();
        if level == 0 {
            self.emit(Op::LoadLocal(0))?;
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter)?;
        }
        self.bind(top);
        self.set_pos(span);
        self.jump(Op::ForIter, exit)?;
        self.store_target(&g.target)?;
        for c in &g.ifs {
            self.jump_if(c, false, top)?;
        }
        if level + 1 < gens.len() {
            self.comp_loops(kind, elt, value, gens, level + 1, span)?;
        } else {
            let depth = (level + 2) as u16;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.set_pos(span);
                    self.emit(Op::ListAppend(depth))?;
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.unwrap())?;
                    self.set_pos(span);
                    self.emit(Op::MapAdd(depth))?;
                }
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.set_pos(span);
                    self.emit(Op::Yield)?;
                    self.emit(Op::Pop)?;
                }
                CompKind::Set => unreachable!(),
            }
        }
        self.set_pos(span);
        self.jump(Op::JumpBack, top)?;
        self.bind(exit);
        Ok(())
    }
}

/// The type name of a literal expression that CPython's compiler knows
/// the type of (`infer_type`), for its "perhaps you missed a comma?"
/// warnings.
fn literal_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Const(c) => match c {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Str(_) => "str",
            Constant::Ellipsis => "ellipsis",
        },
        ExprKind::FString(_) => "str",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Dict(_) => "dict",
        ExprKind::Set(_) => "set",
        ExprKind::Comp { kind, .. } => match kind {
            CompKind::List => "list",
            CompKind::Dict => "dict",
            CompKind::Set => "set",
            CompKind::Gen => "generator",
        },
        ExprKind::Lambda(_) => "function",
        _ => return None,
    })
}

/// Whether `is` against `e` warns: a constant other than the singletons
/// (tuples of constants count: CPython folds them into constants).
fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(c) => !matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        ExprKind::Tuple(items) => items.iter().all(|i| matches!(i.kind, ExprKind::Const(_))),
        _ => false,
    }
}

fn retarget(op: Op, pc: u16) -> Op {
    use Op::*;
    match op {
        Jump(_) => Jump(pc),
        JumpBack(_) => JumpBack(pc),
        PopJumpIfFalse(_) => PopJumpIfFalse(pc),
        PopJumpIfTrue(_) => PopJumpIfTrue(pc),
        PopJumpBackIfTrue(_) => PopJumpBackIfTrue(pc),
        JumpIfFalseOrPop(_) => JumpIfFalseOrPop(pc),
        JumpIfTrueOrPop(_) => JumpIfTrueOrPop(pc),
        JumpIfNotLt(_) => JumpIfNotLt(pc),
        JumpIfNotLe(_) => JumpIfNotLe(pc),
        JumpIfNotGt(_) => JumpIfNotGt(pc),
        JumpIfNotGe(_) => JumpIfNotGe(pc),
        JumpIfNotEq(_) => JumpIfNotEq(pc),
        JumpIfNotNe(_) => JumpIfNotNe(pc),
        ForIter(_) => ForIter(pc),
        YieldFromStep(_) => YieldFromStep(pc),
        other => other,
    }
}

fn const_of(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(*i),
        Constant::Float(f) => Const::Float(*f),
        Constant::Str(s) => Const::Str(s.as_str().into()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}

fn const_tuple(items: &[Expr]) -> Option<Const> {
    if items.is_empty() {
        return Some(Const::Tuple(Box::new([])));
    }
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        match &i.kind {
            ExprKind::Const(c) => out.push(const_of(c)),
            _ => return None,
        }
    }
    Some(Const::Tuple(out.into()))
}

fn is_true_const(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Const(Constant::Bool(true)))
        || matches!(&e.kind, ExprKind::Const(Constant::Int(i)) if *i != 0)
}

fn binary_kind(op: BinOp) -> BinaryKind {
    match op {
        BinOp::Add => BinaryKind::Add,
        BinOp::Sub => BinaryKind::Sub,
        BinOp::Mul => BinaryKind::Mul,
        BinOp::TrueDiv => BinaryKind::TrueDiv,
        BinOp::FloorDiv => BinaryKind::FloorDiv,
        BinOp::Mod => BinaryKind::Mod,
        BinOp::Pow => BinaryKind::Pow,
        BinOp::LShift => BinaryKind::LShift,
        BinOp::RShift => BinaryKind::RShift,
        BinOp::BitAnd => BinaryKind::BitAnd,
        BinOp::BitOr => BinaryKind::BitOr,
        BinOp::BitXor => BinaryKind::BitXor,
        BinOp::MatMul => BinaryKind::MatMul,
    }
}

fn binary_op(op: BinOp) -> Op {
    match op {
        BinOp::Add => Op::Add,
        BinOp::Sub => Op::Sub,
        BinOp::Mul => Op::Mul,
        BinOp::TrueDiv => Op::TrueDiv,
        BinOp::FloorDiv => Op::FloorDiv,
        BinOp::Mod => Op::Mod,
        BinOp::Pow => Op::Pow,
        BinOp::LShift => Op::LShift,
        BinOp::RShift => Op::RShift,
        BinOp::BitAnd => Op::BitAnd,
        BinOp::BitOr => Op::BitOr,
        BinOp::BitXor => Op::BitXor,
        BinOp::MatMul => Op::MatMul,
    }
}

fn cmp_op(op: CmpOp) -> Op {
    match op {
        CmpOp::Lt => Op::Lt,
        CmpOp::Le => Op::Le,
        CmpOp::Eq => Op::Eq,
        CmpOp::Ne => Op::Ne,
        CmpOp::Gt => Op::Gt,
        CmpOp::Ge => Op::Ge,
        CmpOp::Is => Op::Is,
        CmpOp::IsNot => Op::IsNot,
        CmpOp::In => Op::In,
        CmpOp::NotIn => Op::NotIn,
    }
}
