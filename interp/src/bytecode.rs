//! The instruction set, compiled code objects, and the disassembler.
//!
//! The VM is a stack machine. A frame's slots are laid out as
//! `[locals | cells | free variables | operand stack]`; arguments are passed
//! in place (the caller's pushed arguments become the callee's first locals),
//! so a call copies nothing. Jump targets are absolute instruction indices.
//! Exceptions use a zero-cost exception table (CPython 3.11's scheme): no
//! instruction runs on entering a `try`; the unwinder looks the faulting
//! instruction up in `Code::exc_table`.
//!
//! Each `Op` documents its stack effect as `(before -- after)`.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::intern::{Names, Symbol};

/// One instruction. Four bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `( -- )` Does nothing.
    Nop,
    /// `(a -- )` Discards the top of the stack.
    Pop,
    /// `(a -- a a)`.
    Dup,
    /// `(a b -- a b a b)`.
    Dup2,
    /// `(a b -- b a)`.
    Swap,
    /// `(a b c -- c a b)` Moves the top below the next two.
    Rot3,
    /// `(a b c d -- d a b c)` Moves the top below the next three.
    Rot4,
    /// `( -- consts[i])`.
    LoadConst(u16),
    /// `( -- None)`.
    LoadNone,
    /// `( -- i)` A small int operand.
    LoadInt(i16),
    /// `( -- slot[i])` Raises `UnboundLocalError` if unbound.
    LoadLocal(u16),
    /// `(v -- )` slot[i] = v.
    StoreLocal(u16),
    /// `( -- )` Unbinds slot[i]; `UnboundLocalError` if unbound.
    DeleteLocal(u16),
    /// `( -- cell.value)` slot[i] holds a cell.
    LoadDeref(u16),
    /// `(v -- )` cell.value = v.
    StoreDeref(u16),
    /// `( -- )` Empties the cell.
    DeleteDeref(u16),
    /// `( -- cell)` Pushes the cell in slot[i] (to build a closure).
    LoadClosure(u16),
    /// `( -- )` Wraps slot[i] in a new cell (at function entry).
    MakeCell(u16),
    /// `( -- global)` Module global by slot operand `globals[i]`, falling
    /// back to builtins; `NameError` if neither.
    LoadGlobal(u16),
    /// `(v -- )` Sets a module global.
    StoreGlobal(u16),
    /// `( -- )` Unbinds a module global; `NameError` if unbound.
    DeleteGlobal(u16),
    /// `( -- v)` Class-body name lookup: namespace, then globals, builtins.
    LoadName(u16),
    /// `(v -- )` Class-body store into the namespace.
    StoreName(u16),
    /// `( -- )` Class-body delete from the namespace.
    DeleteName(u16),
    /// `(obj -- obj.name)`.
    LoadAttr(u16),
    /// `(v obj -- )` obj.name = v.
    StoreAttr(u16),
    /// `(obj -- )` del obj.name.
    DeleteAttr(u16),
    /// `(obj -- meth self)` or `(obj -- attr Undef)`: prepares a method call
    /// without allocating a bound method.
    LoadMethod(u16),
    /// `(obj key -- obj[key])`.
    Subscr,
    /// `(v obj key -- )` obj[key] = v.
    StoreSubscr,
    /// `(obj key -- )` del obj[key].
    DeleteSubscr,
    /// `(start stop -- slice)` or, with 3, `(start stop step -- slice)`.
    BuildSlice(u8),
    /// `(obj start stop step -- obj[start:stop:step])`: a load of a slice
    /// without a slice object.
    SubscrSlice,
    /// `(a b -- a+b)`.
    Add,
    /// `(a b -- a-b)`.
    Sub,
    /// `(a b -- a*b)`.
    Mul,
    /// `(a b -- a/b)`.
    TrueDiv,
    /// `(a b -- a//b)`.
    FloorDiv,
    /// `(a b -- a%b)`.
    Mod,
    /// `(a b -- a**b)`.
    Pow,
    /// `(a b -- a<<b)`.
    LShift,
    /// `(a b -- a>>b)`.
    RShift,
    /// `(a b -- a&b)`.
    BitAnd,
    /// `(a b -- a|b)`.
    BitOr,
    /// `(a b -- a^b)`.
    BitXor,
    /// `(a b -- a@b)`.
    MatMul,
    /// `(a b -- a+=b)` In place for lists.
    InplaceAdd,
    /// `(a b -- a op= b)` Other augmented assignments; operand is a
    /// `BinaryKind` index.
    Inplace(u8),
    /// `(a -- -a)`.
    Neg,
    /// `(a -- +a)`.
    Pos,
    /// `(a -- not a)`.
    Not,
    /// `(a -- ~a)`.
    Invert,
    /// `(a b -- a<b)`.
    Lt,
    /// `(a b -- a<=b)`.
    Le,
    /// `(a b -- a==b)`.
    Eq,
    /// `(a b -- a!=b)`.
    Ne,
    /// `(a b -- a>b)`.
    Gt,
    /// `(a b -- a>=b)`.
    Ge,
    /// `(a b -- a is b)`.
    Is,
    /// `(a b -- a is not b)`.
    IsNot,
    /// `(a b -- a in b)`.
    In,
    /// `(a b -- a not in b)`.
    NotIn,
    /// `( -- )` pc = target.
    Jump(u16),
    /// `( -- )` pc = target, backwards: the loop back edge (line events fire
    /// here).
    JumpBack(u16),
    /// `(v -- )` Jump if `v` is false.
    PopJumpIfFalse(u16),
    /// `(v -- )` Jump if `v` is true.
    PopJumpIfTrue(u16),
    /// `(v -- )` Jump backwards if `v` is true (bottom-tested loops).
    PopJumpBackIfTrue(u16),
    /// `(v -- v)` if false, jump keeping `v`; else pop it.
    JumpIfFalseOrPop(u16),
    /// `(v -- v)` if true, jump keeping `v`; else pop it.
    JumpIfTrueOrPop(u16),
    /// `(a b -- )` Jump unless `a < b` (fused compare and branch).
    JumpIfNotLt(u16),
    /// `(a b -- )` Jump unless `a <= b`.
    JumpIfNotLe(u16),
    /// `(a b -- )` Jump unless `a > b`.
    JumpIfNotGt(u16),
    /// `(a b -- )` Jump unless `a >= b`.
    JumpIfNotGe(u16),
    /// `(a b -- )` Jump unless `a == b`.
    JumpIfNotEq(u16),
    /// `(a b -- )` Jump unless `a != b`.
    JumpIfNotNe(u16),
    /// `(obj -- iter)`.
    GetIter,
    /// `(iter -- iter item)`, or when exhausted `(iter -- )` and jump.
    ForIter(u16),
    /// `(f a1..an -- result)`.
    Call(u16),
    /// `(f a1..an -- result)` The last `kwnames.len()` arguments are keyword
    /// arguments; `consts[k]` is the tuple of their names.
    CallKw(u8, u16),
    /// `(meth self a1..an -- result)` After `LoadMethod`.
    CallMethod(u16),
    /// `(meth self a1..an -- result)` After `LoadMethod`, with keywords.
    CallMethodKw(u8, u16),
    /// `(f args kwargs? -- result)` `f(*args, **kwargs)`; operand 1 when a
    /// kwargs dict is present.
    CallEx(u8),
    /// `(defaults? kwdefaults? closure? code -- function)` Flags: 1 =
    /// defaults tuple, 2 = kwdefaults dict, 4 = closure tuple.
    MakeFunction(u8),
    /// `(v -- )` Returns `v` from the frame.
    Return,
    /// `(a1..an -- list)`.
    BuildList(u16),
    /// `(a1..an -- tuple)`.
    BuildTuple(u16),
    /// `(k1 v1 .. kn vn -- dict)`.
    BuildDict(u16),
    /// `(s1..sn -- s)` Concatenates strings (f-strings).
    BuildString(u16),
    /// `(v -- str)` or `(v spec -- str)`: formats for an f-string. Flags:
    /// low 2 bits conversion (0 none, 1 str, 2 repr, 3 ascii), 4 = has spec.
    FormatValue(u8),
    /// `(list ... v -- list ...)` Appends to the list `n` below the top.
    ListAppend(u16),
    /// `(list ... it -- list ...)` Extends the list `n` below.
    ListExtend(u16),
    /// `(dict ... k v -- dict ...)` Sets in the dict `n` below.
    MapAdd(u16),
    /// `(dict ... m -- dict ...)` Updates the dict `n` below from a mapping.
    DictUpdate(u16),
    /// `(f args dict ... m -- f args dict ...)` Merges mapping `m` into the
    /// keyword dict `n` below, for a call `f(**m)`: duplicate keys are an
    /// error naming `f`.
    DictMerge(u16),
    /// `(list -- tuple)`.
    ListToTuple,
    /// `(seq -- vn..v1)` Unpacks exactly `n` items (first on top).
    UnpackSequence(u16),
    /// `(seq -- after.. list before..)` Unpacks with a starred target:
    /// `before` items, a list of the rest, `after` items.
    UnpackEx(u8, u8),
    /// `(exc -- prev exc)` Enters an `except`/`finally` handler: saves the
    /// exception being handled and makes `exc` the current one.
    PushExcInfo,
    /// `(prev -- )` Leaves a handler: restores the previously handled
    /// exception.
    PopExcept,
    /// `(exc type -- exc matched)` Does `exc` match the `except` clause?
    CheckExcMatch,
    /// `(exc -- )` Re-raises `exc` without adding a traceback entry.
    Reraise,
    /// `( -- )` Bare `raise`: re-raises the exception being handled.
    RaiseCurrent,
    /// `(exc -- )` `raise exc`.
    Raise,
    /// `(exc cause -- )` `raise exc from cause`.
    RaiseFrom,
    /// `( -- AssertionError)`.
    LoadAssertionError,
    /// `( -- module)` Imports a module by `names[i]`.
    ImportName(u16),
    /// `(module -- module attr)` `from module import names[i]`.
    ImportFrom(u16),
    /// `(module -- )` `from module import *` into the current namespace.
    ImportStar,
    /// `(mgr -- exit enter_result)` Enters a `with` block.
    BeforeWith,
    /// `(exit prev exc -- exit prev exc result)` Calls `exit(type, exc, tb)`.
    WithExceptStart,
    /// `(v -- sent)` Suspends a generator, yielding `v`.
    Yield,
    /// `(iter -- iter)` Prepares `yield from`: turns the operand into an
    /// iterator.
    GetYieldFromIter,
    /// `(iter sent -- iter item)` or on completion `(iter sent -- value)` and
    /// jump: one step of `yield from`.
    YieldFromStep(u16),
    /// `(body name bases.. -- class)` Builds a class from its body function.
    BuildClass(u16),

    // Superinstructions. The compiler never emits these; `fuse` writes
    // them into `Code::fused`. Each replaces the first of the plain
    // instructions it stands for, which stay in place after it ("shadows"),
    // so instruction indices, jump targets, positions and the exception
    // table are the same in both streams. A superinstruction runs the
    // common typed case of its whole sequence in one dispatch; in any other
    // case it runs just the plain instruction it replaced, and the shadows
    // follow.
    /// `LoadLocal a; LoadLocal b`.
    LoadLocal2(u8, u8),
    /// `LoadLocal a; LoadConst c`.
    LoadLocalConst(u8, u16),
    /// `StoreLocal a; LoadLocal b`.
    StoreLoadLocal(u8, u8),
    /// `LoadGlobal a; LoadGlobal b`.
    LoadGlobal2(u8, u8),
    /// `LoadGlobal a; LoadConst c`.
    LoadGlobalConst(u8, u16),
    /// `StoreGlobal a; LoadGlobal b`.
    StoreLoadGlobal(u8, u8),
    /// `LoadConst c; ARITH`, where ARITH is an arithmetic instruction
    /// [`arith_kind`] knows; the first operand is its kind.
    ArithConst(u8, u16),
    /// `LoadLocal a; ARITH` (kind, a).
    ArithLocal(u8, u8),
    /// `LoadLocal a; LoadLocal b; ARITH` (kind, a, b).
    ArithLocals(u8, u8, u8),
    /// `LoadLocal a; LoadConst c; ARITH` (the kind is the shadow's).
    ArithLocalConst(u8, u16),
    /// `ARITH; StoreLocal x` (kind, x).
    ArithStoreLocal(u8, u8),
    /// `ARITH; StoreGlobal g` (kind, g).
    ArithStoreGlobal(u8, u8),
    /// `LoadLocal a; LoadLocal b; StoreSubscr`: `a[b] = top`.
    StoreSubscrLocals(u8, u8),
    /// `LoadLocal a; LoadLocal b; JUMP_IF_NOT_cmp t`.
    JumpIfNotLocals(u8, u8),
    /// `LoadLocal a; LoadConst c; JUMP_IF_NOT_cmp t`.
    JumpIfNotLocalConst(u8, u16),
    /// `ForIter exit; StoreLocal x` over a range, list, tuple or ASCII str.
    ForIterLocal(u8, u16),
    /// `ForIter exit; StoreGlobal g` over a range, list, tuple or ASCII str.
    ForIterGlobal(u8, u16),
    /// `JumpBack t` where `t` holds a `ForIterLocal`: the next iteration
    /// without the jump's dispatch.
    NextLocal(u16),
    /// `JumpBack t` where `t` holds a `ForIterGlobal`.
    NextGlobal(u16),
    /// `JumpIfNotLt next; JumpBack t`: a loop's bottom test.
    LoopIfLt(u16),
    /// `JumpIfNotLe next; JumpBack t`.
    LoopIfLe(u16),
    /// `JumpIfNotGt next; JumpBack t`.
    LoopIfGt(u16),
    /// `JumpIfNotGe next; JumpBack t`.
    LoopIfGe(u16),
    /// `JumpIfNotEq next; JumpBack t`.
    LoopIfEq(u16),
    /// `JumpIfNotNe next; JumpBack t`.
    LoopIfNe(u16),
    /// `PopJumpIfFalse next; JumpBack t`.
    LoopIfTrue(u16),
    /// `LoadLocal a; LoadLocal b; JUMP_IF_NOT_cmp next; JumpBack t`.
    LoopIfLocals(u8, u8),
    /// `LoadLocal a; LoadConst c; JUMP_IF_NOT_cmp next; JumpBack t`.
    LoopIfLocalConst(u8, u16),
    /// `LoadGlobal a; LoadConst c; JUMP_IF_NOT_cmp next; JumpBack t`.
    LoopIfGlobalConst(u8, u16),
}

