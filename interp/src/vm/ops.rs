//! Operator semantics: arithmetic, comparison, truthiness, hashing and
//! membership for every builtin type, with guest special methods
//! (`__add__`, `__eq__`, ...) for instances. The dispatch loop handles the
//! int/int and float/float cases inline and calls these for the rest.

use crate::bytecode::BinaryKind;
use crate::dict::{hash_value, int_float_eq, KeyHash};
use crate::gc::Gc;
use crate::intern::{sym, Symbol};
use crate::object::*;
use crate::value::Value;

use super::{ExcKind, Vm, VmResult};

/// Comparison operators for `compare`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl Cmp {
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }

    fn method(self) -> Symbol {
        match self {
            Cmp::Lt => sym::LT,
            Cmp::Le => sym::LE,
            Cmp::Eq => sym::EQ,
            Cmp::Ne => sym::NE,
            Cmp::Gt => sym::GT,
            Cmp::Ge => sym::GE,
        }
    }

    fn reflected(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Gt,
            Cmp::Le => Cmp::Ge,
            Cmp::Eq => Cmp::Eq,
            Cmp::Ne => Cmp::Ne,
            Cmp::Gt => Cmp::Lt,
            Cmp::Ge => Cmp::Le,
        }
    }

    fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Cmp::Lt => ord == Less,
            Cmp::Le => ord != Greater,
            Cmp::Eq => ord == Equal,
            Cmp::Ne => ord != Equal,
            Cmp::Gt => ord == Greater,
            Cmp::Ge => ord != Less,
        }
    }
}

fn method_names(kind: BinaryKind) -> (Symbol, Symbol, Symbol) {
    use BinaryKind::*;
    match kind {
        Add => (sym::ADD, sym::RADD, sym::IADD),
        Sub => (sym::SUB, sym::RSUB, sym::ISUB),
        Mul => (sym::MUL, sym::RMUL, sym::IMUL),
        TrueDiv => (sym::TRUEDIV, sym::RTRUEDIV, sym::ITRUEDIV),
        FloorDiv => (sym::FLOORDIV, sym::RFLOORDIV, sym::IFLOORDIV),
        Mod => (sym::MOD, sym::RMOD, sym::IMOD),
        Pow => (sym::POW, sym::RPOW, sym::IPOW),
        LShift => (sym::LSHIFT, sym::RLSHIFT, sym::ILSHIFT),
        RShift => (sym::RSHIFT, sym::RRSHIFT, sym::IRSHIFT),
        BitAnd => (sym::AND, sym::RAND, sym::IAND),
        BitOr => (sym::OR, sym::ROR, sym::IOR),
        BitXor => (sym::XOR, sym::RXOR, sym::IXOR),
        MatMul => (sym::MATMUL, sym::RMATMUL, sym::IMATMUL),
    }
}

/// A number as the arithmetic rules see it.
#[derive(Clone, Copy)]
enum Num {
    I(i64),
    F(f64),
}

fn as_num(v: Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(i)),
        Value::Bool(b) => Some(Num::I(b as i64)),
        Value::Float(f) => Some(Num::F(f)),
        _ => None,
    }
}

/// Python's floor division and modulo for ints; `None` on division by zero,
/// `Some(None)` on overflow.
pub(crate) fn int_floordiv(a: i64, b: i64) -> Option<Option<i64>> {
    if b == 0 {
        return None;
    }
    if a == i64::MIN && b == -1 {
        return Some(None);
    }
    let q = a / b;
    let r = a % b;
    Some(Some(if r != 0 && ((r < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }))
}

/// Python's int modulo (sign of the divisor); `None` on division by zero.
pub(crate) fn int_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    if b == -1 {
        return Some(0);
    }
    let r = a % b;
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// Python's float modulo.
pub(crate) fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// Python's float floor division (CPython's `float_floor_div`).
pub(crate) fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

/// int ** int for a non-negative exponent, `None` on overflow.
pub(crate) fn int_pow(mut base: i64, mut exp: i64) -> Option<i64> {
    let mut acc: i64 = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc.checked_mul(base)?;
        }
        exp >>= 1;
        if exp > 0 {
            base = base.checked_mul(base)?;
        }
    }
    Some(acc)
}

