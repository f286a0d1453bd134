//! Interned identifiers. The compiler interns every identifier and attribute
//! name with `lasso` into a `Symbol`; each VM keeps its own interner (guest
//! code can make new names at run time with `getattr`) and maps a program's
//! symbols onto its own when it loads the program.
//!
//! Names the VM itself looks up (`__init__`, `append`, ...) are interned
//! first, in a fixed order, so they have constant symbols in [`sym`].

use lasso::{Key, Rodeo, Spur};

/// An interned name. Four bytes; `Option<Symbol>` is four bytes too.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Symbol(std::num::NonZeroU32);

impl Symbol {
    const fn from_index(i: usize) -> Symbol {
        match std::num::NonZeroU32::new(i as u32 + 1) {
            Some(n) => Symbol(n),
            None => panic!("symbol index overflow"),
        }
    }

    /// Dense index, starting at 0.
    #[inline]
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    fn spur(self) -> Spur {
        Spur::try_from_usize(self.index()).expect("symbol fits in a Spur")
    }

    fn from_spur(s: Spur) -> Symbol {
        Symbol::from_index(s.into_usize())
    }
}

macro_rules! well_known {
    ($($name:ident = $text:expr,)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(usize)]
        enum WellKnown { $($name,)* }

        /// Symbols of names the VM looks up itself, valid in every interner.
        #[allow(missing_docs)]
        pub mod sym {
            use super::*;
            $(pub const $name: Symbol = Symbol::from_index(WellKnown::$name as usize);)*
        }

        const WELL_KNOWN: &[&str] = &[$($text,)*];
    };
}

well_known! {
    INIT = "__init__",
    NEW = "__new__",
    NAME = "__name__",
    QUALNAME = "__qualname__",
    MODULE = "__module__",
    CLASS = "__class__",
    DICT = "__dict__",
    DOC = "__doc__",
    STR = "__str__",
    REPR = "__repr__",
    FORMAT = "__format__",
    EQ = "__eq__",
    NE = "__ne__",
    LT = "__lt__",
    LE = "__le__",
    GT = "__gt__",
    GE = "__ge__",
    HASH = "__hash__",
    BOOL = "__bool__",
    LEN = "__len__",
    GETITEM = "__getitem__",
    SETITEM = "__setitem__",
    DELITEM = "__delitem__",
    CONTAINS = "__contains__",
    ITER = "__iter__",
    NEXT = "__next__",
    CALL = "__call__",
    ENTER = "__enter__",
    EXIT = "__exit__",
    GETATTR = "__getattr__",
    ADD = "__add__",
    SUB = "__sub__",
    MUL = "__mul__",
    TRUEDIV = "__truediv__",
    FLOORDIV = "__floordiv__",
    MOD = "__mod__",
    POW = "__pow__",
    LSHIFT = "__lshift__",
    RSHIFT = "__rshift__",
    AND = "__and__",
    OR = "__or__",
    XOR = "__xor__",
    MATMUL = "__matmul__",
    RADD = "__radd__",
    RSUB = "__rsub__",
    RMUL = "__rmul__",
    RTRUEDIV = "__rtruediv__",
    RFLOORDIV = "__rfloordiv__",
    RMOD = "__rmod__",
    RPOW = "__rpow__",
    RLSHIFT = "__rlshift__",
    RRSHIFT = "__rrshift__",
    RAND = "__rand__",
    ROR = "__ror__",
    RXOR = "__rxor__",
    RMATMUL = "__rmatmul__",
    IADD = "__iadd__",
    ISUB = "__isub__",
    IMUL = "__imul__",
    ITRUEDIV = "__itruediv__",
    IFLOORDIV = "__ifloordiv__",
    IMOD = "__imod__",
    IPOW = "__ipow__",
    ILSHIFT = "__ilshift__",
    IRSHIFT = "__irshift__",
    IAND = "__iand__",
    IOR = "__ior__",
    IXOR = "__ixor__",
    IMATMUL = "__imatmul__",
    NEG = "__neg__",
    POS = "__pos__",
    INVERT = "__invert__",
    ABS = "__abs__",
    INT = "__int__",
    FLOAT = "__float__",
    INDEX = "__index__",
    ARGS = "args",
    CODE = "code",
    VALUE = "value",
    MAIN = "__main__",
    MODULE_NAME = "<module>",
    LAMBDA = "<lambda>",
    LISTCOMP = "<listcomp>",
    DICTCOMP = "<dictcomp>",
    SETCOMP = "<setcomp>",
    GENEXPR = "<genexpr>",
    SELF = "self",
    CAUSE = "__cause__",
    CONTEXT = "__context__",
    TRACEBACK = "__traceback__",
    SUPPRESS_CONTEXT = "__suppress_context__",
    BASES = "__bases__",
    BASE = "__base__",
    MRO = "__mro__",
    SLOTS = "__slots__",
    FILE = "__file__",
    BUILTINS = "__builtins__",
    CLASSCELL = "__classcell__",
    PRINT = "print",
    RUN = "run",
}

/// A string interner that knows the well-known names.
pub struct Interner {
    rodeo: Rodeo<Spur>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner::new()
    }
}

impl Interner {
    /// A fresh interner with every well-known name at its constant symbol.
    pub fn new() -> Interner {
        let mut rodeo: Rodeo<Spur> = Rodeo::new();
        for (i, name) in WELL_KNOWN.iter().enumerate() {
            let s = rodeo.get_or_intern_static(name);
            debug_assert_eq!(s.into_usize(), i);
        }
        Interner { rodeo }
    }

    /// Interns `name`.
    pub fn intern(&mut self, name: &str) -> Symbol {
        Symbol::from_spur(self.rodeo.get_or_intern(name))
    }

    /// The symbol for `name` if it was ever interned.
    pub fn get(&self, name: &str) -> Option<Symbol> {
        self.rodeo.get(name).map(Symbol::from_spur)
    }

    /// The text of `sym`.
    pub fn resolve(&self, sym: Symbol) -> &str {
        self.rodeo.resolve(&sym.spur())
    }

    /// Freezes into a read-only, shareable table (for a compiled program).
    pub fn into_names(self) -> Names {
        Names {
            resolver: self.rodeo.into_resolver(),
        }
    }
}

/// A frozen interner: `Send + Sync`, shared by a compiled program.
pub struct Names {
    resolver: lasso::RodeoResolver<Spur>,
}

impl Names {
    /// The text of `sym`.
    pub fn resolve(&self, sym: Symbol) -> &str {
        self.resolver.resolve(&sym.spur())
    }
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Names({} symbols)",
            lasso::RodeoResolver::<Spur>::len(&self.resolver)
        )
    }
}