/// The kind of an arithmetic instruction superinstructions fuse (the VM
/// has fast paths for these on ints and floats). `+=` fuses like `+`: the
/// fast paths never see a list.
pub fn arith_kind(op: Op) -> Option<BinaryKind> {
    use Op::*;
    let kind = match op {
        Add | InplaceAdd => BinaryKind::Add,
        Sub => BinaryKind::Sub,
        Mul => BinaryKind::Mul,
        TrueDiv => BinaryKind::TrueDiv,
        FloorDiv => BinaryKind::FloorDiv,
        Mod => BinaryKind::Mod,
        Inplace(k) => BinaryKind::ALL[k as usize],
        _ => return None,
    };
    matches!(
        kind,
        BinaryKind::Add
            | BinaryKind::Sub
            | BinaryKind::Mul
            | BinaryKind::TrueDiv
            | BinaryKind::FloorDiv
            | BinaryKind::Mod
    )
    .then_some(kind)
}

/// Whether `op` is a fused compare and branch (`JumpIfNotLt`...).
pub fn is_compare_jump(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        JumpIfNotLt(_)
            | JumpIfNotLe(_)
            | JumpIfNotGt(_)
            | JumpIfNotGe(_)
            | JumpIfNotEq(_)
            | JumpIfNotNe(_)
    )
}

