//! Calls: binding arguments to parameters, pushing guest frames (no Rust
//! recursion for guest-to-guest calls), calling native functions, creating
//! instances, and calling guest code from Rust (`Vm::call`), which runs a
//! nested dispatch loop until the callee returns.

use crate::gc::Gc;
use crate::intern::{sym, Symbol};
use crate::object::*;
use crate::value::Value;

use super::{ExcKind, Frame, FrameKind, Vm, VmResult};

/// What `invoke` did.
pub(crate) enum Called {
    /// The call finished with this result (native functions, builtins).
    Done(Value),
    /// A guest frame was pushed; the dispatch loop must run it.
    Pushed,
}

/// Arguments copied off the stack for a native call (the native gets
/// `&mut Vm`, so it cannot borrow them from the VM stack). Up to eight live
/// on the Rust stack, uninitialised beyond `len`: no allocation and no
/// filling for the common case.
pub(crate) struct ArgBuf {
    inline: [std::mem::MaybeUninit<Value>; 8],
    heap: Vec<Value>,
    len: usize,
}

impl ArgBuf {
    #[inline]
    pub(crate) fn new(src: &[Value], prefix: Option<Value>) -> ArgBuf {
        let n = src.len() + prefix.is_some() as usize;
        let mut b = ArgBuf {
            inline: [std::mem::MaybeUninit::uninit(); 8],
            heap: Vec::new(),
            len: n,
        };
        if n <= 8 {
            let mut dst = b.inline.as_mut_ptr().cast::<Value>();
            // SAFETY: `n <= 8` slots: the prefix, then `src.len()` values,
            // into a buffer that cannot overlap the source.
            unsafe {
                if let Some(p) = prefix {
                    dst.write(p);
                    dst = dst.add(1);
                }
                std::ptr::copy_nonoverlapping(src.as_ptr(), dst, src.len());
            }
        } else {
            b.heap.reserve(n);
            b.heap.extend(prefix);
            b.heap.extend_from_slice(src);
        }
        b
    }

    #[inline]
    pub(crate) fn as_slice(&self) -> &[Value] {
        if self.len <= 8 {
            // SAFETY: `new` initialised the first `len` inline slots.
            unsafe { std::slice::from_raw_parts(self.inline.as_ptr().cast::<Value>(), self.len) }
        } else {
            &self.heap
        }
    }
}

impl Vm {
    /// Calls `f(*args)` from Rust and returns its result; guest code runs in
    /// a nested dispatch loop.
    pub fn call(&mut self, f: Value, args: &[Value]) -> VmResult<Value> {
        self.call_kw(f, args, &[])
    }

    /// Calls `f(*args, **kwargs)` from Rust.
    pub fn call_kw(
        &mut self,
        f: Value,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
    ) -> VmResult<Value> {
        // Rust code will use the result: a native called from here must
        // not park its guest thread (see `threads`).
        self.threads.reentry += 1;
        let r = self.call_kw_direct(f, args, kwargs);
        self.threads.reentry -= 1;
        r
    }

    /// `call_kw` for calls whose result goes straight to the dispatch
    /// loop, as if it made the call itself (a bound native method, a
    /// native `__enter__`): natives called from here may block their
    /// thread.
    pub(crate) fn call_kw_direct(
        &mut self,
        f: Value,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
    ) -> VmResult<Value> {
        let start = self.sp;
        let n = 1 + args.len() + kwargs.len();
        self.ensure_stack(start + n + 1);
        self.stack[start] = f;
        self.stack[start + 1..start + 1 + args.len()].copy_from_slice(args);
        for (i, (_, v)) in kwargs.iter().enumerate() {
            self.stack[start + 1 + args.len() + i] = *v;
        }
        self.sp = start + n;
        let names: Vec<Symbol> = kwargs.iter().map(|(k, _)| *k).collect();
        let r = self.call_at(start, start + 1, args.len() + kwargs.len(), &names, start);
        self.sp = start;
        r
    }

