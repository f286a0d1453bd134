//! The builtin class objects (`int`, `list`, ...) and the exception
//! hierarchy, and the helpers Rust code uses to raise guest exceptions.

use crate::gc::Gc;
use crate::intern::sym;
use crate::object::*;
use crate::value::Value;

use super::{Types, Unwind, Vm};

macro_rules! exc_kinds {
    ($($name:ident : $parent:ident,)*) => {
        /// The builtin exception classes, in creation order (parents first).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum ExcKind { $($name,)* }

        const EXC_TABLE: &[(ExcKind, &str, ExcKind)] = &[
            $((ExcKind::$name, stringify!($name), ExcKind::$parent),)*
        ];
    };
}

exc_kinds! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    FloatingPointError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    TimeoutError: OSError,
    FileNotFoundError: OSError,
    PermissionError: OSError,
    ConnectionError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    RecursionError: RuntimeError,
    NotImplementedError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    Warning: Exception,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    UserWarning: Warning,
}

impl ExcKind {
    /// The class name.
    pub fn name(self) -> &'static str {
        EXC_TABLE[self as usize].1
    }

    /// Every kind.
    pub fn all() -> impl Iterator<Item = ExcKind> {
        EXC_TABLE.iter().map(|e| e.0)
    }

    /// Looks a kind up by class name.
    pub fn from_name(name: &str) -> Option<ExcKind> {
        EXC_TABLE.iter().find(|e| e.1 == name).map(|e| e.0)
    }
}

impl Vm {
    fn new_builtin_class(
        &mut self,
        name: &'static str,
        base: Option<Gc<Class>>,
        builtin: BuiltinType,
    ) -> Gc<Class> {
        self.alloc(Class {
            name: name.into(),
            qualname: name.into(),
            base,
            attrs: AttrMap::default(),
            builtin,
            user_defined: false,
            constructor: std::cell::Cell::new(None),
            lookups: Default::default(),
            module: "builtins".into(),
        })
    }