/// Writes the superinstructions into a copy of `ops` (see the
/// superinstruction section of [`Op`]). Greedy, left to right, longest
/// pattern first: a plain instruction is the first of at most one
/// superinstruction.
pub fn fuse(ops: &[Op]) -> Vec<Op> {
    use Op::*;
    let mut out = ops.to_vec();
    // Shadows must stay plain: superinstructions read their operands.
    let mut shadow = vec![false; ops.len()];
    let small = |i: u16| u8::try_from(i).ok();
    let at = |i: usize| ops.get(i).copied().unwrap_or(Nop);
    let mut k = 0;
    while k < ops.len() {
        // A loop's bottom test `JUMP_IF_NOT_cmp` to just past the
        // `JumpBack` that follows it.
        let loop_test = |j: usize| {
            is_compare_jump(at(j))
                && jump_target(&at(j)) == Some(j as u32 + 2)
                && matches!(at(j + 1), JumpBack(_))
        };
        let (a, b, c) = (at(k), at(k + 1), at(k + 2));
        let kind = |op: Op| arith_kind(op).map(|kind| kind as u8);
        let fused: Option<(Op, usize)> = match (a, b) {
            (LoadLocal(x), LoadLocal(y)) if small(x).is_some() && small(y).is_some() => {
                let (x, y) = (x as u8, y as u8);
                if loop_test(k + 2) {
                    Some((LoopIfLocals(x, y), 4))
                } else if is_compare_jump(c) {
                    Some((JumpIfNotLocals(x, y), 3))
                } else if c == StoreSubscr {
                    Some((StoreSubscrLocals(x, y), 3))
                } else if let Some(kind) = kind(c) {
                    Some((ArithLocals(kind, x, y), 3))
                } else {
                    Some((LoadLocal2(x, y), 2))
                }
            }
            (LoadLocal(x), LoadConst(v)) if small(x).is_some() => {
                let x = x as u8;
                if loop_test(k + 2) {
                    Some((LoopIfLocalConst(x, v), 4))
                } else if is_compare_jump(c) {
                    Some((JumpIfNotLocalConst(x, v), 3))
                } else if kind(c).is_some() {
                    Some((ArithLocalConst(x, v), 3))
                } else {
                    Some((LoadLocalConst(x, v), 2))
                }
            }
            (LoadLocal(x), op) if small(x).is_some() && kind(op).is_some() => {
                Some((ArithLocal(kind(op).unwrap(), x as u8), 2))
            }
            (StoreLocal(x), LoadLocal(y)) => small(x)
                .zip(small(y))
                .map(|(x, y)| (StoreLoadLocal(x, y), 2)),
            (LoadGlobal(x), LoadGlobal(y)) => {
                small(x).zip(small(y)).map(|(x, y)| (LoadGlobal2(x, y), 2))
            }
            (LoadGlobal(x), LoadConst(v)) if small(x).is_some() => {
                if loop_test(k + 2) {
                    Some((LoopIfGlobalConst(x as u8, v), 4))
                } else {
                    Some((LoadGlobalConst(x as u8, v), 2))
                }
            }
            (StoreGlobal(x), LoadGlobal(y)) => small(x)
                .zip(small(y))
                .map(|(x, y)| (StoreLoadGlobal(x, y), 2)),
            (LoadConst(v), op) if kind(op).is_some() => Some((ArithConst(kind(op).unwrap(), v), 2)),
            (op, StoreLocal(x)) if small(x).is_some() && kind(op).is_some() => {
                Some((ArithStoreLocal(kind(op).unwrap(), x as u8), 2))
            }
            (op, StoreGlobal(g)) if small(g).is_some() && kind(op).is_some() => {
                Some((ArithStoreGlobal(kind(op).unwrap(), g as u8), 2))
            }
            (ForIter(t), StoreLocal(x)) => small(x).map(|x| (ForIterLocal(x, t), 2)),
            (ForIter(t), StoreGlobal(g)) => small(g).map(|g| (ForIterGlobal(g, t), 2)),
            (JumpIfNotLt(_), JumpBack(t)) if loop_test(k) => Some((LoopIfLt(t), 2)),
            (JumpIfNotLe(_), JumpBack(t)) if loop_test(k) => Some((LoopIfLe(t), 2)),
            (JumpIfNotGt(_), JumpBack(t)) if loop_test(k) => Some((LoopIfGt(t), 2)),
            (JumpIfNotGe(_), JumpBack(t)) if loop_test(k) => Some((LoopIfGe(t), 2)),
            (JumpIfNotEq(_), JumpBack(t)) if loop_test(k) => Some((LoopIfEq(t), 2)),
            (JumpIfNotNe(_), JumpBack(t)) if loop_test(k) => Some((LoopIfNe(t), 2)),
            (PopJumpIfFalse(n), JumpBack(t)) if n as usize == k + 2 => Some((LoopIfTrue(t), 2)),
            _ => None,
        };
        match fused {
            Some((f, width)) => {
                out[k] = f;
                shadow[k + 1..k + width].fill(true);
                k += width;
            }
            None => k += 1,
        }
    }
    // Loop back edges straight into the fused `for` loops they return to.
    for k in 0..out.len() {
        if shadow[k] {
            continue;
        }
        if let JumpBack(t) = out[k] {
            match out[t as usize] {
                ForIterLocal(..) => out[k] = NextLocal(t),
                ForIterGlobal(..) => out[k] = NextGlobal(t),
                _ => {}
            }
        }
    }
    out
}

