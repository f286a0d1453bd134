//! Name resolution (CPython's `symtable.c` as its own pass): decides, for
//! every name in every scope, whether it is a local slot, a closure cell, a
//! free variable, a module global or a class-body name, and lays out each
//! function's frame slots.

use std::collections::{HashMap, HashSet};

use crate::ast::*;
use crate::intern::{Interner, Symbol};
use crate::lexer::{ErrorKind, SyntaxError};

/// What kind of scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A `def` or `lambda`.
    Function,
    /// A class body.
    Class,
    /// A comprehension body.
    Comprehension,
}

/// How a name is accessed in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// A frame slot (parameter or local).
    Local,
    /// A local captured by an inner function: a cell in a frame slot.
    Cell,
    /// A variable of an enclosing function, reached through a cell.
    Free,
    /// A module global (declared, or implicit in a function).
    Global,
    /// A class-body name (namespace, then globals, then builtins).
    ClassName,
}

/// The result of the pass for one scope.
#[derive(Debug, Clone)]
pub struct ScopeInfo {
    /// Its kind.
    pub kind: ScopeKind,
    /// Binding of every name seen in the scope.
    pub bindings: HashMap<Symbol, Binding>,
    /// Slot names: parameters, then other locals, then non-parameter cells,
    /// then free variables.
    pub slots: Vec<Symbol>,
    /// Number of local slots (parameters and plain locals, including
    /// parameters that are cells).
    pub nlocals: usize,
    /// Number of cell slots after the locals.
    pub ncells: usize,
    /// Number of free slots after the cells.
    pub nfrees: usize,
    /// Parameters that are also cells (their slot is wrapped at entry).
    pub param_cells: Vec<Symbol>,
    /// Contains `yield`.
    pub generator: bool,
    /// A class body whose methods need `__class__` (for `super()`).
    pub needs_class_cell: bool,
}

impl ScopeInfo {
    /// Slot index of `name`.
    pub fn slot(&self, name: Symbol) -> Option<usize> {
        self.slots.iter().position(|&s| s == name)
    }
}

#[derive(Default)]
struct Raw {
    kind: Option<ScopeKind>,
    parent: Option<usize>,
    params: Vec<Symbol>,
    bound: Vec<Symbol>,
    bound_set: HashSet<Symbol>,
    used: HashSet<Symbol>,
    globals: HashSet<Symbol>,
    nonlocals: Vec<(Symbol, Span)>,
    children: Vec<usize>,
    generator: bool,
}

impl Raw {
    fn bind(&mut self, name: Symbol) {
        if self.bound_set.insert(name) {
            self.bound.push(name);
        }
    }
}

struct Collector<'a> {
    raws: Vec<Raw>,
    cur: usize,
    interner: &'a mut Interner,
    error: Option<SyntaxError>,
}

/// Runs the pass over a parsed module. The returned vector is indexed by
/// scope id; the module's own scope is the last entry.
pub fn analyze(module: &Module, interner: &mut Interner) -> Result<Vec<ScopeInfo>, SyntaxError> {
    let n = module.scope_count as usize;
    let mut raws: Vec<Raw> = (0..=n).map(|_| Raw::default()).collect();
    raws[n].kind = Some(ScopeKind::Module);
    let mut c = Collector {
        raws,
        cur: n,
        interner,
        error: None,
    };
    c.stmts(&module.body);
    if let Some(e) = c.error {
        return Err(e);
    }
    let super_sym = c.interner.intern("super");
    let class_sym = crate::intern::sym::CLASS;
    let raws = c.raws;
    let mut out: Vec<Option<ScopeInfo>> = (0..=n).map(|_| None).collect();
    resolve(&raws, n, &HashSet::new(), &mut out, super_sym, class_sym)?;
    Ok(out
        .into_iter()
        .map(|s| {
            s.unwrap_or(ScopeInfo {
                kind: ScopeKind::Function,
                bindings: HashMap::new(),
                slots: Vec::new(),
                nlocals: 0,
                ncells: 0,
                nfrees: 0,
                param_cells: Vec::new(),
                generator: false,
                needs_class_cell: false,
            })
        })
        .collect())
}