    /// Calls the callable at `stack[func_slot]` with the arguments in place
    /// and runs it to completion.
    pub(crate) fn call_at(
        &mut self,
        func_slot: usize,
        args_start: usize,
        argc: usize,
        kwnames: &[Symbol],
        ret: usize,
    ) -> VmResult<Value> {
        let depth = self.frames.len();
        match self.invoke(func_slot, args_start, argc, kwnames, ret)? {
            Called::Done(v) => Ok(v),
            Called::Pushed => {
                self.enter_nested()?;
                let r = self.execute(depth);
                self.leave_nested();
                r
            }
        }
    }

    /// Calls a method of `obj` by name from Rust, if the type has it.
    pub(crate) fn call_method(
        &mut self,
        obj: Value,
        name: Symbol,
        args: &[Value],
    ) -> VmResult<Option<Value>> {
        let Some(f) = self.lookup_special(obj, name) else {
            return Ok(None);
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj);
        all.extend_from_slice(args);
        self.call(f, &all).map(Some)
    }

    /// The unbound special method `name` of `obj`'s class (guest classes
    /// only: builtin types implement their protocols in Rust).
    pub(crate) fn lookup_special(&self, obj: Value, name: Symbol) -> Option<Value> {
        match obj {
            Value::Instance(i) if i.class.user_defined => i.class.lookup(name),
            _ => None,
        }
    }

    /// Starts a call of `stack[func_slot]` with `argc` arguments at
    /// `args_start` (the last `kwnames.len()` of them by keyword); the result
    /// goes to `stack[ret]`.
    #[inline(never)]
    pub(crate) fn invoke(
        &mut self,
        func_slot: usize,
        args_start: usize,
        argc: usize,
        kwnames: &[Symbol],
        ret: usize,
    ) -> VmResult<Called> {
        let callee = self.stack[func_slot];
        match callee {
            Value::Func(f) => {
                self.push_function_frame(f, args_start, argc, kwnames, ret, FrameKind::Normal)
            }
            Value::Native(n) => {
                let bound = if n.bound.is_undef() {
                    None
                } else {
                    Some(n.bound)
                };
                let npos = argc - kwnames.len();
                // The arguments stay on the stack (rooted) during the call;
                // the native function reads copies.
                let args = ArgBuf::new(&self.stack[args_start..args_start + npos], bound);
                let kw: Vec<(Symbol, Value)> = if kwnames.is_empty() {
                    Vec::new()
                } else {
                    self.split_args(args_start, argc, kwnames).1
                };
                let r = match &n.body {
                    NativeBody::Fn(f) => f(self, args.as_slice(), &kw)?,
                    NativeBody::Closure(c) => c(self, args.as_slice(), &kw)?,
                };
                Ok(Called::Done(r))
            }
            Value::Method(m) => {
                match m.func {
                    Value::Func(f) => {
                        // Put the receiver where the bound method was: the
                        // frame's slots then start at `func_slot`.
                        self.stack[func_slot] = m.receiver;
                        if args_start != func_slot + 1 {
                            // A `CallMethod` with an empty self slot: close
                            // the gap.
                            self.stack
                                .copy_within(args_start..args_start + argc, func_slot + 1);
                            self.sp = func_slot + 1 + argc;
                        }
                        self.push_function_frame(
                            f,
                            func_slot,
                            argc + 1,
                            kwnames,
                            ret,
                            FrameKind::Normal,
                        )
                    }
                    other => {
                        // Native or other callables: prepend the receiver.
                        let (pos, kw) = self.split_args(args_start, argc, kwnames);
                        let mut all = Vec::with_capacity(pos.len() + 1);
                        all.push(m.receiver);
                        all.extend_from_slice(&pos);
                        self.roots.push(callee);
                        let r = self.call_kw_direct(other, &all, &kw);
                        self.roots.pop();
                        Ok(Called::Done(r?))
                    }
                }
            }
            Value::Class(cls) => self.instantiate(cls, func_slot, args_start, argc, kwnames, ret),
            Value::Instance(i) => match i.class.lookup(sym::CALL) {
                Some(f) if i.class.user_defined => {
                    let (pos, kw) = self.split_args(args_start, argc, kwnames);
                    let mut all = Vec::with_capacity(pos.len() + 1);
                    all.push(callee);
                    all.extend_from_slice(&pos);
                    Ok(Called::Done(self.call_kw(f, &all, &kw)?))
                }
                _ => Err(self.not_callable(callee)),
            },
            _ => Err(self.not_callable(callee)),
        }
    }