/// Binary operator kinds for `Op::Inplace` and error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryKind {
    /// `+`
    Add = 0,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `@`
    MatMul,
}

impl BinaryKind {
    /// All kinds by index.
    pub const ALL: [BinaryKind; 13] = [
        BinaryKind::Add,
        BinaryKind::Sub,
        BinaryKind::Mul,
        BinaryKind::TrueDiv,
        BinaryKind::FloorDiv,
        BinaryKind::Mod,
        BinaryKind::Pow,
        BinaryKind::LShift,
        BinaryKind::RShift,
        BinaryKind::BitAnd,
        BinaryKind::BitOr,
        BinaryKind::BitXor,
        BinaryKind::MatMul,
    ];

    /// The operator symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryKind::Add => "+",
            BinaryKind::Sub => "-",
            BinaryKind::Mul => "*",
            BinaryKind::TrueDiv => "/",
            BinaryKind::FloorDiv => "//",
            BinaryKind::Mod => "%",
            BinaryKind::Pow => "**",
            BinaryKind::LShift => "<<",
            BinaryKind::RShift => ">>",
            BinaryKind::BitAnd => "&",
            BinaryKind::BitOr => "|",
            BinaryKind::BitXor => "^",
            BinaryKind::MatMul => "@",
        }
    }
}