    pub(crate) fn init_types(&mut self) {
        let object = self.new_builtin_class("object", None, BuiltinType::Object);
        // Nothing can collect before `types` is set: collections only run
        // from the dispatch loop.
        let c = |vm: &mut Vm, name: &'static str, b: BuiltinType| {
            vm.new_builtin_class(name, Some(object), b)
        };
        let int = c(self, "int", BuiltinType::Int);
        let bool_ = self.new_builtin_class("bool", Some(int), BuiltinType::Bool);
        let types = Types {
            object,
            type_: c(self, "type", BuiltinType::Type),
            none: c(self, "NoneType", BuiltinType::NoneType),
            bool_,
            int,
            float: c(self, "float", BuiltinType::Float),
            str_: c(self, "str", BuiltinType::Str),
            list: c(self, "list", BuiltinType::List),
            tuple: c(self, "tuple", BuiltinType::Tuple),
            dict: c(self, "dict", BuiltinType::Dict),
            range: c(self, "range", BuiltinType::Range),
            slice: c(self, "slice", BuiltinType::Slice),
            function: c(self, "function", BuiltinType::Other),
            builtin_function: c(self, "builtin_function_or_method", BuiltinType::Other),
            method: c(self, "method", BuiltinType::Other),
            module: c(self, "module", BuiltinType::Other),
            generator: c(self, "generator", BuiltinType::Other),
            other: Vec::new(),
        };
        self.types = Some(types);
        let mut classes: Vec<Gc<Class>> = Vec::new();
        for &(kind, name, parent) in EXC_TABLE {
            let base = if kind == ExcKind::BaseException {
                object
            } else {
                classes[parent as usize]
            };
            let cls = self.new_builtin_class(name, Some(base), BuiltinType::Exception);
            classes.push(cls);
        }
        self.exc_classes = classes;
    }

    /// The class of an exception kind.
    pub fn exc_class(&self, kind: ExcKind) -> Gc<Class> {
        self.exc_classes[kind as usize]
    }

    /// The class of any value (`type(v)`).
    pub fn type_of(&mut self, v: Value) -> Gc<Class> {
        let t = self.types();
        match v {
            Value::None => t.none,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Str(_) => t.str_,
            Value::List(_) => t.list,
            Value::Tuple(_) => t.tuple,
            Value::Dict(_) => t.dict,
            Value::Range(_) => t.range,
            Value::Slice(_) => t.slice,
            Value::Func(_) => t.function,
            Value::Native(_) => t.builtin_function,
            Value::Method(_) => t.method,
            Value::Class(_) => t.type_,
            Value::Instance(i) => i.class,
            Value::Module(_) => t.module,
            Value::Generator(_) => t.generator,
            other => {
                let name: &'static str = match other {
                    Value::Iter(it) => it.type_name(),
                    Value::DictView(d) => d.type_name(),
                    Value::Opaque(o) => o.type_name(),
                    Value::NotImplemented => "NotImplementedType",
                    Value::Ellipsis => "ellipsis",
                    Value::Cell(_) => "cell",
                    Value::Code(_) => "code",
                    _ => "object",
                };
                if let Some(&(_, c)) = t.other.iter().find(|(n, _)| *n == name) {
                    return c;
                }
                let object = t.object;
                let c = self.new_builtin_class(name, Some(object), BuiltinType::Other);
                self.types.as_mut().unwrap().other.push((name, c));
                c
            }
        }
    }

    /// Creates an exception instance of `class` with `args`.
    pub fn new_exception(&mut self, class: Gc<Class>, args: Vec<Value>) -> Value {
        let args = self.tuple_value(args);
        let data = ExcData::default();
        data.args.set(args);
        data.context.set(Value::None);
        data.cause.set(Value::None);
        Value::Instance(self.alloc(Instance {
            class,
            attrs: AttrMap::default(),
            exc: Some(Box::new(data)),
        }))
    }

    /// A raised exception of `kind` with one string argument.
    #[cold]
    #[inline(never)]
    pub fn error(&mut self, kind: ExcKind, msg: &str) -> Box<Unwind> {
        let cls = self.exc_class(kind);
        let m = self.str_value(msg);
        self.roots.push(m);
        let e = self.new_exception(cls, vec![m]);
        self.roots.pop();
        Box::new(Unwind::Raise(e))
    }

    /// A raised exception of `kind` with one arbitrary argument.
    pub fn error_with(&mut self, kind: ExcKind, arg: Value) -> Box<Unwind> {
        let cls = self.exc_class(kind);
        let e = self.new_exception(cls, vec![arg]);
        Box::new(Unwind::Raise(e))
    }

    /// A raised exception of `kind` without arguments.
    pub fn new_error_noargs(&mut self, kind: ExcKind) -> Box<Unwind> {
        let cls = self.exc_class(kind);
        let e = self.new_exception(cls, Vec::new());
        Box::new(Unwind::Raise(e))
    }

    /// `TypeError(msg)`.
    #[cold]
    #[inline(never)]
    pub fn type_error(&mut self, msg: &str) -> Box<Unwind> {
        self.error(ExcKind::TypeError, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: &str) -> Box<Unwind> {
        self.error(ExcKind::ValueError, msg)
    }

    /// `OverflowError` for 64-bit int overflow (a documented deviation:
    /// CPython's ints are unbounded).
    pub fn int_overflow(&mut self) -> Box<Unwind> {
        self.error(
            ExcKind::OverflowError,
            "integer overflow: this VM's int is 64-bit",
        )
    }

    /// Whether `exc` (an exception instance) is an instance of `kind`.
    pub fn exc_is(&self, exc: Value, kind: ExcKind) -> bool {
        match exc {
            Value::Instance(i) => i.class.is_subclass_of(&self.exc_class(kind)),
            _ => false,
        }
    }

    /// The exception data of an exception instance.
    pub(crate) fn exc_data(exc: Value) -> Option<&'static ExcData> {
        match exc {
            Value::Instance(i) => i.inner().exc.as_deref(),
            _ => None,
        }
    }

    /// `exc.args` as a vector.
    pub fn exc_args(&self, exc: Value) -> Vec<Value> {
        match Vm::exc_data(exc).map(|d| d.args.get()) {
            Some(Value::Tuple(t)) => t.items().to_vec(),
            _ => Vec::new(),
        }
    }

    /// Makes `exc` the `SystemExit` of a kill.
    pub(crate) fn mark_kill(&self, exc: Value, mark: KillMark) {
        if let Some(d) = Vm::exc_data(exc) {
            d.kill.set(Some(mark));
        }
    }

    /// Whether `exc` is a soft-kill `SystemExit`, and how.
    pub fn kill_mark(&self, exc: Value) -> Option<KillMark> {
        Vm::exc_data(exc).and_then(|d| d.kill.get())
    }

    /// `SystemExit.code` of an exception value.
    pub fn system_exit_code(&self, exc: Value) -> Value {
        if let Value::Instance(i) = exc {
            if let Some(v) = i.attrs.get(sym::CODE) {
                return v;
            }
        }
        let args = self.exc_args(exc);
        match args.len() {
            0 => Value::None,
            1 => args[0],
            _ => match Vm::exc_data(exc).map(|d| d.args.get()) {
                Some(t) => t,
                None => Value::None,
            },
        }
    }
}