    /// `invoke` of a method call without keywords, its result left in
    /// `func_slot`; the unbound builtins `LoadMethod` finds (the `str`,
    /// `list` and `dict` methods: `s.strip()`, `xs.append(x)`) are called
    /// straight away. (Plain calls of builtins, `len(xs)`, measured no
    /// faster through here: they keep `invoke`.)
    #[inline(always)]
    pub(crate) fn invoke_positional(
        &mut self,
        func_slot: usize,
        args_start: usize,
        argc: usize,
    ) -> VmResult<Called> {
        if let Value::Native(n) = self.stack[func_slot] {
            if let (true, NativeBody::Fn(f)) = (n.bound.is_undef(), &n.body) {
                let f = *f;
                let args = ArgBuf::new(&self.stack[args_start..args_start + argc], None);
                return f(self, args.as_slice(), &[]).map(Called::Done);
            }
        }
        self.invoke(func_slot, args_start, argc, &[], func_slot)
    }

    fn not_callable(&mut self, v: Value) -> Box<super::Unwind> {
        let msg = format!("'{}' object is not callable", v.type_name());
        self.type_error(&msg)
    }

    /// Copies positional and keyword arguments off the stack.
    fn split_args(
        &self,
        start: usize,
        argc: usize,
        kwnames: &[Symbol],
    ) -> (Vec<Value>, Vec<(Symbol, Value)>) {
        let npos = argc - kwnames.len();
        let pos = self.stack[start..start + npos].to_vec();
        let kw = kwnames
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, self.stack[start + npos + i]))
            .collect();
        (pos, kw)
    }

    /// Binds arguments and pushes a frame for guest function `f`. The
    /// arguments at `args_start..` become the frame's first slots.
    pub(crate) fn push_function_frame(
        &mut self,
        f: Gc<Function>,
        args_start: usize,
        argc: usize,
        kwnames: &[Symbol],
        ret: usize,
        kind: FrameKind,
    ) -> VmResult<Called> {
        let code = f.code;
        let c = &code.code;
        if self.frames.len() >= self.config.recursion_limit {
            return Err(self.error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let simple = kwnames.is_empty()
            && argc == c.argcount as usize
            && !c.flags.varargs
            && !c.flags.varkw
            && c.kwonly == 0;
        if !simple {
            self.bind_arguments(f, args_start, argc, kwnames)?;
        }
        let nslots = c.nslots();
        let nparams = c.argcount as usize
            + c.kwonly as usize
            + c.flags.varargs as usize
            + c.flags.varkw as usize;
        self.ensure_stack(args_start + c.frame_size() + 1);
        for slot in &mut self.stack[args_start + nparams..args_start + nslots] {
            *slot = Value::Undef;
        }
        let free_start = nslots - c.nfrees as usize;
        for (i, cell) in f.closure.iter().enumerate() {
            self.stack[args_start + free_start + i] = Value::Cell(*cell);
        }
        if c.flags.generator {
            let saved = self.stack[args_start..args_start + nslots].to_vec();
            let gen = self.alloc(Generator {
                status: std::cell::Cell::new(GenStatus::Created),
                code,
                func: f,
                saved: std::cell::UnsafeCell::new(saved),
                pc: std::cell::Cell::new(0),
                name: f.name.get(),
                qualname: f.qualname.get(),
            });
            return Ok(Called::Done(Value::Generator(gen)));
        }
        self.frames.push(Frame {
            code,
            func: Some(f),
            module: f.module,
            pc: 0,
            base: args_start as u32,
            ret: ret as u32,
            kind,
            trace_line: 0,
            trace_pc: 0,
        });
        self.sp = args_start + nslots;
        Ok(Called::Pushed)
    }

    /// The general argument binder: defaults, keywords, `*args`, `**kwargs`.
    /// Rewrites the stack from `start` so that slot `i` holds parameter `i`.
    fn bind_arguments(
        &mut self,
        f: Gc<Function>,
        start: usize,
        argc: usize,
        kwnames: &[Symbol],
    ) -> VmResult<()> {
        let code = f.code;
        let c = &code.code;
        let qual = f.qualname.get().as_str().to_string();
        let npos_params = c.argcount as usize;
        let nkwonly = c.kwonly as usize;
        let nposargs = argc - kwnames.len();
        let args: Vec<Value> = self.stack[start..start + argc].to_vec();
        let param_names: Vec<Symbol> = code.local_names[..npos_params + nkwonly].to_vec();
        let mut slots: Vec<Value> = vec![Value::Undef; npos_params + nkwonly];
        // Positional.
        let take = nposargs.min(npos_params);
        slots[..take].copy_from_slice(&args[..take]);
        let mut extra_pos: Vec<Value> = Vec::new();
        if nposargs > npos_params {
            if c.flags.varargs {
                extra_pos = args[npos_params..nposargs].to_vec();
            } else {
                let ndef = f.defaults.len();
                let given_kw = kwnames
                    .iter()
                    .filter(|k| {
                        param_names[..npos_params].contains(k)
                            || param_names[npos_params..].contains(k)
                    })
                    .count();
                let takes = if ndef > 0 {
                    format!(
                        "from {} to {} positional arguments",
                        npos_params - ndef,
                        npos_params
                    )
                } else {
                    format!(
                        "{} positional argument{}",
                        npos_params,
                        if npos_params == 1 { "" } else { "s" }
                    )
                };
                let given = if given_kw > 0 {
                    format!(
                        "{} positional argument{} (and {} keyword-only argument{}) were given",
                        nposargs,
                        if nposargs == 1 { "" } else { "s" },
                        given_kw,
                        if given_kw == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "{} {} given",
                        nposargs,
                        if nposargs == 1 { "was" } else { "were" }
                    )
                };
                let msg = format!("{qual}() takes {takes} but {given}");
                return Err(self.type_error(&msg));
            }
        }
        // Keywords.
        let mut extra_kw: Vec<(Symbol, Value)> = Vec::new();
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (i, &name) in kwnames.iter().enumerate() {
            let v = args[nposargs + i];
            let idx = param_names.iter().position(|&p| p == name);
            match idx {
                Some(j) if j >= c.posonly as usize => {
                    if !slots[j].is_undef() {
                        let msg = format!(
                            "{qual}() got multiple values for argument '{}'",
                            self.symbol_text(name)
                        );
                        return Err(self.type_error(&msg));
                    }
                    slots[j] = v;
                }
                _ => {
                    if c.flags.varkw {
                        extra_kw.push((name, v));
                    } else if idx.is_some() {
                        posonly_as_kw.push(self.symbol_text(name).to_string());
                    } else {
                        let msg = format!(
                            "{qual}() got an unexpected keyword argument '{}'",
                            self.symbol_text(name)
                        );
                        return Err(self.type_error(&msg));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            let msg = format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            );
            return Err(self.type_error(&msg));
        }
        // Defaults.
        let ndef = f.defaults.len();
        let first_default = npos_params - ndef;
        let mut missing: Vec<String> = Vec::new();
        for j in 0..npos_params {
            if slots[j].is_undef() {
                if j >= first_default {
                    slots[j] = f.defaults[j - first_default];
                } else {
                    missing.push(self.symbol_text(param_names[j]).to_string());
                }
            }
        }
        if !missing.is_empty() {
            let msg = format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                super::join_names(&missing)
            );
            return Err(self.type_error(&msg));
        }
        for j in npos_params..npos_params + nkwonly {
            if slots[j].is_undef() {
                let name = param_names[j];
                match f.kwdefaults.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => slots[j] = *v,
                    None => missing.push(self.symbol_text(name).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            let msg = format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                super::join_names(&missing)
            );
            return Err(self.type_error(&msg));
        }
        // Write back: params, then *args tuple, then **kwargs dict.
        self.ensure_stack(start + c.frame_size() + 1);
        let mut at = start;
        for v in slots {
            self.stack[at] = v;
            at += 1;
        }
        self.sp = self.sp.max(at);
        if c.flags.varargs {
            let t = self.tuple_value(extra_pos);
            self.stack[at] = t;
            at += 1;
            self.sp = self.sp.max(at);
        }
        if c.flags.varkw {
            let mut table = crate::dict::DictTable::new();
            for (k, v) in extra_kw {
                let key = self.str_value(&self.symbol_text(k).to_string());
                let h = match key {
                    Value::Str(s) => s.hash(),
                    _ => 0,
                };
                table.insert(h, key, v);
            }
            let d = self.dict_value(table);
            self.stack[at] = d;
            at += 1;
            self.sp = self.sp.max(at);
        }
        Ok(())
    }

    /// Calls a class: creates an instance and runs `__init__`.
    fn instantiate(
        &mut self,
        cls: Gc<Class>,
        func_slot: usize,
        args_start: usize,
        argc: usize,
        kwnames: &[Symbol],
        ret: usize,
    ) -> VmResult<Called> {
        if !cls.user_defined {
            if cls.is_exception() {
                let (pos, kw) = self.split_args(args_start, argc, kwnames);
                if !kw.is_empty() {
                    let msg = format!("{}() takes no keyword arguments", cls.name);
                    return Err(self.type_error(&msg));
                }
                return Ok(Called::Done(self.new_exception(cls, pos)));
            }
            if let Some(ctor) = cls.constructor.get() {
                if kwnames.is_empty() {
                    // `str(x)`, `int(s)`, `list(it)`: no allocation for the
                    // arguments.
                    let args = ArgBuf::new(&self.stack[args_start..args_start + argc], None);
                    return Ok(Called::Done(ctor(self, args.as_slice(), &[])?));
                }
                let (pos, kw) = self.split_args(args_start, argc, kwnames);
                return Ok(Called::Done(ctor(self, &pos, &kw)?));
            }

            let msg = format!("cannot create '{}' instances", cls.name);
            return Err(self.type_error(&msg));
        }
        let exc = if cls.is_exception() {
            let data = ExcData::default();
            data.args.set(Value::Undef);
            data.cause.set(Value::None);
            data.context.set(Value::None);
            Some(Box::new(data))
        } else {
            None
        };
        let inst = Value::Instance(self.alloc(Instance {
            class: cls,
            attrs: AttrMap::default(),
            exc,
        }));
        if let Some(d) = Vm::exc_data(inst) {
            // BaseException.__new__ stores the arguments as `args`.
            let (pos, _) = self.split_args(args_start, argc, kwnames);
            self.roots.push(inst);
            let t = self.tuple_value(pos);
            self.roots.pop();
            d.args.set(t);
        }
        match cls.lookup(sym::INIT) {
            Some(Value::Func(init)) => {
                // The instance takes the class's slot: it is `self`.
                self.stack[func_slot] = inst;
                if args_start != func_slot + 1 {
                    self.stack
                        .copy_within(args_start..args_start + argc, func_slot + 1);
                    self.sp = func_slot + 1 + argc;
                }
                self.push_function_frame(
                    init,
                    func_slot,
                    argc + 1,
                    kwnames,
                    ret,
                    FrameKind::Init(inst),
                )
            }
            Some(other) => {
                // A native `__init__` (inherited from a builtin base).
                let (pos, kw) = self.split_args(args_start, argc, kwnames);
                let mut all = vec![inst];
                all.extend_from_slice(&pos);
                self.roots.push(inst);
                let r = self.call_kw(other, &all, &kw);
                self.roots.pop();
                r?;
                Ok(Called::Done(inst))
            }
            None => {
                if argc > 0 && !cls.is_exception() {
                    let msg = format!("{}() takes no arguments", cls.name);
                    return Err(self.type_error(&msg));
                }
                Ok(Called::Done(inst))
            }
        }
    }
}