/// A compile-time constant.
#[derive(Debug, Clone)]
pub enum Const {
    /// `None`.
    None,
    /// A bool.
    Bool(bool),
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(Box<str>),
    /// `...`.
    Ellipsis,
    /// A tuple of constants (keyword-name tuples, constant tuples).
    Tuple(Box<[Const]>),
    /// A nested code object (function, lambda, comprehension, class body).
    Code(Arc<Code>),
}

/// Source range of an instruction: lines 1-based, columns as 0-based byte
/// offsets within their lines (CPython's `co_positions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// First line.
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// Start column.
    pub col: u32,
    /// End column (exclusive).
    pub end_col: u32,
}

/// One exception-table entry: instructions `start..end` are protected by the
/// handler at `handler`, entered with the operand stack cut to `depth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExcEntry {
    /// First protected instruction.
    pub start: u32,
    /// One past the last protected instruction.
    pub end: u32,
    /// Handler address.
    pub handler: u32,
    /// Operand-stack depth to restore before pushing the exception.
    pub depth: u32,
}

/// Flags of a code object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeFlags {
    /// Has `*args`.
    pub varargs: bool,
    /// Has `**kwargs`.
    pub varkw: bool,
    /// Is a generator function.
    pub generator: bool,
    /// Is a class body (names live in a namespace).
    pub class_body: bool,
    /// Is module-level code.
    pub module: bool,
    /// Is a comprehension body.
    pub comprehension: bool,
    /// Is a lambda.
    pub lambda: bool,
}