/// int / int, correctly rounded when both fit in a double's mantissa.
pub(crate) fn int_truediv(a: i64, b: i64) -> f64 {
    const EXACT: u64 = 1 << 53;
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        a as f64 / b as f64
    } else {
        (a as i128 as f64) / (b as i128 as f64)
    }
}

/// Exact ordering of an int and a float (`None` for NaN).
pub(crate) fn cmp_int_float(i: i64, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.223372036854775808e18 {
        return Some(std::cmp::Ordering::Less);
    }
    if f < -9.223372036854775808e18 {
        return Some(std::cmp::Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i64;
    match i.cmp(&ti) {
        std::cmp::Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

impl Vm {
    // ------------------------------------------------------------ truth

    /// Python truthiness (`bool(v)`).
    #[inline(never)]
    pub fn truthy(&mut self, v: Value) -> VmResult<bool> {
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(d) => !d.dict.is_empty(),
            Value::Instance(_) => {
                if let Some(r) = self.call_method(v, sym::BOOL, &[])? {
                    match r {
                        Value::Bool(b) => b,
                        other => {
                            let msg = format!(
                                "__bool__ should return bool, returned {}",
                                other.type_name()
                            );
                            return Err(self.type_error(&msg));
                        }
                    }
                } else if let Some(r) = self.call_method(v, sym::LEN, &[])? {
                    self.len_result(r)? != 0
                } else {
                    true
                }
            }
            _ => true,
        })
    }

    fn len_result(&mut self, r: Value) -> VmResult<i64> {
        match r {
            Value::Int(i) if i >= 0 => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            other => {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                );
                Err(self.type_error(&msg))
            }
        }
    }

    // ------------------------------------------------------------ arithmetic

    /// `a op b` for every type (the slow path of the arithmetic ops).
    #[inline(never)]
    pub(crate) fn binary_op(&mut self, kind: BinaryKind, a: Value, b: Value) -> VmResult<Value> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return self.num_op(kind, x, y, a, b);
        }
        if let Some(v) = self.builtin_binary(kind, a, b)? {
            return Ok(v);
        }
        // Guest special methods: a.__op__(b), then b.__rop__(a).
        let (m, rm, _) = method_names(kind);
        if let Some(f) = self.lookup_special(a, m) {
            let r = self.call(f, &[a, b])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        // The reflected method is tried only for operands of different
        // types (CPython's `binary_op1`).
        let same_type = match (a, b) {
            (Value::Instance(x), Value::Instance(y)) => Gc::ptr_eq(x.class, y.class),
            _ => false,
        };
        if !same_type {
            if let Some(f) = self.lookup_special(b, rm) {
                let r = self.call(f, &[b, a])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        Err(self.binary_type_error(kind, a, b))
    }

    /// `a op= b`: in place for lists and guest `__iop__`, else `a op b`.
    #[inline(never)]
    pub(crate) fn inplace_op(&mut self, kind: BinaryKind, a: Value, b: Value) -> VmResult<Value> {
        match (kind, a) {
            (BinaryKind::Add, Value::List(l)) => {
                if let Value::List(_) | Value::Tuple(_) = b {
                } else if !self.is_iterable(b) {
                    let msg = format!("'{}' object is not iterable", b.type_name());
                    return Err(self.type_error(&msg));
                }
                let items = self.collect_iter(b)?;
                self.reserve(items.len().saturating_mul(16))?;
                let mut grown = 0;
                l.with_items_mut(|v| {
                    let cap = v.capacity();
                    v.extend_from_slice(&items);
                    grown = (v.capacity() - cap) * 16;
                });
                self.note_growth(grown);
                return Ok(a);
            }
            (BinaryKind::Mul, Value::List(l)) => {
                let n = match b {
                    Value::Int(n) => n,
                    Value::Bool(x) => x as i64,
                    _ => return Err(self.binary_type_error(kind, a, b)),
                };
                let items = l.to_vec();
                // An empty list stays empty however large `n` is (the copy
                // loop would otherwise turn `n` times for nothing).
                let n = if items.is_empty() {
                    0
                } else {
                    n.max(0) as usize
                };
                let total = items.len().saturating_mul(n);
                self.reserve(total.saturating_mul(16))?;
                let mut out = Vec::with_capacity(total);
                self.fill_repeat(&mut out, &items, n)?;
                l.with_items_mut(|v| *v = out);
                self.note_growth(total * 16);
                return Ok(a);
            }
            (_, Value::Instance(_)) => {
                let (_, _, im) = method_names(kind);
                if let Some(f) = self.lookup_special(a, im) {
                    let r = self.call(f, &[a, b])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.binary_op(kind, a, b)
            .map_err(|e| self.inplace_message(e, kind, a, b))
    }

    /// CPython words the type error of `a += b` with `+=`.
    fn inplace_message(
        &mut self,
        e: Box<super::Unwind>,
        kind: BinaryKind,
        a: Value,
        b: Value,
    ) -> Box<super::Unwind> {
        if let super::Unwind::Raise(exc) = &*e {
            let args = self.exc_args(*exc);
            if let Some(Value::Str(s)) = args.first() {
                let plain = format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    kind.symbol(),
                    a.type_name(),
                    b.type_name()
                );
                if s.as_str() == plain {
                    let msg = format!(
                        "unsupported operand type(s) for {}=: '{}' and '{}'",
                        kind.symbol(),
                        a.type_name(),
                        b.type_name()
                    );
                    return self.type_error(&msg);
                }
            }
        }
        e
    }

    fn binary_type_error(&mut self, kind: BinaryKind, a: Value, b: Value) -> Box<super::Unwind> {
        let msg = match (kind, a, b) {
            (BinaryKind::Add, Value::Str(_), _) => {
                format!(
                    "can only concatenate str (not \"{}\") to str",
                    b.type_name()
                )
            }
            (BinaryKind::Add, Value::List(_), _) => {
                format!(
                    "can only concatenate list (not \"{}\") to list",
                    b.type_name()
                )
            }
            (BinaryKind::Add, Value::Tuple(_), _) => {
                format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    b.type_name()
                )
            }
            (BinaryKind::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), _)
                if !matches!(b, Value::Instance(_)) =>
            {
                format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.type_name()
                )
            }
            (BinaryKind::Mul, _, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                if !matches!(a, Value::Instance(_)) && !matches!(a, Value::Float(_)) =>
            {
                format!(
                    "can't multiply sequence by non-int of type '{}'",
                    a.type_name()
                )
            }
            (BinaryKind::Pow, _, _) => format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                a.type_name(),
                b.type_name()
            ),
            _ => format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                kind.symbol(),
                a.type_name(),
                b.type_name()
            ),
        };
        self.type_error(&msg)
    }

    fn num_op(&mut self, kind: BinaryKind, x: Num, y: Num, a: Value, b: Value) -> VmResult<Value> {
        use BinaryKind::*;
        use Num::*;
        let both_bool = matches!((a, b), (Value::Bool(_), Value::Bool(_)));
        match (x, y) {
            (I(p), I(q)) => {
                let r = match kind {
                    Add => p.checked_add(q),
                    Sub => p.checked_sub(q),
                    Mul => p.checked_mul(q),
                    TrueDiv => {
                        if q == 0 {
                            return Err(self.error(ExcKind::ZeroDivisionError, "division by zero"));
                        }
                        return Ok(Value::Float(int_truediv(p, q)));
                    }
                    FloorDiv => match int_floordiv(p, q) {
                        None => {
                            return Err(self.error(
                                ExcKind::ZeroDivisionError,
                                "integer division or modulo by zero",
                            ))
                        }
                        Some(r) => r,
                    },
                    Mod => match int_mod(p, q) {
                        None => {
                            return Err(
                                self.error(ExcKind::ZeroDivisionError, "integer modulo by zero")
                            )
                        }
                        Some(r) => Some(r),
                    },
                    Pow => {
                        if q < 0 {
                            if p == 0 {
                                return Err(self.error(
                                    ExcKind::ZeroDivisionError,
                                    "0.0 cannot be raised to a negative power",
                                ));
                            }
                            return Ok(Value::Float((p as f64).powf(q as f64)));
                        }
                        int_pow(p, q)
                    }
                    LShift => {
                        if q < 0 {
                            return Err(self.value_error("negative shift count"));
                        }
                        if p == 0 {
                            Some(0)
                        } else if q >= 64 {
                            None
                        } else {
                            let r = p << q;
                            if r >> q == p {
                                Some(r)
                            } else {
                                None
                            }
                        }
                    }
                    RShift => {
                        if q < 0 {
                            return Err(self.value_error("negative shift count"));
                        }
                        Some(if q >= 64 {
                            if p < 0 {
                                -1
                            } else {
                                0
                            }
                        } else {
                            p >> q
                        })
                    }
                    BitAnd => {
                        return Ok(if both_bool {
                            Value::Bool(p & q != 0)
                        } else {
                            Value::Int(p & q)
                        });
                    }
                    BitOr => {
                        return Ok(if both_bool {
                            Value::Bool(p | q != 0)
                        } else {
                            Value::Int(p | q)
                        });
                    }
                    BitXor => {
                        return Ok(if both_bool {
                            Value::Bool(p ^ q != 0)
                        } else {
                            Value::Int(p ^ q)
                        });
                    }
                    MatMul => return Err(self.binary_type_error(kind, a, b)),
                };
                match r {
                    Some(v) => Ok(Value::Int(v)),
                    None => Err(self.int_overflow()),
                }
            }
            _ => {
                if matches!(kind, LShift | RShift | BitAnd | BitOr | BitXor | MatMul) {
                    return Err(self.binary_type_error(kind, a, b));
                }
                let p = match x {
                    I(i) => i as f64,
                    F(f) => f,
                };
                let q = match y {
                    I(i) => i as f64,
                    F(f) => f,
                };
                self.float_op(kind, p, q)
            }
        }
    }

    /// Float arithmetic with CPython's errors.
    pub(crate) fn float_op(&mut self, kind: BinaryKind, p: f64, q: f64) -> VmResult<Value> {
        use BinaryKind::*;
        Ok(Value::Float(match kind {
            Add => p + q,
            Sub => p - q,
            Mul => p * q,
            TrueDiv => {
                if q == 0.0 {
                    return Err(self.error(ExcKind::ZeroDivisionError, "float division by zero"));
                }
                p / q
            }
            FloorDiv => {
                if q == 0.0 {
                    return Err(
                        self.error(ExcKind::ZeroDivisionError, "float floor division by zero")
                    );
                }
                float_floordiv(p, q)
            }
            Mod => {
                if q == 0.0 {
                    return Err(self.error(ExcKind::ZeroDivisionError, "float modulo"));
                }
                float_mod(p, q)
            }
            Pow => return self.float_pow(p, q),
            _ => unreachable!("bit operations on floats are rejected earlier"),
        }))
    }

    pub(crate) fn float_pow(&mut self, p: f64, q: f64) -> VmResult<Value> {
        if p == 0.0 && q < 0.0 {
            return Err(self.error(
                ExcKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        if p < 0.0 && q.fract() != 0.0 && q.is_finite() {
            return Err(self.value_error(
                "negative number cannot be raised to a fractional power (complex numbers are not supported by this VM)",
            ));
        }
        let r = p.powf(q);
        if r.is_infinite() && p.is_finite() && q.is_finite() {
            // CPython raises it from errno ERANGE: args (34, strerror).
            let cls = self.exc_class(ExcKind::OverflowError);
            let msg = self.str_value("Numerical result out of range");
            let e = self.new_exception(cls, vec![Value::Int(34), msg]);
            return Err(Box::new(super::Unwind::Raise(e)));
        }
        Ok(Value::Float(r))
    }

    /// Sequence arithmetic: concatenation, repetition, `%` formatting.
    fn builtin_binary(&mut self, kind: BinaryKind, a: Value, b: Value) -> VmResult<Option<Value>> {
        use BinaryKind::*;
        let rep_count = |v: Value| match v {
            Value::Int(n) => Some(n),
            Value::Bool(b) => Some(b as i64),
            _ => None,
        };
        Ok(Some(match (kind, a, b) {
            (Add, Value::Str(x), Value::Str(y)) => {
                let total = x.as_str().len() + y.as_str().len();
                self.reserve(total)?;
                let mut s = String::with_capacity(total);
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                self.string_value(s)
            }
            (Add, Value::List(x), Value::List(y)) => {
                let mut v = x.to_vec();
                self.reserve((v.len() + y.len()) * 16)?;
                v.extend(y.to_vec());
                self.list_value(v)
            }
            (Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items().to_vec();
                v.extend_from_slice(y.items());
                self.tuple_value(v)
            }
            (Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), n)
                if rep_count(n).is_some() =>
            {
                return self.repeat(a, rep_count(n).unwrap()).map(Some)
            }
            (Mul, n, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                if rep_count(n).is_some() =>
            {
                return self.repeat(b, rep_count(n).unwrap()).map(Some)
            }
            (Mod, Value::Str(fmt), args) => {
                let s = crate::builtins::percent_format(self, fmt, args)?;
                self.string_value(s)
            }
            _ => return Ok(None),
        }))
    }

    /// `seq * n`. Polls the attention word while copying: the result can be
    /// gigabytes, far longer than one instruction should take.
    pub(crate) fn repeat(&mut self, seq: Value, n: i64) -> VmResult<Value> {
        let mut n = n.max(0) as usize;
        let empty = match seq {
            Value::Str(s) => s.as_str().is_empty(),
            Value::List(l) => l.is_empty(),
            Value::Tuple(t) => t.items().is_empty(),
            _ => false,
        };
        if empty {
            // `[] * 10**18` is `[]` at once, not 10**18 turns of an empty
            // copy loop (found by tests/properties.rs).
            n = 0;
        }
        match seq {
            Value::Str(s) => {
                let total = s.as_str().len().saturating_mul(n);
                self.reserve(total)?;
                let mut out = String::with_capacity(total);
                for i in 0..n {
                    if i % Self::POLL_EVERY == 0 {
                        if let Err(e) = self.poll() {
                            self.discard(out.into_bytes());
                            return Err(e);
                        }
                    }
                    out.push_str(s.as_str());
                }
                Ok(self.string_value(out))
            }
            Value::List(l) => {
                let items = l.to_vec();
                let total = items.len().saturating_mul(n);
                self.reserve(total.saturating_mul(16))?;
                let mut out = Vec::with_capacity(total);
                self.fill_repeat(&mut out, &items, n)?;
                Ok(self.list_value(out))
            }
            Value::Tuple(t) => {
                let items = t.items().to_vec();
                let total = items.len().saturating_mul(n);
                self.reserve(total.saturating_mul(16))?;
                let mut out = Vec::with_capacity(total);
                self.fill_repeat(&mut out, &items, n)?;
                Ok(self.tuple_value(out))
            }
            _ => unreachable!(),
        }
    }

    fn fill_repeat(&mut self, out: &mut Vec<Value>, items: &[Value], n: usize) -> VmResult<()> {
        if items.len() == 1 {
            // `[0] * n`: fill in chunks so a kill lands within one chunk.
            let v = items[0];
            let mut left = n;
            while left > 0 {
                let k = left.min(Self::POLL_EVERY);
                out.resize(out.len() + k, v);
                left -= k;
                self.poll_filling(out)?;
            }
            return Ok(());
        }
        for i in 0..n {
            if i % Self::POLL_EVERY == 0 {
                self.poll_filling(out)?;
            }
            out.extend_from_slice(items);
        }
        Ok(())
    }

    // ------------------------------------------------------------ unary

    /// `-v`.
    #[inline(never)]
    pub(crate) fn neg(&mut self, v: Value) -> VmResult<Value> {
        match v {
            Value::Int(i) => i
                .checked_neg()
                .map(Value::Int)
                .ok_or_else(|| self.int_overflow()),
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_special(v, sym::NEG, "-"),
        }
    }

    /// `+v`.
    #[inline(never)]
    pub(crate) fn pos(&mut self, v: Value) -> VmResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            _ => self.unary_special(v, sym::POS, "+"),
        }
    }

    /// `~v`.
    #[inline(never)]
    pub(crate) fn invert(&mut self, v: Value) -> VmResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            _ => self.unary_special(v, sym::INVERT, "~"),
        }
    }

    fn unary_special(&mut self, v: Value, name: Symbol, op: &str) -> VmResult<Value> {
        if let Some(r) = self.call_method(v, name, &[])? {
            return Ok(r);
        }
        let msg = format!("bad operand type for unary {op}: '{}'", v.type_name());
        Err(self.type_error(&msg))
    }

    // ------------------------------------------------------------ comparison

    /// `a op b` as a value (rich comparison).
    #[inline(never)]
    pub(crate) fn compare(&mut self, op: Cmp, a: Value, b: Value) -> VmResult<Value> {
        if let (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) = (a, b) {
            return self.seq_compare(op, a, b);
        }
        if let Some(ord) = self.builtin_order(a, b)? {
            return Ok(Value::Bool(match ord {
                Some(o) => op.holds(o),
                // NaN: every comparison but != is false.
                None => op == Cmp::Ne,
            }));
        }
        if matches!(op, Cmp::Eq | Cmp::Ne)
            && !matches!(a, Value::Instance(_))
            && !matches!(b, Value::Instance(_))
        {
            let eq = self.eq(a, b)?;
            return Ok(Value::Bool(eq == (op == Cmp::Eq)));
        }
        // Guest special methods, then the reflection.
        if let Some(f) = self.lookup_special(a, op.method()) {
            let r = self.call(f, &[a, b])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(f) = self.lookup_special(b, op.reflected().method()) {
            let r = self.call(f, &[b, a])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        match op {
            // Neither side knows: identity (object's default `__eq__`).
            Cmp::Eq => Ok(Value::Bool(a.is(b))),
            Cmp::Ne => {
                // `!=` falls back to `not __eq__`, on either side.
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(f) = self.lookup_special(x, sym::EQ) {
                        let r = self.call(f, &[x, y])?;
                        if !matches!(r, Value::NotImplemented) {
                            let t = self.truthy(r)?;
                            return Ok(Value::Bool(!t));
                        }
                    }
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => {
                let msg = format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    a.type_name(),
                    b.type_name()
                );
                Err(self.type_error(&msg))
            }
        }
    }

    /// Whether `a op b` holds (for sorting, `min`, `max`).
    pub(crate) fn compare_bool(&mut self, op: Cmp, a: Value, b: Value) -> VmResult<bool> {
        match self.compare(op, a, b)? {
            Value::Bool(x) => Ok(x),
            other => self.truthy(other),
        }
    }

    /// Ordering of builtin values that have one: `Some(Some(ord))`,
    /// `Some(None)` for unordered (NaN), `None` when not a builtin pair.
    fn builtin_order(
        &mut self,
        a: Value,
        b: Value,
    ) -> VmResult<Option<Option<std::cmp::Ordering>>> {
        use Value::*;
        Ok(Some(match (a, b) {
            (Int(x), Int(y)) => Some(x.cmp(&y)),
            (Float(x), Float(y)) => x.partial_cmp(&y),
            (Int(x), Float(y)) => cmp_int_float(x, y),
            (Float(x), Int(y)) => cmp_int_float(y, x).map(|o| o.reverse()),
            (Bool(x), _) if as_num(b).is_some() => return self.builtin_order(Int(x as i64), b),
            (_, Bool(y)) if as_num(a).is_some() => return self.builtin_order(a, Int(y as i64)),
            (Str(x), Str(y)) => Some(x.as_str().cmp(y.as_str())),
            _ => return Ok(Option::None),
        }))
    }

    /// `a op b` for two lists or two tuples: the first differing items
    /// decide, else the lengths (CPython's `list_richcompare`).
    fn seq_compare(&mut self, op: Cmp, a: Value, b: Value) -> VmResult<Value> {
        if matches!(op, Cmp::Eq | Cmp::Ne) {
            let e = self.eq(a, b)?;
            return Ok(Value::Bool(e == (op == Cmp::Eq)));
        }
        let len = |v: Value| match v {
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            _ => 0,
        };
        let item = |v: Value, i: usize| match v {
            Value::List(l) => l.get(i),
            Value::Tuple(t) => t.items().get(i).copied(),
            _ => None,
        };
        let mut i = 0;
        loop {
            let (x, y) = match (item(a, i), item(b, i)) {
                (Some(x), Some(y)) => (x, y),
                _ => return Ok(Value::Bool(op.holds(len(a).cmp(&len(b))))),
            };
            if !(x.is(y) || self.eq(x, y)?) {
                return self.compare(op, x, y);
            }
            i += 1;
        }
    }

    /// `a == b`.
    pub fn eq(&mut self, a: Value, b: Value) -> VmResult<bool> {
        match (a, b) {
            (Value::List(_), Value::List(_))
            | (Value::Tuple(_), Value::Tuple(_))
            | (Value::Dict(_), Value::Dict(_)) => {
                // Containers compare their items recursively: bound the
                // depth like CPython's recursion check.
                if self.cmp_depth >= self.config.recursion_limit.max(100) {
                    return Err(self.error(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded in comparison",
                    ));
                }
                self.cmp_depth += 1;
                let r = self.eq_inner(a, b);
                self.cmp_depth -= 1;
                r
            }
            _ => self.eq_inner(a, b),
        }
    }

    fn eq_inner(&mut self, a: Value, b: Value) -> VmResult<bool> {
        use Value::*;
        Ok(match (a, b) {
            (Int(x), Int(y)) => x == y,
            (Float(x), Float(y)) => x == y,
            (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(x, y),
            (Bool(x), Bool(y)) => x == y,
            (Bool(x), Int(y)) | (Int(y), Bool(x)) => x as i64 == y,
            (Bool(x), Float(y)) | (Float(y), Bool(x)) => (x as i64 as f64) == y,
            (Str(x), Str(y)) => Gc::ptr_eq(x, y) || x.as_str() == y.as_str(),
            (None, None) => true,
            (List(x), List(y)) => {
                if Gc::ptr_eq(x, y) {
                    return Ok(true);
                }
                if x.len() != y.len() {
                    return Ok(false);
                }
                let mut i = 0;
                while let (Some(p), Some(q)) = (x.get(i), y.get(i)) {
                    if !(p.is(q) || self.eq(p, q)?) {
                        return Ok(false);
                    }
                    i += 1;
                }
                x.len() == y.len()
            }
            (Tuple(x), Tuple(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (p, q) in x.items().iter().zip(y.items()) {
                    if !(p.is(*q) || self.eq(*p, *q)?) {
                        return Ok(false);
                    }
                }
                true
            }
            (Dict(x), Dict(y)) => {
                if Gc::ptr_eq(x, y) {
                    return Ok(true);
                }
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (h, k, v) in x.table().hashed_items() {
                    match self.dict_lookup_hashed(y, h, k)? {
                        Some(w) => {
                            if !(v.is(w) || self.eq(v, w)?) {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                true
            }
            (Method(x), Method(y)) => x.func.is(y.func) && x.receiver.is(y.receiver),
            (Range(x), Range(y)) => {
                let (lx, ly) = (x.len(), y.len());
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            }
            (Instance(_), _) | (_, Instance(_)) => {
                let r = self.compare(super::ops::Cmp::Eq, a, b)?;
                return self.truthy(r);
            }
            (DictView(x), DictView(y)) if x.part == DictPart::Keys && y.part == DictPart::Keys => {
                let kx = x.dict.table().keys();
                let ky = y.dict.table().keys();
                if kx.len() != ky.len() {
                    return Ok(false);
                }
                for k in kx {
                    if !self.contains(b, k)? {
                        return Ok(false);
                    }
                }
                true
            }
            _ => a.is(b),
        })
    }

    // ------------------------------------------------------------ hashing

    /// `hash(v)` as the dict uses it.
    pub fn hash(&mut self, v: Value) -> VmResult<u64> {
        match hash_value(v) {
            Ok(h) => Ok(h as u64),
            Err(KeyHash::Unhashable(bad)) => {
                let msg = format!("unhashable type: '{}'", bad.type_name());
                Err(self.type_error(&msg))
            }
            Err(KeyHash::TooDeep) => Err(self.error(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while hashing",
            )),
            Err(KeyHash::Guest) => {
                let r = self.call_method(v, sym::HASH, &[])?;
                match r {
                    Some(Value::Int(i)) => Ok(crate::dict::hash_int(i) as u64),
                    Some(Value::Bool(b)) => Ok(b as u64),
                    Some(Value::None) | None => {
                        let msg = format!("unhashable type: '{}'", v.type_name());
                        Err(self.type_error(&msg))
                    }
                    Some(_) => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            Err(KeyHash::Hash(h)) => Ok(h),
        }
    }

    /// Looks `key` up in `d`.
    pub fn dict_get(&mut self, d: Gc<Dict>, key: Value) -> VmResult<Option<Value>> {
        let h = self.hash(key)?;
        self.dict_lookup_hashed(d, h, key)
    }

    /// Looks `key` up with a precomputed hash; guest `__eq__` is honoured for
    /// instance keys.
    pub(crate) fn dict_lookup_hashed(
        &mut self,
        d: Gc<Dict>,
        h: u64,
        key: Value,
    ) -> VmResult<Option<Value>> {
        if let Value::Instance(i) = key {
            if i.class.user_defined && i.class.lookup(sym::EQ).is_some() {
                for (eh, k, v) in d.table().hashed_items() {
                    if eh == h && (k.is(key) || self.eq(k, key)?) {
                        return Ok(Some(v));
                    }
                }
                return Ok(None);
            }
        }
        Ok(d.table().get(h, key))
    }

    /// Removes `key` from `d`, honouring guest `__eq__` for instance keys.
    pub(crate) fn dict_remove(
        &mut self,
        d: Gc<Dict>,
        key: Value,
    ) -> VmResult<Option<(Value, Value)>> {
        let h = self.hash(key)?;
        if let Value::Instance(i) = key {
            if i.class.user_defined && i.class.lookup(sym::EQ).is_some() {
                for (eh, k, _) in d.table().hashed_items() {
                    if eh == h && (k.is(key) || self.eq(k, key)?) {
                        return Ok(d.table_mut().remove(eh, k));
                    }
                }
                return Ok(None);
            }
        }
        Ok(d.table_mut().remove(h, key))
    }

    /// `d[key] = value`.

    #[inline(never)]
    pub fn dict_set(&mut self, d: Gc<Dict>, key: Value, value: Value) -> VmResult<()> {
        let h = self.hash(key)?;
        if let Value::Instance(i) = key {
            if i.class.user_defined && i.class.lookup(sym::EQ).is_some() {
                for (eh, k, _) in d.table().hashed_items() {
                    if eh == h && (k.is(key) || self.eq(k, key)?) {
                        d.table_mut().insert(eh, k, value);
                        return Ok(());
                    }
                }
            }
        }
        self.dict_insert(d, h, key, value)
    }

    /// Inserts an already hashed key, checking the heap limit before the
    /// table grows: a big dict's next growth step can be megabytes.
    #[inline]
    pub(crate) fn dict_insert(
        &mut self,
        d: Gc<Dict>,
        hash: u64,
        key: Value,
        value: Value,
    ) -> VmResult<()> {
        let growth = d.table().insert_growth();
        if growth > 0 && !d.table().contains(hash, key) {
            self.reserve(growth)?;
        }
        let (_, grown) = d.table_mut().insert(hash, key, value);
        self.note_growth(grown);
        Ok(())
    }

    // ------------------------------------------------------------ membership

    /// `item in container`.
    #[inline(never)]
    pub(crate) fn contains(&mut self, container: Value, item: Value) -> VmResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                other => {
                    let msg = format!(
                        "'in <string>' requires string as left operand, not {}",
                        other.type_name()
                    );
                    Err(self.type_error(&msg))
                }
            },
            Value::List(l) => {
                let mut i = 0;
                while let Some(x) = l.get(i) {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for &x in t.items() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::DictView(v) => match v.part {
                DictPart::Keys => Ok(self.dict_get(v.dict, item)?.is_some()),
                DictPart::Values => {
                    for x in v.dict.table().values() {
                        if x.is(item) || self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                DictPart::Items => {
                    if let Value::Tuple(t) = item {
                        if t.len() == 2 {
                            if let Some(v2) = self.dict_get(v.dict, t.items()[0])? {
                                let want = t.items()[1];
                                return Ok(v2.is(want) || self.eq(v2, want)?);
                            }
                        }
                    }
                    Ok(false)
                }
            },
            Value::Range(r) => {
                let i = match item {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    Value::Float(f) if f.fract() == 0.0 && f.is_finite() => f as i64,
                    _ => return Ok(false),
                };
                if r.step > 0 {
                    Ok(i >= r.start && i < r.stop && (i - r.start) % r.step == 0)
                } else {
                    Ok(i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0)
                }
            }
            Value::Instance(_) => {
                if let Some(r) = self.call_method(container, sym::CONTAINS, &[item])? {
                    return self.truthy(r);
                }
                self.contains_by_iteration(container, item)
            }
            _ => {
                if self.is_iterable(container) {
                    return self.contains_by_iteration(container, item);
                }
                let msg = format!(
                    "argument of type '{}' is not iterable",
                    container.type_name()
                );
                Err(self.type_error(&msg))
            }
        }
    }

    fn contains_by_iteration(&mut self, container: Value, item: Value) -> VmResult<bool> {
        if !self.is_iterable(container) {
            let msg = format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            );
            return Err(self.type_error(&msg));
        }
        let it = self.get_iter(container)?;
        self.roots.push(it);
        let r: VmResult<_> = (|| {
            while let Some(x) = self.iter_next(it)? {
                if x.is(item) || self.eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.roots.pop();
        r
    }
}
