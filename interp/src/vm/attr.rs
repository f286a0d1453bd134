//! Attribute access: `obj.name` for instances, classes, modules, functions,
//! exceptions and the methods of builtin types, plus `LoadMethod`'s
//! allocation-free method lookup.

use std::cell::Cell;

use crate::gc::Gc;
use crate::intern::{sym, Symbol};
use crate::object::*;
use crate::value::Value;

use super::{ExcKind, Unwind, Vm, VmResult};

impl Vm {
    /// `obj.name`.
    #[inline(never)]
    pub fn get_attr(&mut self, obj: Value, name: Symbol) -> VmResult<Value> {
        match self.lookup_attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// `obj.name`, or `None` when there is no such attribute.
    pub fn lookup_attr(&mut self, obj: Value, name: Symbol) -> VmResult<Option<Value>> {
        if name == sym::CLASS {
            return Ok(Some(Value::Class(self.type_of(obj))));
        }
        match obj {
            Value::Instance(i) => {
                if let Some(v) = i.attrs.get(name) {
                    return Ok(Some(v));
                }
                if i.exc.is_some() {
                    if let Some(v) = self.exception_attr(obj, name) {
                        return Ok(Some(v));
                    }
                }
                match i.class.lookup(name) {
                    Some(f) => Ok(Some(self.bind_class_attr(f, obj, i.class)?)),
                    None => {
                        if i.class.user_defined {
                            if let Some(ga) = i.class.lookup(sym::GETATTR) {
                                let n = self.str_value(&self.symbol_text(name).to_string());
                                return match self.call(ga, &[obj, n]) {
                                    Ok(v) => Ok(Some(v)),
                                    Err(e) => match *e {
                                        Unwind::Raise(exc)
                                            if self.exc_is(exc, ExcKind::AttributeError) =>
                                        {
                                            Err(Box::new(Unwind::Raise(exc)))
                                        }
                                        _ => Err(e),
                                    },
                                };
                            }
                        }
                        Ok(None)
                    }
                }
            }
            Value::Class(c) => {
                if let Some(v) = self.class_special_attr(c, name) {
                    return Ok(Some(v));
                }
                match c.lookup(name) {
                    Some(v) => Ok(Some(self.bind_class_attr_on_class(v, c)?)),
                    None => {
                        // Methods of `type` itself (`mro`), rare.
                        Ok(None)
                    }
                }
            }
            Value::Module(m) => Ok(m.get(name)),
            Value::Func(f) => Ok(match self.symbol_text(name) {
                "__name__" => Some(Value::Str(f.name.get())),
                "__qualname__" => Some(Value::Str(f.qualname.get())),
                "__module__" => Some(self.str_value(&f.module.name.to_string())),
                "__doc__" => Some(Value::None),
                "__defaults__" => {
                    if f.defaults.is_empty() {
                        Some(Value::None)
                    } else {
                        Some(self.tuple_value(f.defaults.to_vec()))
                    }
                }
                _ => f.attrs.get(name),
            }),
            Value::Native(n) => Ok(match self.symbol_text(name) {
                "__name__" => Some(self.str_value(n.name)),
                "__qualname__" => Some(match n.owner {
                    Some(o) => self.string_value(format!("{o}.{}", n.name)),
                    None => self.str_value(n.name),
                }),
                "__doc__" => Some(Value::None),
                "__self__" => Some(if n.bound.is_undef() {
                    Value::None
                } else {
                    n.bound
                }),
                _ => None,
            }),
            Value::Method(m) => Ok(match self.symbol_text(name) {
                "__self__" => Some(m.receiver),
                "__func__" => Some(m.func),
                _ => return self.lookup_attr(m.func, name),
            }),
            Value::Opaque(o) if o.data.as_any().is::<crate::builtins::Super>() => {
                let (class, target) = match o.data.as_any().downcast_ref::<crate::builtins::Super>()
                {
                    Some(sup) => (sup.class, sup.obj),
                    None => unreachable!(),
                };
                self.super_attr(class, target, name)
            }
            Value::Opaque(o) if o.data.as_any().is::<crate::builtins::Traceback>() => {
                let (exc, index) =
                    match o.data.as_any().downcast_ref::<crate::builtins::Traceback>() {
                        Some(tb) => (tb.exc, tb.index),
                        None => unreachable!(),
                    };
                let entries = Vm::exc_data(exc).map(|d| d.traceback()).unwrap_or_default();
                let Some(entry) = entries.len().checked_sub(index + 1).map(|i| entries[i]) else {
                    return Ok(None);
                };
                Ok(match self.symbol_text(name) {
                    "tb_lineno" => Some(Value::Int(
                        entry.code.code.line_near(entry.pc as usize) as i64
                    )),
                    "tb_lasti" => Some(Value::Int(entry.pc as i64 * 2)),
                    "tb_next" => Some(self.traceback_object(exc, index + 1)),
                    "tb_frame" => Some(Value::None),
                    _ => None,
                })
            }
            Value::Opaque(o) if super::settrace::is_frame(o) => Ok(self.frame_attr(o, name)),
            Value::Code(c) => Ok(self.code_attr(c, name)),
            Value::Generator(g) => match self.symbol_text(name) {
                "__name__" => Ok(Some(Value::Str(g.name))),
                "__qualname__" => Ok(Some(Value::Str(g.qualname))),
                _ => self.builtin_method_attr(obj, name),
            },
            _ => self.builtin_method_attr(obj, name),
        }
    }

    /// The traceback object for entry `index` (outermost first) of `exc`,
    /// or `None` past the end.
    pub(crate) fn traceback_object(&mut self, exc: Value, index: usize) -> Value {
        let n = Vm::exc_data(exc).map(|d| d.traceback().len()).unwrap_or(0);
        if index >= n {
            return Value::None;
        }
        Value::Opaque(self.alloc(Opaque {
            data: Box::new(crate::builtins::Traceback { exc, index }),
        }))
    }

    /// `super().name`: look `name` up in the classes after `class` in the

    /// MRO of `target` (an instance, or a class for class methods).
    fn super_attr(
        &mut self,
        class: Gc<Class>,
        target: Value,
        name: Symbol,
    ) -> VmResult<Option<Value>> {
        let mut c = class.base;
        while let Some(k) = c {
            if let Some(v) = k.attrs.get(name) {
                return match target {
                    Value::Class(tc) => Ok(Some(self.bind_class_attr_on_class(v, tc)?)),
                    _ => {
                        let tc = self.type_of(target);
                        Ok(Some(self.bind_class_attr(v, target, tc)?))
                    }
                };
            }
            c = k.base;
        }
        Ok(None)
    }

    /// A method of a builtin type, bound to `obj`.
    fn builtin_method_attr(&mut self, obj: Value, name: Symbol) -> VmResult<Option<Value>> {
        let cls = self.type_of(obj);
        match cls.lookup(name) {
            Some(f @ Value::Native(_)) => {
                let m = self.alloc(BoundMethod {
                    func: f,
                    receiver: obj,
                });
                Ok(Some(Value::Method(m)))
            }
            Some(other) => Ok(Some(other)),
            None => Ok(None),
        }
    }

    /// Binds a class attribute found for an instance: functions become
    /// bound methods; static and class methods unwrap.
    fn bind_class_attr(&mut self, v: Value, inst: Value, cls: Gc<Class>) -> VmResult<Value> {
        match v {
            Value::Func(_) | Value::Native(_) => {
                let m = self.alloc(BoundMethod {
                    func: v,
                    receiver: inst,
                });
                Ok(Value::Method(m))
            }
            Value::Opaque(o) => {
                if let Some(d) = o
                    .data
                    .as_any()
                    .downcast_ref::<crate::builtins::Descriptor>()
                {
                    return self.apply_descriptor(d, inst, cls);
                }
                Ok(v)
            }
            other => Ok(other),
        }
    }

    fn bind_class_attr_on_class(&mut self, v: Value, cls: Gc<Class>) -> VmResult<Value> {
        if let Value::Opaque(o) = v {
            if let Some(d) = o
                .data
                .as_any()
                .downcast_ref::<crate::builtins::Descriptor>()
            {
                return match d {
                    crate::builtins::Descriptor::Static(f) => Ok(*f),
                    crate::builtins::Descriptor::Class(f) => {
                        let m = self.alloc(BoundMethod {
                            func: *f,
                            receiver: Value::Class(cls),
                        });
                        Ok(Value::Method(m))
                    }
                    crate::builtins::Descriptor::Property { .. } => Ok(v),
                };
            }
        }
        Ok(v)
    }

    fn apply_descriptor(
        &mut self,
        d: &crate::builtins::Descriptor,
        inst: Value,
        cls: Gc<Class>,
    ) -> VmResult<Value> {
        use crate::builtins::Descriptor;
        match d {
            Descriptor::Static(f) => Ok(*f),
            Descriptor::Class(f) => {
                let m = self.alloc(BoundMethod {
                    func: *f,
                    receiver: Value::Class(cls),
                });
                Ok(Value::Method(m))
            }
            Descriptor::Property { get, .. } => {
                if get.is_none() {
                    return Err(self.error(ExcKind::AttributeError, "unreadable attribute"));
                }
                self.call(*get, &[inst])
            }
        }
    }

    /// Attributes every exception has.
    fn exception_attr(&mut self, exc: Value, name: Symbol) -> Option<Value> {
        let d = Vm::exc_data(exc)?;
        Some(match self.symbol_text(name) {
            "args" => d.args.get(),
            "__cause__" => d.cause.get(),
            "__context__" => d.context.get(),
            "__suppress_context__" => Value::Bool(d.suppress_context.get()),
            "__traceback__" => return Some(self.traceback_object(exc, 0)),
            "code" if self.exc_is(exc, ExcKind::SystemExit) => self.system_exit_code(exc),
            "value" if self.exc_is(exc, ExcKind::StopIteration) => {
                self.exc_args(exc).first().copied().unwrap_or(Value::None)
            }
            "name"
                if self.exc_is(exc, ExcKind::NameError)
                    || self.exc_is(exc, ExcKind::AttributeError) =>
            {
                Value::None
            }
            "obj" if self.exc_is(exc, ExcKind::AttributeError) => Value::None,
            _ => return None,
        })
    }

    fn class_special_attr(&mut self, c: Gc<Class>, name: Symbol) -> Option<Value> {
        Some(match self.symbol_text(name) {
            "__name__" => self.str_value(&c.name.to_string()),
            "__qualname__" => self.str_value(&c.qualname.to_string()),
            "__module__" if !c.user_defined => self.str_value("builtins"),
            "__base__" => c.base.map_or(Value::None, Value::Class),
            "__bases__" => {
                let bases: Vec<Value> = c.base.map(Value::Class).into_iter().collect();
                self.tuple_value(bases)
            }
            "__mro__" => {
                let mut v = Vec::new();
                let mut cur = Some(c);
                while let Some(k) = cur {
                    v.push(Value::Class(k));
                    cur = k.base;
                }
                self.tuple_value(v)
            }
            "__doc__" if c.attrs.get(name).is_none() => Value::None,
            _ => return None,
        })
    }

    /// `obj.name = value`.
    #[inline(never)]
    pub fn set_attr(&mut self, obj: Value, name: Symbol, value: Value) -> VmResult<()> {
        match obj {
            Value::Instance(i) => {
                if i.class.user_defined {
                    if let Some(Value::Opaque(o)) = i.class.lookup(name) {
                        if let Some(crate::builtins::Descriptor::Property { set, .. }) = o
                            .data
                            .as_any()
                            .downcast_ref::<crate::builtins::Descriptor>()
                        {
                            if set.is_none() {
                                let msg = format!(
                                    "property '{}' of '{}' object has no setter",
                                    self.symbol_text(name),
                                    i.class.name
                                );
                                return Err(self.error(ExcKind::AttributeError, &msg));
                            }
                            self.call(*set, &[obj, value])?;
                            return Ok(());
                        }
                    }
                }
                if !i.class.user_defined && !i.class.is_exception() {
                    return Err(self.no_attr_assign(obj, name));
                }
                i.attrs.set(name, value);
                Ok(())
            }
            Value::Class(c) if c.user_defined => {
                c.attrs.set(name, value);
                self.class_epoch += 1;
                class_mutated();
                Ok(())
            }
            Value::Func(f) => {
                match self.symbol_text(name) {
                    "__name__" => {
                        if let Value::Str(s) = value {
                            f.name.set(s);
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = value {
                            f.qualname.set(s);
                        }
                    }
                    _ => f.attrs.set(name, value),
                }
                Ok(())
            }
            Value::Module(m) => {
                m.set(name, value);
                Ok(())
            }
            Value::Class(c) => {
                let msg = format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    self.symbol_text(name),
                    c.name
                );
                Err(self.type_error(&msg))
            }
            Value::Opaque(o) if super::settrace::is_frame(o) => {
                if self.set_frame_attr(o, name, value)? {
                    Ok(())
                } else {
                    Err(self.no_attr_assign(obj, name))
                }
            }
            _ => Err(self.no_attr_assign(obj, name)),
        }
    }

    fn no_attr_assign(&mut self, obj: Value, name: Symbol) -> Box<Unwind> {
        let has = self.type_of(obj).lookup(name).is_some();
        let msg = if has {
            format!(
                "'{}' object attribute '{}' is read-only",
                obj.type_name(),
                self.symbol_text(name)
            )
        } else {
            format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                self.symbol_text(name)
            )
        };
        let e = self.error(ExcKind::AttributeError, &msg);
        self.annotate_attribute_error(&e, obj, name);
        e
    }