/// Compiled code of one function, lambda, comprehension, class body or
/// module.
#[derive(Debug)]
pub struct Code {
    /// `co_name`.
    pub name: Symbol,
    /// `co_qualname`.
    pub qualname: String,
    /// Instructions.
    pub ops: Vec<Op>,
    /// `ops` with superinstructions (see [`fuse`]): what the VM runs
    /// unless it is tracing.
    pub fused: Vec<Op>,
    /// Source range of each instruction.
    pub positions: Vec<Position>,
    /// One bit per instruction of `ops`: where a host line hook may have
    /// an event due (see [`trace_stops`]).
    pub trace_stops: Vec<u64>,
    /// Constants.
    pub consts: Vec<Const>,
    /// Attribute and class-body names.
    pub names: Vec<Symbol>,
    /// Global names (operands of the global ops).
    pub globals: Vec<Symbol>,
    /// Names of all slots: parameters, other locals, cells, free variables.
    pub slot_names: Vec<Symbol>,
    /// Number of local slots (parameters first).
    pub nlocals: u16,
    /// Number of cell slots after the locals that are not parameters.
    pub ncells: u16,
    /// Number of free-variable slots after the cells.
    pub nfrees: u16,
    /// Positional parameters (including positional-only).
    pub argcount: u16,
    /// Positional-only parameters.
    pub posonly: u16,
    /// Keyword-only parameters.
    pub kwonly: u16,
    /// Flags.
    pub flags: CodeFlags,
    /// Maximum operand-stack depth.
    pub stack_size: u32,
    /// Exception table, sorted by `start`.
    pub exc_table: Vec<ExcEntry>,
    /// Line of the `def` (or 1 for modules).
    pub first_line: u32,
}