fn resolve(
    raws: &[Raw],
    id: usize,
    enclosing: &HashSet<Symbol>,
    out: &mut Vec<Option<ScopeInfo>>,
    super_sym: Symbol,
    class_sym: Symbol,
) -> Result<HashSet<Symbol>, SyntaxError> {
    let raw = &raws[id];
    let kind = raw.kind.unwrap_or(ScopeKind::Function);
    let nonlocal_set: HashSet<Symbol> = raw.nonlocals.iter().map(|(n, _)| *n).collect();
    let locals: HashSet<Symbol> = raw
        .bound
        .iter()
        .filter(|n| !raw.globals.contains(n) && !nonlocal_set.contains(n))
        .copied()
        .collect();
    for (name, span) in &raw.nonlocals {
        if kind == ScopeKind::Module {
            unreachable!("checked by the collector");
        }
        if !enclosing.contains(name) {
            return Err(SyntaxError {
                msg: format!("no binding for nonlocal '{}' found", name_text(*name)),
                at: span.start as usize,
                end: span.end as usize,
                kind: ErrorKind::Syntax,
                no_caret: false,
            });
        }
    }
    // What children may see from here.
    let mut child_env = enclosing.clone();
    match kind {
        ScopeKind::Function | ScopeKind::Comprehension => {
            child_env.extend(locals.iter().copied());
            child_env.extend(nonlocal_set.iter().copied());
        }
        ScopeKind::Class => {
            child_env.insert(class_sym);
        }
        ScopeKind::Module => {}
    }
    let mut cells: HashSet<Symbol> = HashSet::new();
    let mut frees: Vec<Symbol> = Vec::new();
    let mut free_set: HashSet<Symbol> = HashSet::new();
    let mut needs_class_cell = false;
    for &child in &raw.children {
        let child_free = resolve(raws, child, &child_env, out, super_sym, class_sym)?;
        let mut child_free: Vec<Symbol> = child_free.into_iter().collect();
        child_free.sort();
        for name in child_free {
            if kind == ScopeKind::Class && name == class_sym && !locals.contains(&name) {
                needs_class_cell = true;
            } else if locals.contains(&name) && kind != ScopeKind::Class {
                cells.insert(name);
            } else if free_set.insert(name) {
                frees.push(name);
            }
        }
    }
    let mut bindings = HashMap::new();
    let mut all_names: Vec<Symbol> = raw.bound.clone();
    let mut used: Vec<Symbol> = raw.used.iter().copied().collect();
    used.sort();
    all_names.extend(used);
    // A function using `super` inside a class needs the `__class__` cell.
    if kind == ScopeKind::Function
        && raw.used.contains(&super_sym)
        && enclosing.contains(&class_sym)
    {
        all_names.push(class_sym);
    }
    for &name in &all_names {
        if bindings.contains_key(&name) {
            continue;
        }
        let b = match kind {
            ScopeKind::Module => Binding::Global,
            ScopeKind::Class => {
                if raw.globals.contains(&name) {
                    Binding::Global
                } else if nonlocal_set.contains(&name)
                    || (!locals.contains(&name) && enclosing.contains(&name) && name != class_sym)
                {
                    if free_set.insert(name) {
                        frees.push(name);
                    }
                    Binding::Free
                } else {
                    Binding::ClassName
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if raw.globals.contains(&name) {
                    Binding::Global
                } else if nonlocal_set.contains(&name) {
                    if free_set.insert(name) {
                        frees.push(name);
                    }
                    Binding::Free
                } else if locals.contains(&name) {
                    if cells.contains(&name) {
                        Binding::Cell
                    } else {
                        Binding::Local
                    }
                } else if enclosing.contains(&name) {
                    if free_set.insert(name) {
                        frees.push(name);
                    }
                    Binding::Free
                } else {
                    Binding::Global
                }
            }
        };
        bindings.insert(name, b);
    }
    for &name in &frees {
        bindings.insert(name, Binding::Free);
    }
    for &name in &cells {
        bindings.insert(name, Binding::Cell);
    }
    // Frame layout.
    let mut slots: Vec<Symbol> = Vec::new();
    let mut param_cells = Vec::new();
    let mut nlocals = 0;
    let mut ncells = 0;
    if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
        for &p in &raw.params {
            slots.push(p);
            if cells.contains(&p) {
                param_cells.push(p);
            }
        }
        for &name in &raw.bound {
            if locals.contains(&name) && !cells.contains(&name) && !slots.contains(&name) {
                slots.push(name);
            }
        }
        nlocals = slots.len();
        let mut extra_cells: Vec<Symbol> = cells
            .iter()
            .copied()
            .filter(|c| !raw.params.contains(c))
            .collect();
        extra_cells.sort_by_key(|s| raw.bound.iter().position(|b| b == s));
        ncells = extra_cells.len();
        slots.extend(extra_cells);
    }
    if kind == ScopeKind::Class && needs_class_cell {
        slots.push(class_sym);
        ncells = 1;
    }
    let nfrees = frees.len();
    slots.extend(frees.iter().copied());
    out[id] = Some(ScopeInfo {
        kind,
        bindings,
        slots,
        nlocals,
        ncells,
        nfrees,
        param_cells,
        generator: raw.generator,
        needs_class_cell,
    });
    Ok(free_set)
}

