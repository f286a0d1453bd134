//! `repr()` and `str()` of every value, with CPython's spelling, guest
//! `__repr__`/`__str__`, and `[...]` for self-containing containers.

use crate::format::{float_repr, str_repr};
use crate::intern::sym;
use crate::object::*;
use crate::value::Value;

use super::{ExcKind, Vm, VmResult};

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> VmResult<String> {
        let mut out = String::new();
        self.repr_into(v, &mut out)?;
        Ok(out)
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: Value) -> VmResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(i) => {
                if i.class.user_defined {
                    if let Some(f) = i.class.lookup(sym::STR) {
                        let r = self.call(f, &[v])?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => {
                                let msg = format!(
                                    "__str__ returned non-string (type {})",
                                    other.type_name()
                                );
                                Err(self.type_error(&msg))
                            }
                        };
                    }
                }
                if i.class.is_exception() && !self.class_defines_repr(i.class) {
                    return self.exception_str(v);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    fn class_defines_repr(&self, c: crate::gc::Gc<Class>) -> bool {
        c.user_defined && c.lookup(sym::REPR).is_some()
    }

    /// `str(exc)`: the message.
    pub fn exception_str(&mut self, exc: Value) -> VmResult<String> {
        let args = self.exc_args(exc);
        let is_key_error = self.exc_is(exc, ExcKind::KeyError);
        match args.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(args[0]),
            1 => self.to_str(args[0]),
            _ => {
                let t = self.tuple_value(args);
                self.repr(t)
            }
        }
    }

    /// Appends `repr(v)` to `out`.
    pub(crate) fn repr_into(&mut self, v: Value, out: &mut String) -> VmResult<()> {
        match v {
            Value::Undef => out.push_str("<undefined>"),
            Value::None => out.push_str("None"),
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
            Value::Int(i) => out.push_str(crate::format::int_str(i, &mut [0; 20])),
            Value::Float(f) => out.push_str(&float_repr(f)),
            Value::Str(s) => out.push_str(&str_repr(s.as_str())),
            Value::List(l) => {
                self.repr_depth_check()?;
                if self.repr_enter(v) {
                    out.push_str("[...]");
                    return Ok(());
                }
                out.push('[');
                let mut i = 0;
                let r: VmResult<_> = (|| {
                    while let Some(x) = l.get(i) {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(x, out)?;
                        i += 1;
                    }
                    Ok(())
                })();
                self.repr_leave();
                r?;
                out.push(']');
            }
            Value::Tuple(t) => {
                self.repr_depth_check()?;
                if self.repr_enter(v) {
                    out.push_str("(...)");
                    return Ok(());
                }
                out.push('(');
                let r: VmResult<_> = (|| {
                    for (i, &x) in t.items().iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.repr_into(x, out)?;
                    }
                    Ok(())
                })();
                self.repr_leave();
                r?;
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                self.repr_depth_check()?;
                if self.repr_enter(v) {
                    out.push_str("{...}");
                    return Ok(());
                }
                out.push('{');
                let r: VmResult<_> = (|| {
                    let mut pos = 0;
                    let mut first = true;
                    while let Some((p, k, val)) = d.table().next_entry(pos) {
                        pos = p + 1;
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        self.repr_into(k, out)?;
                        out.push_str(": ");
                        self.repr_into(val, out)?;
                    }
                    Ok(())
                })();
                self.repr_leave();
                r?;
                out.push('}');
            }
            Value::Range(r) => {
                if r.step == 1 {
                    out.push_str(&format!("range({}, {})", r.start, r.stop));
                } else {
                    out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
                }
            }
            Value::Slice(s) => {
                out.push_str("slice(");
                self.repr_into(s.start, out)?;
                out.push_str(", ");
                self.repr_into(s.stop, out)?;
                out.push_str(", ");
                self.repr_into(s.step, out)?;
                out.push(')');
            }
            Value::DictView(view) => {
                out.push_str(view.type_name());
                out.push('(');
                let items = match view.part {
                    DictPart::Keys => view.dict.table().keys(),
                    DictPart::Values => view.dict.table().values(),
                    DictPart::Items => {
                        let pairs = view.dict.table().items();
                        let mark = self.roots.len();
                        for (k, val) in pairs {
                            let t = self.tuple_value(vec![k, val]);
                            self.roots.push(t);
                        }
                        let ts = self.roots[mark..].to_vec();
                        self.roots.truncate(mark);
                        ts
                    }
                };
                let l = self.list_value(items);
                self.roots.push(l);
                let r = self.repr_into(l, out);
                self.roots.pop();
                r?;
                out.push(')');
            }
            Value::Func(f) => out.push_str(&format!(
                "<function {} at {:#x}>",
                f.qualname.get().as_str(),
                v.heap_addr().unwrap_or(0)
            )),
            Value::Native(n) => match n.owner {
                Some(owner) if n.bound.is_undef() => {
                    out.push_str(&format!("<method '{}' of '{}' objects>", n.name, owner))
                }
                _ => out.push_str(&format!("<built-in function {}>", n.name)),
            },
            Value::Method(m) => match m.func {
                Value::Native(n) => out.push_str(&format!(
                    "<built-in method {} of {} object at {:#x}>",
                    n.name,
                    m.receiver.type_name(),
                    m.receiver.heap_addr().unwrap_or(0)
                )),
                func => {
                    let qual = match func {
                        Value::Func(f) => f.qualname.get().as_str().to_string(),
                        _ => "?".into(),
                    };
                    out.push_str(&format!("<bound method {qual} of "));
                    self.repr_into(m.receiver, out)?;
                    out.push('>');
                }
            },
            Value::Class(c) => {
                if c.user_defined {
                    out.push_str(&format!("<class '{}.{}'>", c.module, c.qualname));
                } else {
                    out.push_str(&format!("<class '{}'>", c.name));
                }
            }
            Value::Instance(i) => {
                if i.class.user_defined {
                    if let Some(f) = i.class.lookup(sym::REPR) {
                        self.enter_nested()?;
                        let r = self.call(f, &[v]);
                        self.leave_nested();
                        return match r? {
                            Value::Str(s) => {
                                out.push_str(s.as_str());
                                Ok(())
                            }
                            other => {
                                let msg = format!(
                                    "__repr__ returned non-string (type {})",
                                    other.type_name()
                                );
                                Err(self.type_error(&msg))
                            }
                        };
                    }
                }
                if i.class.is_exception() {
                    out.push_str(&i.class.name);
                    let args = self.exc_args(v);
                    if args.len() == 1 {
                        out.push('(');
                        self.repr_into(args[0], out)?;
                        out.push(')');
                    } else {
                        let t = self.tuple_value(args);
                        self.repr_into(t, out)?;
                    }
                } else {
                    out.push_str(&format!(
                        "<{}.{} object at {:#x}>",
                        i.class.module,
                        i.class.qualname,
                        v.heap_addr().unwrap_or(0)
                    ));
                }
            }
            Value::Module(m) => out.push_str(&format!("<module '{}' (built-in)>", m.name)),
            Value::Iter(_) | Value::Cell(_) | Value::Code(_) | Value::Opaque(_) => {
                out.push_str(&format!(
                    "<{} object at {:#x}>",
                    v.type_name(),
                    v.heap_addr().unwrap_or(0)
                ))
            }
            Value::Generator(g) => out.push_str(&format!(
                "<generator object {} at {:#x}>",
                g.qualname.as_str(),
                v.heap_addr().unwrap_or(0)
            )),
        }
        Ok(())
    }

    /// Marks `v` as being printed; true if it already is (a cycle).
    fn repr_enter(&mut self, v: Value) -> bool {
        let addr = v.heap_addr().unwrap_or(0);
        if self.repr_stack.contains(&addr) {
            return true;
        }
        self.repr_stack.push(addr);
        false
    }

    /// Guards the Rust recursion of `repr` over nested containers.
    fn repr_depth_check(&mut self) -> VmResult<()> {
        if self.repr_stack.len() >= self.config.recursion_limit.max(100) {
            return Err(self.error(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        Ok(())
    }

    fn repr_leave(&mut self) {
        self.repr_stack.pop();
    }
}