impl Code {
    /// Slots a frame of this code needs besides its operand stack.
    pub fn nslots(&self) -> usize {
        self.nlocals as usize + self.ncells as usize + self.nfrees as usize
    }

    /// Slots a frame of this code needs in all.
    pub fn frame_size(&self) -> usize {
        self.nslots() + self.stack_size as usize
    }

    /// The handler covering instruction `pc`, if any.
    pub fn find_handler(&self, pc: u32) -> Option<ExcEntry> {
        // Entries nest innermost-last for the same start; the table is small.
        self.exc_table
            .iter()
            .rev()
            .find(|e| e.start <= pc && pc < e.end)
            .copied()
    }

    /// Whether instruction `pc` is one of the [`trace_stops`].
    #[inline]
    pub fn is_trace_stop(&self, pc: usize) -> bool {
        self.trace_stops
            .get(pc / 64)
            .map_or(true, |w| w & (1 << (pc % 64)) != 0)
    }

    /// Line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.positions.get(pc).map_or(self.first_line, |p| p.line)
    }

    /// The line of instruction `pc` for reports: an instruction without a
    /// line of its own (an artificial jump or return reached from several
    /// places) reports the nearest line before it.
    pub fn line_near(&self, pc: usize) -> u32 {
        let upto = (pc + 1).min(self.positions.len());
        self.positions[..upto]
            .iter()
            .rev()
            .map(|p| p.line)
            .find(|&l| l != 0)
            .unwrap_or(self.first_line)
    }
}

/// The source of a compiled program, kept for tracebacks.
#[derive(Debug)]
pub struct SourceText {
    /// The file name as shown in tracebacks.
    pub filename: String,
    /// The text.
    pub text: String,
}

/// `UPPER_SNAKE` name of an op, as `dis` prints it.
pub fn op_name(op: &Op) -> String {
    let dbg = format!("{op:?}");
    let name = dbg.split('(').next().unwrap_or("");
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => crate::format::float_repr(*f),
        Const::Str(s) => crate::format::str_repr(s),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::Code(code) => format!("<code object {}, line {}>", code.qualname, code.first_line),
    }
}

/// Disassembles `code` and its nested code objects, `python -m dis` style.
pub fn disassemble(code: &Code, names: &Names) -> String {
    let mut out = String::new();
    disassemble_into(code, names, &mut out);
    out
}

fn disassemble_into(code: &Code, names: &Names, out: &mut String) {
    let targets: Vec<u32> = code
        .ops
        .iter()
        .filter_map(jump_target)
        .chain(code.exc_table.iter().map(|e| e.handler))
        .collect();
    let mut last_line = 0;
    for (pc, op) in code.ops.iter().enumerate() {
        let line = code.positions[pc].line;
        if line != last_line && line != 0 {
            if pc > 0 {
                out.push('\n');
            }
            let _ = write!(out, "{line:>4} ");
            last_line = line;
        } else {
            out.push_str("     ");
        }
        let marker = if targets.contains(&(pc as u32)) {
            ">>"
        } else {
            "  "
        };
        let name = op_name(op);
        let (arg, note) = describe_arg(code, names, op);
        let _ = write!(out, "    {marker} {:>4} {name:<22}", pc);
        if let Some(a) = arg {
            let _ = write!(out, " {a:>3}");
            if let Some(n) = note {
                let _ = write!(out, " ({n})");
            }
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    if !code.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exc_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]",
                e.start,
                e.end.saturating_sub(1),
                e.handler,
                e.depth
            );
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            let _ = write!(
                out,
                "\nDisassembly of <code object {}, line {}>:\n",
                inner.qualname, inner.first_line
            );
            disassemble_into(inner, names, out);
        }
    }
}