thread_local! {
    static NAMES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn name_text(s: Symbol) -> String {
    NAMES.with(|n| n.borrow().get(s.index()).cloned().unwrap_or_default())
}

impl<'a> Collector<'a> {
    fn raw(&mut self) -> &mut Raw {
        &mut self.raws[self.cur]
    }

    fn fail(&mut self, msg: String, span: Span) {
        if self.error.is_none() {
            self.error = Some(SyntaxError {
                msg,
                at: span.start as usize,
                end: span.end as usize,
                kind: ErrorKind::Syntax,
                no_caret: false,
            });
        }
    }

    fn remember(&mut self, s: Symbol) {
        let text = self.interner.resolve(s).to_string();
        NAMES.with(|n| {
            let mut n = n.borrow_mut();
            if n.len() <= s.index() {
                n.resize(s.index() + 1, String::new());
            }
            n[s.index()] = text;
        });
    }

    fn with_scope(&mut self, id: u32, kind: ScopeKind, f: impl FnOnce(&mut Self)) {
        let id = id as usize;
        let parent = self.cur;
        self.raws[parent].children.push(id);
        self.raws[id].kind = Some(kind);
        self.raws[id].parent = Some(parent);
        self.cur = id;
        f(self);
        self.cur = parent;
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn check_declared_after_use(&mut self, name: Symbol, span: Span, what: &str) {
        let raw = &self.raws[self.cur];
        let text = self.interner.resolve(name).to_string();
        if raw.params.contains(&name) {
            self.fail(format!("name '{text}' is parameter and {what}"), span);
        } else if raw.used.contains(&name) {
            self.fail(
                format!("name '{text}' is used prior to {what} declaration"),
                span,
            );
        } else if raw.bound_set.contains(&name) {
            self.fail(
                format!("name '{text}' is assigned to before {what} declaration"),
                span,
            );
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(targets, value) => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign(t, _, v) => {
                // Like CPython's symtable, the target counts as a store only.
                self.expr(v);
                self.target(t);
            }
            StmtKind::AnnAssign(t, _, v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
                self.target(t);
            }
            StmtKind::If(test, body, orelse) | StmtKind::While(test, body, orelse) => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For(target, iter, body, orelse) => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Def(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.func(f);
                self.raw().bind(f.bind);
            }
            StmtKind::Class(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.arg(b);
                }
                self.with_scope(c.scope, ScopeKind::Class, |this| this.stmts(&c.body));
                self.raw().bind(c.bind);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = h.name {
                        self.raw().bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Raise(e, c) => {
                if let Some(e) = e {
                    self.expr(e);
                }
                if let Some(c) = c {
                    self.expr(c);
                }
            }
            StmtKind::Assert(t, m) => {
                self.expr(t);
                if let Some(m) = m {
                    self.expr(m);
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::Global(names) => {
                for &n in names {
                    self.remember(n);
                    if self.raws[self.cur].kind == Some(ScopeKind::Module) {
                        continue;
                    }
                    self.check_declared_after_use(n, s.span, "global");
                    self.raw().globals.insert(n);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.raws[self.cur].kind == Some(ScopeKind::Module) {
                    self.fail(
                        "nonlocal declaration not allowed at module level".into(),
                        s.span,
                    );
                    return;
                }
                for &n in names {
                    self.remember(n);
                    self.check_declared_after_use(n, s.span, "nonlocal");
                    if self.raws[self.cur].globals.contains(&n) {
                        let text = self.interner.resolve(n).to_string();
                        self.fail(format!("name '{text}' is nonlocal and global"), s.span);
                    }
                    self.raw().nonlocals.push((n, s.span));
                }
            }
            StmtKind::Import(names) => {
                for (path, alias) in names {
                    self.raw().bind(alias.unwrap_or(path[0]));
                }
            }
            StmtKind::ImportFrom(_, names) => {
                for (n, alias) in names {
                    if self.interner.resolve(*n) == "*" {
                        continue;
                    }
                    self.raw().bind(alias.unwrap_or(*n));
                }
            }
            StmtKind::With(items, body) => {
                for (ctx, target) in items {
                    self.expr(ctx);
                    if let Some(t) = target {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
        }
    }

    fn func(&mut self, f: &FuncDef) {
        for p in f
            .params
            .posonly
            .iter()
            .chain(&f.params.args)
            .chain(&f.params.kwonly)
        {
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        self.with_scope(f.scope, ScopeKind::Function, |this| {
            let p = &f.params;
            let mut params: Vec<Symbol> = p.posonly.iter().chain(&p.args).map(|p| p.name).collect();
            params.extend(p.kwonly.iter().map(|p| p.name));
            if let Some(v) = &p.vararg {
                params.push(v.name);
            }
            if let Some(k) = &p.kwarg {
                params.push(k.name);
            }
            for &n in &params {
                this.raw().bind(n);
            }
            this.raw().params = params;
            this.stmts(&f.body);
        });
    }

    fn arg(&mut self, a: &Arg) {
        match a {
            Arg::Pos(e) | Arg::Star(e) | Arg::DoubleStar(e) | Arg::Kw(_, e, _) => self.expr(e),
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.raw().bind(*n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.raw().used.insert(*n);
            }
            ExprKind::Const(_) => {}
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) | ExprKind::Bool(_, v) => {
                for x in v {
                    self.expr(x);
                }
            }
            ExprKind::Dict(kv) => {
                for (k, v) in kv {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Binary(a, _, b) | ExprKind::Subscript(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Unary(_, a) | ExprKind::Starred(a) | ExprKind::Attribute(a, _, _) => {
                self.expr(a)
            }
            ExprKind::Compare(a, rest) => {
                self.expr(a);
                for (_, x) in rest {
                    self.expr(x);
                }
            }
            ExprKind::Call(f, args) => {
                self.expr(f);
                for a in args {
                    self.arg(a);
                }
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(a);
                self.expr(b);
                self.expr(c);
            }
            ExprKind::Lambda(f) => self.func(f),
            ExprKind::Comp {
                kind: _,
                elt,
                value,
                gens,
                scope,
            } => {
                // The first iterable is evaluated in the enclosing scope.
                self.expr(&gens[0].iter);
                let dot0 = self.interner.intern(".0");
                self.with_scope(*scope, ScopeKind::Comprehension, |this| {
                    this.raw().bind(dot0);
                    this.raw().params = vec![dot0];
                    for (i, g) in gens.iter().enumerate() {
                        if i > 0 {
                            this.expr(&g.iter);
                        }
                        this.target(&g.target);
                        for c in &g.ifs {
                            this.expr(c);
                        }
                    }
                    this.expr(elt);
                    if let Some(v) = value {
                        this.expr(v);
                    }
                });
            }
            ExprKind::Yield(v) => {
                self.mark_generator(e.span);
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.mark_generator(e.span);
                self.expr(v);
            }
            ExprKind::Walrus(n, v) => {
                self.expr(v);
                // Binds in the nearest enclosing function or module scope.
                let mut s = self.cur;
                while self.raws[s].kind == Some(ScopeKind::Comprehension) {
                    let parent = self.raws[s].parent.unwrap();
                    if self.raws[parent].kind == Some(ScopeKind::Module) {
                        self.raws[s].globals.insert(*n);
                    } else if !self.raws[s].nonlocals.iter().any(|(x, _)| x == n) {
                        self.raws[s].nonlocals.push((*n, e.span));
                    }
                    s = parent;
                }
                self.raws[s].bind(*n);
                if s != self.cur {
                    self.raw().bind(*n);
                }
            }
        }
    }

    fn mark_generator(&mut self, span: Span) {
        match self.raws[self.cur].kind {
            Some(ScopeKind::Module) | Some(ScopeKind::Class) => {
                self.fail("'yield' outside function".into(), span)
            }
            Some(ScopeKind::Comprehension) => {
                self.fail("'yield' inside list comprehension".into(), span)
            }
            _ => self.raw().generator = true,
        }
    }

    fn fparts(&mut self, parts: &[FPart]) {
        for p in parts {
            if let FPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                if let Some(s) = spec {
                    self.fparts(s);
                }
            }
        }
    }
}
