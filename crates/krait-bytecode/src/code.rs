//! Code objects: a compiled function, class body, module or expression.

use crate::constant::Constant;
use crate::exception_table::ExceptionTable;
use crate::instruction::Instruction;
use crate::line_table::LineTable;

/// The `co_flags` of a code object, with CPython's bit values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Locals are fast slots (functions), not a mapping.
    pub const OPTIMIZED: CodeFlags = CodeFlags(0x0001);
    /// A fresh locals namespace is created for each call.
    pub const NEWLOCALS: CodeFlags = CodeFlags(0x0002);
    /// Takes `*args` (the slot after the named parameters).
    pub const VARARGS: CodeFlags = CodeFlags(0x0004);
    /// Takes `**kwargs` (the slot after `*args`, if any).
    pub const VARKEYWORDS: CodeFlags = CodeFlags(0x0008);
    /// Defined inside another function.
    pub const NESTED: CodeFlags = CodeFlags(0x0010);
    /// Calling it creates a generator.
    pub const GENERATOR: CodeFlags = CodeFlags(0x0020);
    /// Has no free or cell variables.
    pub const NOFREE: CodeFlags = CodeFlags(0x0040);
    /// An `async def` (reserved; krait does not run coroutines yet).
    pub const COROUTINE: CodeFlags = CodeFlags(0x0080);
    /// A generator usable in `await` (reserved).
    pub const ITERABLE_COROUTINE: CodeFlags = CodeFlags(0x0100);
    /// An async generator (reserved).
    pub const ASYNC_GENERATOR: CodeFlags = CodeFlags(0x0200);

    /// Every defined bit; others are rejected by the verifier.
    pub const ALL: CodeFlags = CodeFlags(0x03ff);

    /// The empty set.
    pub const fn empty() -> Self {
        CodeFlags(0)
    }
    /// True if every bit of `other` is set.
    pub const fn contains(self, other: CodeFlags) -> bool {
        self.0 & other.0 == other.0
    }
    /// The union.
    pub const fn union(self, other: CodeFlags) -> Self {
        CodeFlags(self.0 | other.0)
    }
    /// Sets or clears the bits of `other`.
    pub fn set(&mut self, other: CodeFlags, on: bool) {
        if on {
            self.0 |= other.0;
        } else {
            self.0 &= !other.0;
        }
    }
}

impl std::ops::BitOr for CodeFlags {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for CodeFlags {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

/// A compiled unit of Python code, like CPython's `types.CodeType`.
///
/// The parameters are the first `varnames`: `argcount` positional (the
/// first `posonlyargcount` of them positional-only), then `kwonlyargcount`
/// keyword-only, then `*args` if VARARGS, then `**kwargs` if VARKEYWORDS.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: the function or class name, `<module>`, `<lambda>`...
    pub name: String,
    /// `co_qualname`: the dotted path (`Outer.method.<locals>.inner`);
    /// MAKE_FUNCTION gives it to the function.
    pub qualname: String,
    /// `co_filename`.
    pub filename: String,
    /// `co_firstlineno`.
    pub first_line: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    /// Positional-only parameters (a prefix of the positional ones).
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_flags`.
    pub flags: CodeFlags,
    /// Fast local names; LOAD_FAST operands index it.
    pub varnames: Vec<String>,
    /// Names of locals captured by inner functions (cells created here).
    pub cellvars: Vec<String>,
    /// Names of variables captured from enclosing functions.
    pub freevars: Vec<String>,
    /// Global, attribute and imported names; LOAD_NAME/LOAD_ATTR... index it.
    pub names: Vec<String>,
    /// `co_consts`.
    pub constants: Vec<Constant>,
    /// The code, executed from index 0.
    pub instructions: Vec<Instruction>,
    /// The source line of each instruction.
    pub line_table: LineTable,
    /// Where exceptions raised in each instruction range are handled.
    pub exception_table: ExceptionTable,
    /// Upper bound of the value stack depth, as computed by
    /// [`max_stack_depth`](crate::max_stack_depth).
    pub max_stackdepth: u32,
}

impl CodeObject {
    /// A code object with the given name and no code; the compiler fills
    /// in the rest.
    pub fn new(
        name: impl Into<String>,
        qualname: impl Into<String>,
        filename: impl Into<String>,
    ) -> Self {
        CodeObject {
            name: name.into(),
            qualname: qualname.into(),
            filename: filename.into(),
            first_line: 1,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags::empty(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            names: Vec::new(),
            constants: Vec::new(),
            instructions: Vec::new(),
            line_table: LineTable::default(),
            exception_table: ExceptionTable::default(),
            max_stackdepth: 0,
        }
    }

    /// Number of parameter slots at the start of `varnames`, counting
    /// `*args` and `**kwargs`.
    pub fn total_args(&self) -> u64 {
        self.argcount as u64
            + self.kwonlyargcount as u64
            + self.flags.contains(CodeFlags::VARARGS) as u64
            + self.flags.contains(CodeFlags::VARKEYWORDS) as u64
    }

    /// The name of deref slot `i` (index into `cellvars ++ freevars`).
    pub fn deref_name(&self, i: usize) -> Option<&str> {
        if i < self.cellvars.len() {
            Some(&self.cellvars[i])
        } else {
            self.freevars
                .get(i - self.cellvars.len())
                .map(String::as_str)
        }
    }

    /// For each cellvar that is also a parameter, `(cell index, varnames
    /// index)`: on frame entry the VM moves the argument into the cell.
    pub fn cell_args(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let nargs = self.total_args().min(self.varnames.len() as u64) as usize;
        self.cellvars
            .iter()
            .enumerate()
            .filter_map(move |(cell, name)| {
                self.varnames[..nargs]
                    .iter()
                    .position(|v| v == name)
                    .map(|arg| (cell, arg))
            })
    }

    /// The source line of instruction `index`, if it has one.
    pub fn line_of(&self, index: usize) -> Option<u32> {
        self.line_table.line(index)
    }

    /// The code objects directly nested in `constants`, including inside
    /// tuples.
    pub fn nested_code(&self) -> Vec<&CodeObject> {
        fn walk<'a>(c: &'a Constant, out: &mut Vec<&'a CodeObject>) {
            match c {
                Constant::Code(code) => out.push(code),
                Constant::Tuple(items) => items.iter().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        self.constants.iter().for_each(|c| walk(c, &mut out));
        out
    }
}