/// The instructions of `ops` before which a line-event trace hook may
/// have something to report, as a bitmap: the first instruction, every
/// instruction whose line differs from the one before it, every place
/// control lands other than by falling through (jump targets, exception
/// handlers, the resumption point after a `yield`), every backward jump
/// (so that landing on its target counts as a new line), and every
/// `return` and `yield`. Any other instruction is only reached by falling
/// through from the one before it, on the same line, and can have no
/// event: the VM runs it without leaving its dispatch loop.
pub fn trace_stops(ops: &[Op], positions: &[Position], exc_table: &[ExcEntry]) -> Vec<u64> {
    let mut stops = vec![0u64; ops.len().div_ceil(64)];
    let mut mark = |pc: usize| {
        if pc < ops.len() {
            stops[pc / 64] |= 1 << (pc % 64);
        }
    };
    let line = |pc: usize| positions.get(pc).map(|p| p.line);
    mark(0);
    for (pc, op) in ops.iter().enumerate() {
        if pc > 0 && line(pc) != line(pc - 1) {
            mark(pc);
        }
        if let Some(t) = jump_target(op) {
            mark(t as usize);
            if t as usize <= pc {
                mark(pc);
            }
        }
        if matches!(op, Op::Return | Op::Yield | Op::YieldFromStep(_)) {
            mark(pc);
            mark(pc + 1);
        }
    }
    for e in exc_table {
        mark(e.handler as usize);
    }
    stops
}

/// The jump target of a jump op.
pub fn jump_target(op: &Op) -> Option<u32> {
    use Op::*;
    match *op {
        Jump(t) | JumpBack(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpBackIfTrue(t)
        | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | JumpIfNotLt(t) | JumpIfNotLe(t)
        | JumpIfNotGt(t) | JumpIfNotGe(t) | JumpIfNotEq(t) | JumpIfNotNe(t) | ForIter(t)
        | YieldFromStep(t) => Some(t as u32),
        _ => None,
    }
}

fn describe_arg(code: &Code, names: &Names, op: &Op) -> (Option<String>, Option<String>) {
    use Op::*;
    let slot = |i: u16| {
        code.slot_names
            .get(i as usize)
            .map(|s| names.resolve(*s).to_string())
            .unwrap_or_default()
    };
    let name = |i: u16| {
        code.names
            .get(i as usize)
            .map(|s| names.resolve(*s).to_string())
            .unwrap_or_default()
    };
    let global = |i: u16| {
        code.globals
            .get(i as usize)
            .map(|s| names.resolve(*s).to_string())
            .unwrap_or_default()
    };
    let konst = |i: u16| {
        code.consts
            .get(i as usize)
            .map(const_repr)
            .unwrap_or_default()
    };
    match *op {
        LoadConst(i) => (Some(i.to_string()), Some(konst(i))),
        LoadInt(i) => (Some(i.to_string()), None),
        LoadLocal(i) | StoreLocal(i) | DeleteLocal(i) | LoadDeref(i) | StoreDeref(i)
        | DeleteDeref(i) | LoadClosure(i) | MakeCell(i) => (Some(i.to_string()), Some(slot(i))),
        LoadLocal2(a, b) => (
            Some(format!("{a},{b}")),
            Some(format!("{}, {}", slot(a as u16), slot(b as u16))),
        ),
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) => (Some(i.to_string()), Some(global(i))),
        LoadName(i) | StoreName(i) | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i)
        | LoadMethod(i) | ImportName(i) | ImportFrom(i) => (Some(i.to_string()), Some(name(i))),
        CallKw(n, k) | CallMethodKw(n, k) => {
            (Some(n.to_string()), Some(format!("kwnames={}", konst(k))))
        }
        Inplace(k) => (
            Some(k.to_string()),
            Some(format!("{}=", BinaryKind::ALL[k as usize].symbol())),
        ),
        BuildSlice(n) | CallEx(n) | MakeFunction(n) | FormatValue(n) => (Some(n.to_string()), None),
        UnpackEx(a, b) => (Some(format!("{a},{b}")), None),
        Call(n) | CallMethod(n) | BuildList(n) | BuildTuple(n) | BuildDict(n) | BuildString(n)
        | ListAppend(n) | ListExtend(n) | MapAdd(n) | DictMerge(n) | DictUpdate(n)
        | UnpackSequence(n) | BuildClass(n) => (Some(n.to_string()), None),
        _ => match jump_target(op) {
            Some(t) => (Some(t.to_string()), Some(format!("to {t}"))),
            None => (None, None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_is_four_bytes() {
        assert_eq!(std::mem::size_of::<Op>(), 4);
    }

    #[test]
    fn op_names_are_upper_snake() {
        assert_eq!(op_name(&Op::LoadConst(3)), "LOAD_CONST");
        assert_eq!(op_name(&Op::JumpIfNotLt(3)), "JUMP_IF_NOT_LT");
    }
}
