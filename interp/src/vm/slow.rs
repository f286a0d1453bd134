//! The out-of-line halves of instructions whose work is too big or too rare
//! for the dispatch loop: building functions, classes, dicts and strings,
//! unpacking, raising, imports, `with`, and class-body names.

use crate::dict::DictTable;
use crate::format;
use crate::gc::Gc;
use crate::intern::{sym, Symbol};
use crate::object::*;
use crate::value::Value;

use super::call::Called;
use super::{ExcKind, Frame, FrameKind, Unwind, Vm, VmResult};

impl Vm {
    /// A global that is not set in its module: a builtin, or `NameError`.
    #[cold]
    #[inline(never)]
    pub(crate) fn load_global_slow(&mut self, module: &Module, slot: u32) -> VmResult<Value> {
        let name = module.slot_name(slot);
        if let Some(v) = self.builtins.and_then(|b| b.get(name)) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// `NameError: name 'x' is not defined` (with `name` for suggestions).
    #[cold]
    #[inline(never)]
    pub(crate) fn name_error(&mut self, name: Symbol) -> Box<Unwind> {
        let text = self.symbol_text(name).to_string();
        let e = self.error(ExcKind::NameError, &format!("name '{text}' is not defined"));
        if let Unwind::Raise(Value::Instance(i)) = &*e {
            let n = self.str_value(&text);
            i.attrs.set(sym::NAME, n);
        }
        e
    }

    fn namespace(frame: &Frame) -> Option<Gc<Dict>> {
        match frame.kind {
            FrameKind::ClassBody(d) => Some(d),
            _ => None,
        }
    }

    /// `LoadName`: the class namespace, then globals, then builtins.
    #[inline(never)]
    pub(crate) fn load_name(&mut self, frame: Frame, name: Symbol) -> VmResult<Value> {
        if let Some(ns) = Vm::namespace(&frame) {
            let key = self.str_value(&self.symbol_text(name).to_string());
            if let Some(v) = self.dict_get(ns, key)? {
                return Ok(v);
            }
        }
        if let Some(v) = frame.module.get(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.and_then(|b| b.get(name)) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// `StoreName`.
    #[inline(never)]
    pub(crate) fn store_name(&mut self, frame: Frame, name: Symbol, v: Value) -> VmResult<()> {
        match Vm::namespace(&frame) {
            Some(ns) => {
                let key = self.str_value(&self.symbol_text(name).to_string());
                self.dict_set(ns, key, v)
            }
            None => {
                frame.module.set(name, v);
                Ok(())
            }
        }
    }

    /// `DeleteName`.
    #[inline(never)]
    pub(crate) fn delete_name(&mut self, frame: Frame, name: Symbol) -> VmResult<()> {
        if let Some(ns) = Vm::namespace(&frame) {
            let key = self.str_value(&self.symbol_text(name).to_string());
            let h = self.hash(key)?;
            if ns.table_mut().remove(h, key).is_some() {
                return Ok(());
            }
        }
        Err(self.name_error(name))
    }

    /// `f(*args, **kwargs)`: spreads the tuple and dict back onto the stack
    /// and calls.
    #[inline(never)]
    pub(crate) fn call_ex(&mut self, func_slot: usize, has_kw: bool) -> VmResult<Called> {
        let f = self.stack[func_slot];
        let args = match self.stack[func_slot + 1] {
            Value::Tuple(t) => t.items().to_vec(),
            other => {
                if !self.is_iterable(other) {
                    let msg = format!(
                        "{} argument after * must be an iterable, not {}",
                        self.function_str(f),
                        other.type_name()
                    );
                    return Err(self.type_error(&msg));
                }
                self.collect_iter(other)?
            }
        };

        let mut names: Vec<Symbol> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if has_kw {
            let kw = self.stack[func_slot + 2];
            let Value::Dict(d) = kw else {
                let msg = format!(
                    "argument after ** must be a mapping, not {}",
                    kw.type_name()
                );
                return Err(self.type_error(&msg));
            };
            for (k, v) in d.table().items() {
                let Value::Str(s) = k else {
                    return Err(self.type_error("keywords must be strings"));
                };
                let name = self.intern(s.as_str());
                if names.contains(&name) {
                    let msg = format!("got multiple values for keyword argument '{}'", s.as_str());
                    return Err(self.type_error(&msg));
                }
                names.push(name);
                values.push(v);
            }
        }
        let argc = args.len() + values.len();
        self.ensure_stack(func_slot + 2 + argc);
        self.stack[func_slot] = f;
        let mut at = func_slot + 1;
        for v in args.into_iter().chain(values) {
            self.stack[at] = v;
            at += 1;
        }
        self.sp = at;
        self.invoke(func_slot, func_slot + 1, argc, &names, func_slot)
    }

    /// `MakeFunction`: the code object is on top, under it the optional
    /// closure, keyword defaults and defaults.
    #[inline(never)]
    pub(crate) fn make_function(
        &mut self,
        spi: usize,
        flags: u8,
        module: &Module,
    ) -> VmResult<Value> {
        let mut at = spi - 1;
        let Value::Code(code) = self.stack[at] else {
            unreachable!("MakeFunction on a non-code constant")
        };
        let mut closure: Box<[Gc<CellObj>]> = Box::new([]);
        if flags & 4 != 0 {
            at -= 1;
            if let Value::Tuple(t) = self.stack[at] {
                closure = t
                    .items()
                    .iter()
                    .filter_map(|v| match v {
                        Value::Cell(c) => Some(*c),
                        _ => None,
                    })
                    .collect();
            }
        }
        let mut kwdefaults: Box<[(Symbol, Value)]> = Box::new([]);
        if flags & 2 != 0 {
            at -= 1;
            if let Value::Dict(d) = self.stack[at] {
                let items = d.table().items();
                kwdefaults = items
                    .into_iter()
                    .map(|(k, v)| {
                        let name = match k {
                            Value::Str(s) => self.intern(s.as_str()),
                            _ => self.intern(""),
                        };
                        (name, v)
                    })
                    .collect();
            }
        }
        let mut defaults: Box<[Value]> = Box::new([]);
        if flags & 1 != 0 {
            at -= 1;
            if let Value::Tuple(t) = self.stack[at] {
                defaults = t.items().into();
            }
        }
        // The module reference comes from the running frame; find its handle.
        let module_gc = self
            .frames
            .last()
            .map(|f| f.module)
            .expect("a running frame");
        debug_assert!(std::ptr::eq(module_gc.inner(), module));
        let f = self.alloc(Function {
            code,
            module: module_gc,
            name: std::cell::Cell::new(code.name),
            qualname: std::cell::Cell::new(code.qualname),
            defaults,
            kwdefaults,
            closure,
            attrs: AttrMap::default(),
        });
        Ok(Value::Func(f))
    }

    /// `BuildDict`: `n` key/value pairs from `start`.
    #[inline(never)]
    pub(crate) fn build_dict(&mut self, start: usize, n: usize) -> VmResult<Value> {
        let d = self.alloc(Dict::from_table(DictTable::with_capacity(n)));
        self.roots.push(Value::Dict(d));
        let r: VmResult<_> = (|| {
            for i in 0..n {
                let k = self.stack[start + 2 * i];
                let v = self.stack[start + 2 * i + 1];
                self.dict_set(d, k, v)?;
            }
            Ok(())
        })();
        self.roots.pop();
        r?;
        Ok(Value::Dict(d))
    }

    /// `BuildString`: concatenates `n` strings from `start`.
    #[inline(never)]
    pub(crate) fn build_string(&mut self, start: usize, n: usize) -> VmResult<Value> {
        let mut total = 0;
        for v in &self.stack[start..start + n] {
            if let Value::Str(s) = v {
                total += s.as_str().len();
            }
        }
        self.reserve(total)?;
        let mut out = String::with_capacity(total);
        for v in &self.stack[start..start + n] {
            if let Value::Str(s) = v {
                out.push_str(s.as_str());
            }
        }
        Ok(self.string_value(out))
    }

    /// `FormatValue`: conversion (`!s`, `!r`, `!a`) then `format(v, spec)`.
    #[inline(never)]
    pub(crate) fn format_value(&mut self, v: Value, conv: u8, spec: Value) -> VmResult<Value> {
        let v = match conv {
            1 => {
                let s = self.to_str(v)?;
                self.string_value(s)
            }
            2 => {
                let s = self.repr(v)?;
                self.string_value(s)
            }
            3 => {
                let s = self.repr(v)?;
                let a = format::str_ascii(&s);
                let a = a[1..a.len() - 1].to_string();
                let s = if let Value::Str(_) = v {
                    format::str_ascii(&self.to_str(v)?)
                } else {
                    a
                };
                self.string_value(s)
            }
            _ => v,
        };
        // The spec stays on the VM stack (rooted) while we borrow it.
        let spec_str = match spec {
            Value::Str(s) => Some(s),
            _ => None,
        };
        let spec_text = spec_str.as_ref().map_or("", |s| s.as_str());
        if spec_text.is_empty() {
            match v {
                Value::Str(_) => return Ok(v),
                Value::Int(i) => return Ok(self.str_value(format::int_str(i, &mut [0; 20]))),
                _ => {}
            }
        }
        let s = self.format(v, spec_text)?;
        Ok(self.string_value(s))
    }

    /// Fails with `MemoryError` when a spec's width or precision asks for
    /// more than the heap may hold (`f"{1:>100000000000}"`), before the
    /// formatter tries to build the string.
    pub(crate) fn reserve_spec(&mut self, spec: &format::Spec) -> VmResult<()> {
        let width = spec.width.unwrap_or(0);
        let precision = match spec.ty {
            // A string's precision truncates; it never adds characters.
            None | Some('s') => 0,
            // Past a C int it is a `ValueError`, which the formatter gives.
            _ => spec
                .precision
                .filter(|&p| p <= i32::MAX as usize)
                .unwrap_or(0),
        };
        self.reserve(width.saturating_add(precision))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> VmResult<String> {
        let parsed = |vm: &mut Vm| {
            let s = format::parse_spec(spec).map_err(|m| vm.value_error(&m))?;
            vm.reserve_spec(&s)?;
            Ok::<_, Box<super::Unwind>>(s)
        };
        match v {
            Value::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.to_string()),
            Value::Int(_) | Value::Bool(_) => {
                let i = match v {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    _ => 0,
                };
                let s = parsed(self)?;
                format::format_int(i, &s).map_err(|m| self.value_error(&m))
            }
            Value::Float(f) => {
                let s = parsed(self)?;
                format::format_float(f, &s).map_err(|m| self.value_error(&m))
            }
            Value::Str(s) => {
                let sp = parsed(self)?;
                format::format_str(s.as_str(), &sp).map_err(|m| self.value_error(&m))
            }
            Value::Instance(i) if i.class.user_defined && i.class.lookup(sym::FORMAT).is_some() => {
                let f = i.class.lookup(sym::FORMAT).unwrap();
                let sv = self.str_value(spec);
                match self.call(f, &[v, sv])? {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => {
                        let msg =
                            format!("__format__ must return a str, not {}", other.type_name());
                        Err(self.type_error(&msg))
                    }
                }
            }
            _ => {
                if spec.is_empty() {
                    return self.to_str(v);
                }
                let msg = format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                );
                Err(self.type_error(&msg))
            }
        }
    }

    /// `ListExtend`: `target.extend(v)`.
    #[inline(never)]
    pub(crate) fn list_extend(&mut self, target: Value, v: Value) -> VmResult<()> {
        let Value::List(l) = target else {
            return Ok(());
        };
        if !self.is_iterable(v) {
            let msg = format!("Value after * must be an iterable, not {}", v.type_name());
            return Err(self.type_error(&msg));
        }
        let items = self.collect_iter(v)?;
        self.reserve(items.len().saturating_mul(16))?;
        let mut grown = 0;
        l.with_items_mut(|vec| {
            let cap = vec.capacity();
            vec.extend_from_slice(&items);
            grown = (vec.capacity() - cap) * 16;
        });
        self.note_growth(grown);
        Ok(())
    }

    /// `DictUpdate`: `target.update(v)` for `{**v}`.
    #[inline(never)]
    pub(crate) fn dict_update_from(&mut self, target: Value, v: Value) -> VmResult<()> {
        let Value::Dict(d) = target else {
            return Ok(());
        };
        let Value::Dict(src) = v else {
            let msg = format!("'{}' object is not a mapping", v.type_name());
            return Err(self.type_error(&msg));
        };
        for (h, k, val) in src.table().hashed_items() {
            self.dict_insert(d, h, k, val)?;
        }
        Ok(())
    }

    /// `DictMerge`: `f(**v)` — like `dict_update_from`, but the errors name
    /// the function being called.
    #[inline(never)]
    pub(crate) fn dict_merge(&mut self, func: Value, target: Value, v: Value) -> VmResult<()> {
        let Value::Dict(d) = target else {
            return Ok(());
        };
        let Value::Dict(src) = v else {
            let msg = format!(
                "{} argument after ** must be a mapping, not {}",
                self.function_str(func),
                v.type_name()
            );
            return Err(self.type_error(&msg));
        };
        for (h, k, val) in src.table().hashed_items() {
            if d.table().contains(h, k) {
                let name = match k {
                    Value::Str(s) => s.as_str().to_string(),
                    _ => String::new(),
                };
                let msg = format!(
                    "{} got multiple values for keyword argument '{name}'",
                    self.function_str(func)
                );
                return Err(self.type_error(&msg));
            }
            self.dict_insert(d, h, k, val)?;
        }
        Ok(())
    }

    /// CPython's `_PyObject_FunctionStr`: `module.qualname()`, or just
    /// `qualname()` for builtins.
    pub(crate) fn function_str(&mut self, f: Value) -> String {
        let qual = self.intern("__qualname__");
        let module = self.intern("__module__");
        let q = match self.lookup_attr(f, qual) {
            Ok(Some(Value::Str(s))) => s.as_str().to_string(),
            _ => return self.to_str(f).unwrap_or_default(),
        };
        let m = match f {
            Value::Native(_) => "builtins".to_string(),
            Value::Func(func) => func.module.name.to_string(),
            Value::Method(m) => match m.func {
                Value::Func(func) => func.module.name.to_string(),
                _ => "builtins".to_string(),
            },
            _ => match self.lookup_attr(f, module) {
                Ok(Some(Value::Str(s))) => s.as_str().to_string(),
                _ => "builtins".to_string(),
            },
        };
        if m == "builtins" {
            format!("{q}()")
        } else {
            format!("{m}.{q}()")
        }
    }

    /// Unpacks `v` into exactly `n` items, or with a star target into
    /// `n` + a list + `after` items.
    #[inline(never)]
    pub(crate) fn unpack(
        &mut self,
        v: Value,
        n: usize,
        after: Option<usize>,
    ) -> VmResult<Vec<Value>> {
        if !self.is_iterable(v) {
            let msg = format!("cannot unpack non-iterable {} object", v.type_name());
            return Err(self.type_error(&msg));
        }
        match after {
            None => {
                let items = match v {
                    Value::List(_)
                    | Value::Tuple(_)
                    | Value::Str(_)
                    | Value::Dict(_)
                    | Value::Range(_) => self.collect_iter(v)?,
                    _ => {
                        // Stop after n + 1 items, like CPython.
                        let it = self.get_iter(v)?;
                        self.roots.push(it);
                        let mark = self.roots.len();
                        let r: VmResult<_> = (|| {
                            while self.roots.len() - mark <= n {
                                match self.iter_next(it)? {
                                    Some(x) => self.roots.push(x),
                                    None => break,
                                }
                            }
                            Ok(())
                        })();
                        let got = self.roots[mark..].to_vec();
                        self.roots.truncate(mark - 1);
                        r?;
                        got
                    }
                };
                if items.len() > n {
                    let msg = format!("too many values to unpack (expected {n})");
                    return Err(self.value_error(&msg));
                }
                if items.len() < n {
                    let msg = format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    );
                    return Err(self.value_error(&msg));
                }
                Ok(items)
            }
            Some(after) => {
                let items = self.collect_iter(v)?;
                if items.len() < n + after {
                    let msg = format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n + after,
                        items.len()
                    );
                    return Err(self.value_error(&msg));
                }
                let mid_end = items.len() - after;
                let mut out = items[..n].to_vec();
                let middle = self.list_value(items[n..mid_end].to_vec());
                out.push(middle);
                out.extend_from_slice(&items[mid_end..]);
                Ok(out)
            }
        }
    }