    /// `del obj.name`.
    #[inline(never)]
    pub fn del_attr(&mut self, obj: Value, name: Symbol) -> VmResult<()> {
        let removed = match obj {
            Value::Instance(i) => i.attrs.remove(name),
            Value::Class(c) if c.user_defined => {
                self.class_epoch += 1;
                class_mutated();
                c.attrs.remove(name)
            }
            Value::Func(f) => f.attrs.remove(name),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.attribute_error(obj, name))
        }
    }

    /// `AttributeError` with CPython's message (and the `name`/`obj` it
    /// keeps for "Did you mean" suggestions).
    pub(crate) fn attribute_error(&mut self, obj: Value, name: Symbol) -> Box<Unwind> {
        let n = self.symbol_text(name).to_string();
        let msg = match obj {
            Value::Opaque(o) if o.data.as_any().is::<crate::builtins::Super>() => {
                format!("'super' object has no attribute '{n}'")
            }
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, n),
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, n),
            _ => format!("'{}' object has no attribute '{}'", obj.type_name(), n),
        };
        let e = self.error(ExcKind::AttributeError, &msg);
        self.annotate_attribute_error(&e, obj, name);
        e
    }

    fn annotate_attribute_error(&mut self, e: &Unwind, obj: Value, name: Symbol) {
        if let Unwind::Raise(Value::Instance(i)) = e {
            let n = self.str_value(&self.symbol_text(name).to_string());
            i.attrs.set(sym::NAME, n);
            let obj_sym = self.intern("obj");
            i.attrs.set(obj_sym, obj);
        }
    }

    /// `LoadMethod` through its inline cache: the method and the receiver,
    /// or `None` on a miss (then `load_method_caching`).
    #[inline(always)]
    pub(crate) fn cached_method(
        &self,
        cache: &Cell<MethodCache>,
        obj: Value,
        name: Symbol,
    ) -> Option<Value> {
        let c = cache.get();
        if c.epoch != self.class_epoch || c.key != method_cache_key(obj) {
            return None;
        }
        match obj {
            // An instance attribute shadows the class's method.
            Value::Instance(i) if i.attrs.get(name).is_some() => None,
            _ => Some(c.method),
        }
    }

    /// `load_method`, filling `cache` when the method comes from the
    /// receiver's class.
    #[inline(never)]
    pub(crate) fn load_method_caching(
        &mut self,
        obj: Value,
        name: Symbol,
        cache: &Cell<MethodCache>,
    ) -> VmResult<(Value, Value)> {
        let (f, selfv) = self.load_method(obj, name)?;
        let key = method_cache_key(obj);
        if key != 0 && !selfv.is_undef() {
            cache.set(MethodCache {
                key,
                epoch: self.class_epoch,
                method: f,
            });
        }
        Ok((f, selfv))
    }

    /// For a method call `obj.name(...)`: the function and the receiver to
    /// pass as `self`, or the plain attribute and `Undef` when it is not a
    /// method (no bound method is allocated either way).
    #[inline(never)]
    pub(crate) fn load_method(&mut self, obj: Value, name: Symbol) -> VmResult<(Value, Value)> {
        match obj {
            Value::Instance(i) => {
                if i.attrs.get(name).is_none() {
                    if let Some(f @ Value::Func(_)) = i.class.lookup(name) {
                        return Ok((f, obj));
                    }
                }
            }
            Value::Module(_)
            | Value::Class(_)
            | Value::Func(_)
            | Value::Method(_)
            | Value::Native(_)
            | Value::Opaque(_) => {}
            _ => {
                let cls = self.type_of(obj);
                if let Some(f @ Value::Native(_)) = cls.lookup(name) {
                    return Ok((f, obj));
                }
            }
        }
        Ok((self.get_attr(obj, name)?, Value::Undef))
    }
}

/// The `MethodCache` key of a receiver's type: a small tag for the builtin
/// types whose methods are fixed, the class address for an instance, 0 for
/// anything not cached.
#[inline(always)]
fn method_cache_key(obj: Value) -> usize {
    match obj {
        Value::Instance(i) => i.class.addr(),
        Value::Str(_) => 1,
        Value::List(_) => 2,
        Value::Dict(_) => 3,
        Value::Tuple(_) => 4,
        Value::Int(_) => 5,
        Value::Float(_) => 6,
        _ => 0,
    }
}