    /// Does `exc` match an `except` clause's type (`None` for bare)?
    #[inline(never)]
    pub(crate) fn exception_matches(&mut self, exc: Value, typ: Value) -> VmResult<bool> {
        if let Some(mark) = self.kill_mark(exc) {
            if mark.uncatchable {
                return Ok(false);
            }
        }
        let cls = match exc {
            Value::Instance(i) => i.class,
            _ => return Ok(false),
        };
        let check = |vm: &mut Vm, t: Value| -> VmResult<bool> {
            match t {
                Value::Class(c) if c.is_exception() => Ok(cls.is_subclass_of(&c)),
                _ => Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        match typ {
            Value::None => Ok(true),
            Value::Tuple(t) => {
                for &x in t.items() {
                    if check(self, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => check(self, other),
        }
    }

    /// `raise v`: instantiates exception classes.
    #[inline(never)]
    pub(crate) fn make_raisable(&mut self, v: Value) -> VmResult<Value> {
        match v {
            Value::Instance(i) if i.class.is_exception() => Ok(v),
            Value::Class(c) if c.is_exception() => {
                let e = self.call(v, &[])?;
                match e {
                    Value::Instance(i) if i.class.is_exception() => Ok(e),
                    other => {
                        let msg = format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            self.repr(v)?,
                            other.type_name()
                        );
                        Err(self.type_error(&msg))
                    }
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// `raise exc from cause`.
    #[inline(never)]
    pub(crate) fn set_cause(&mut self, exc: Value, cause: Value) -> VmResult<()> {
        let cause = match cause {
            Value::None => Value::None,
            Value::Class(c) if c.is_exception() => self.make_raisable(cause)?,
            Value::Instance(i) if i.class.is_exception() => cause,
            _ => return Err(self.type_error("exception causes must derive from BaseException")),
        };
        if let Some(d) = Vm::exc_data(exc) {
            d.cause.set(cause);
            d.suppress_context.set(true);
        }
        Ok(())
    }

    /// `import name`.
    #[inline(never)]
    pub(crate) fn import_module(&mut self, name: Symbol) -> VmResult<Value> {
        let text = self.symbol_text(name).to_string();
        let allowed = match &self.config.allowed_modules {
            None => true,
            Some(list) => list.iter().any(|m| *m == text),
        };
        if allowed {
            if let Some((_, m)) = self.modules.iter().find(|(n, _)| **n == *text) {
                return Ok(Value::Module(*m));
            }
            if let Some(m) = crate::builtins::make_module(self, &text) {
                self.modules.push((text.clone().into(), m));
                return Ok(Value::Module(m));
            }
            if let Some(m) = crate::builtins::make_tier_module(self, &text) {
                let m = m?;
                self.modules.push((text.clone().into(), m));
                return Ok(Value::Module(m));
            }
        }
        // CPython imports the parent of a dotted name first: a missing
        // parent is the error, and a present one is no package (no module
        // of ours has submodules).
        let (shown, msg) = match text.split_once('.') {
            Some((parent, _)) => {
                let p = self.intern(parent);
                self.import_module(p)?;
                (
                    text.clone(),
                    format!("No module named '{text}'; '{parent}' is not a package"),
                )
            }
            None => (text.clone(), format!("No module named '{text}'")),
        };
        let text = shown;
        let e = self.error(ExcKind::ModuleNotFoundError, &msg);
        if let Unwind::Raise(Value::Instance(i)) = &*e {
            let n = self.str_value(&text);
            i.attrs.set(sym::NAME, n);
        }
        Err(e)
    }

    /// `from module import name`.
    #[inline(never)]
    pub(crate) fn import_from(&mut self, m: Value, name: Symbol) -> VmResult<Value> {
        if let Value::Module(md) = m {
            if let Some(v) = md.get(name) {
                return Ok(v);
            }
            let msg = format!(
                "cannot import name '{}' from '{}' (unknown location)",
                self.symbol_text(name),
                md.name
            );
            return Err(self.error(ExcKind::ImportError, &msg));
        }
        self.get_attr(m, name)
    }

    /// `from module import *`.
    #[inline(never)]
    pub(crate) fn import_star(&mut self, frame: Frame, m: Value) -> VmResult<()> {
        let Value::Module(md) = m else { return Ok(()) };
        for (name, v) in md.entries() {
            if self.symbol_text(name).starts_with('_') {
                continue;
            }
            self.store_name(frame, name, v)?;
        }
        Ok(())
    }

    /// `BeforeWith`: calls `__enter__`, returns the bound `__exit__` and
    /// the entered value.
    #[inline(never)]
    pub(crate) fn before_with(&mut self, mgr: Value) -> VmResult<(Value, Value)> {
        let enter = self
            .lookup_special(mgr, sym::ENTER)
            .or_else(|| self.builtin_special(mgr, sym::ENTER));
        let exit = self
            .lookup_special(mgr, sym::EXIT)
            .or_else(|| self.builtin_special(mgr, sym::EXIT));
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let msg = format!(
                "'{}' object does not support the context manager protocol",
                mgr.type_name()
            );
            return Err(self.type_error(&msg));
        };
        let bound = self.alloc(BoundMethod {
            func: exit,
            receiver: mgr,
        });
        self.roots.push(Value::Method(bound));
        // The result goes straight to the loop: a lock's `__enter__` may
        // block the thread like a direct `acquire()` call.
        let entered = self.call_kw_direct(enter, &[mgr], &[]);
        self.roots.pop();
        Ok((Value::Method(bound), entered?))
    }

    /// Special methods of builtin (Rust) types, such as a lock's `__enter__`.
    fn builtin_special(&mut self, obj: Value, name: Symbol) -> Option<Value> {
        match obj {
            Value::Instance(i) if i.class.user_defined => None,
            _ => self.type_of(obj).lookup(name),
        }
    }

    /// `WithExceptStart`: `exit(type(exc), exc, tb)`; whether to suppress.
    #[inline(never)]
    pub(crate) fn with_except_start(&mut self, exit: Value, exc: Value) -> VmResult<bool> {
        let cls = Value::Class(self.type_of(exc));
        let tb = self.traceback_object(exc, 0);
        self.roots.push(tb);
        let r = self.call(exit, &[cls, exc, tb]);
        self.roots.pop();
        let r = r?;

        let suppress = self.truthy(r)?;
        if let Some(mark) = self.kill_mark(exc) {
            if mark.uncatchable {
                return Ok(false);
            }
        }
        Ok(suppress)
    }

    /// `BuildClass`: runs the body (a function whose names go to a fresh
    /// namespace) and makes the class.
    #[inline(never)]
    pub(crate) fn build_class(&mut self, start: usize, nbases: usize) -> VmResult<Value> {
        let body = self.stack[start];
        let name = match self.stack[start + 1] {
            Value::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        };
        let bases: Vec<Value> = self.stack[start + 2..start + 2 + nbases].to_vec();
        if bases.len() > 1 {
            return Err(self.type_error("multiple inheritance is not supported by this VM"));
        }
        let base = match bases.first() {
            None => self.types().object,
            Some(Value::Class(c)) => {
                if !c.user_defined
                    && !matches!(c.builtin, BuiltinType::Object | BuiltinType::Exception)
                {
                    let msg = format!("subclassing '{}' is not supported by this VM", c.name);
                    return Err(self.type_error(&msg));
                }
                *c
            }
            Some(other) => {
                let msg = format!("bases must be types, not {}", other.type_name());
                return Err(self.type_error(&msg));
            }
        };
        let Value::Func(f) = body else {
            unreachable!("class body is a function")
        };
        let ns = self.alloc(Dict::new());
        self.roots.push(Value::Dict(ns));
        let r: VmResult<_> = (|| {
            let slot = self.sp;
            self.ensure_stack(slot + 2);
            self.stack[slot] = body;
            self.sp = slot + 1;
            let depth = self.frames.len();
            match self.push_function_frame(f, slot + 1, 0, &[], slot, FrameKind::ClassBody(ns))? {
                Called::Pushed => {
                    self.enter_nested()?;
                    let r = self.execute(depth);
                    self.leave_nested();
                    self.sp = slot;
                    r
                }
                Called::Done(v) => Ok(v),
            }
        })();
        let cell = match r {
            Ok(v) => v,
            Err(e) => {
                self.roots.pop();
                return Err(e);
            }
        };
        let attrs = AttrMap::default();
        let mut qualname = name.clone();
        let mut module_name = String::from("__main__");
        for (k, v) in ns.table().items() {
            if let Value::Str(s) = k {
                match s.as_str() {
                    "__qualname__" => {
                        if let Value::Str(q) = v {
                            qualname = q.as_str().to_string();
                        }
                        continue;
                    }
                    "__module__" => {
                        if let Value::Str(m) = v {
                            module_name = m.as_str().to_string();
                        }
                    }
                    _ => {}
                }
                let sym = self.intern(s.as_str());
                attrs.set(sym, v);
            }
        }
        let cls = self.alloc(Class {
            name: name.into(),
            qualname: qualname.into(),
            base: Some(base),
            attrs,
            builtin: if base.is_exception() {
                BuiltinType::Exception
            } else {
                BuiltinType::Object
            },
            user_defined: true,
            constructor: std::cell::Cell::new(None),
            lookups: Default::default(),
            module: module_name.into(),
        });
        self.roots.pop();
        if let Value::Cell(c) = cell {
            c.value.set(Value::Class(cls));
        }
        Ok(Value::Class(cls))
    }
}
