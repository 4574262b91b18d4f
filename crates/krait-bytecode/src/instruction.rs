//! The instruction set, defined once.
//!
//! `instructions!` below is the single source of truth: one entry per
//! instruction with its `dis` name, its Rust variant and operand, its stack
//! effect and its control flow, and its documentation. Everything else — the
//! [`Instruction`] enum, [`Opcode`], names, operand kinds, stack effects,
//! the .kbc codec's opcode numbering, the verifier's operand checks and the
//! markdown reference in `docs/instructions.md` — is generated from it.
//!
//! Adding an instruction means adding one entry here (plus its emission in
//! the compiler and its arm in the VM). Opcode numbers are positions in the
//! table, and the .kbc header carries a fingerprint of the table, so files
//! written by another instruction set are rejected instead of misread.
//!
//! Conventions of the table:
//! - `stack(pops => pushes)` counts values, with the operand bound to the
//!   name given in the entry; `n` widens operands to `u64` so the
//!   arithmetic cannot overflow on hostile operands.
//! - An instruction that reaches below the values it consumes (COPY,
//!   LIST_APPEND...) counts the values it reaches as popped and pushed back,
//!   so the depth check also proves those values exist.
//! - Flow is `Next` (falls through), `Branch` (falls through or jumps to its
//!   label; an optional second `(pops => pushes)` is the effect when the jump
//!   is taken), `Jump` (always jumps) or `Stop` (never continues in this
//!   frame: return or raise).
//! - Stack pictures in the docs list the top of stack last.

use std::fmt;

use crate::operand::{
    BackLabel, BinaryOperator, ComparisonOperator, ConstIdx, Depth, DerefIdx, FormatFlags,
    KwNamesIdx, Label, LocalIdx, MakeFunctionFlags, NameIdx, Operand, OperandContext, OperandKind,
    RaiseKind, SliceArgc, UnpackExCounts,
};
use crate::verify::VerifyErrorKind;

/// How control leaves an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flow {
    /// Continues with the next instruction.
    Next,
    /// Continues with the next instruction or jumps to its label.
    Branch,
    /// Always jumps to its label.
    Jump,
    /// Leaves the frame (return) or raises; no successor in this frame.
    Stop,
}

/// How many values an instruction pops and then pushes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StackEffect {
    /// Values removed from the stack (or reached below the top).
    pub pops: u64,
    /// Values put back.
    pub pushes: u64,
}

/// Widens an operand for stack-effect arithmetic.
fn n(value: impl Into<u64>) -> u64 {
    value.into()
}

macro_rules! operand_kind {
    () => {
        OperandKind::None
    };
    ($ty:ty) => {
        <$ty as Operand>::KIND
    };
}

/// The given expression if there is one, else the default.
macro_rules! pick {
    ($default:expr ;) => {
        $default
    };
    ($default:expr ; $given:expr) => {
        $given
    };
}

macro_rules! stringify_or_none {
    () => {
        None
    };
    ($($t:tt)+) => {
        Some(concat!(stringify!($($t)+)))
    };
}

macro_rules! instructions {
    (
        $(
            $(#[doc = $doc:literal])*
            $name:ident $variant:ident $( ( $arg:ident : $ty:ty ) )?
                : stack( $pops:expr => $pushes:expr ), $flow:ident
                $( ( $jpops:expr => $jpushes:expr ) )? ;
        )*
    ) => {
        /// One instruction with its operand inline (8 bytes).
        ///
        /// Variant docs are the semantics; see `docs/instructions.md` for
        /// the same text with operand kinds and stack effects.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Instruction {
            $(
                $(#[doc = $doc])*
                $variant $( ($ty) )?,
            )*
        }

        /// The instruction without its operand; its value is the opcode
        /// byte in .kbc files.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $(
                #[doc = concat!("`", stringify!($name), "`")]
                $variant,
            )*
        }

        impl Opcode {
            /// Every opcode, in table order (index = opcode byte).
            pub const ALL: &'static [Opcode] = &[$( Opcode::$variant, )*];

            /// The opcode for a .kbc opcode byte.
            pub fn from_byte(byte: u8) -> Option<Opcode> {
                Opcode::ALL.get(byte as usize).copied()
            }

            /// The CPython-style name `dis` prints (`LOAD_FAST`).
            pub fn name(self) -> &'static str {
                match self {
                    $( Opcode::$variant => stringify!($name), )*
                }
            }

            /// What the operand means.
            pub fn operand_kind(self) -> OperandKind {
                match self {
                    $( Opcode::$variant => operand_kind!($($ty)?), )*
                }
            }

            /// How control leaves the instruction.
            pub fn flow(self) -> Flow {
                match self {
                    $( Opcode::$variant => Flow::$flow, )*
                }
            }

            /// The documentation text of the instruction (markdown).
            pub fn doc(self) -> &'static str {
                match self {
                    $( Opcode::$variant => concat!($($doc, "\n",)*), )*
                }
            }

            /// The stack effect as written in the table, for documentation:
            /// `(pops, pushes, Some((pops, pushes)) when the jump differs)`.
            fn effect_source(self) -> (&'static str, &'static str, Option<&'static str>) {
                match self {
                    $( Opcode::$variant => (
                        stringify!($pops),
                        stringify!($pushes),
                        stringify_or_none!($( $jpops => $jpushes )?),
                    ), )*
                }
            }

            /// The operand's name in the table (`argc`, `namei`...).
            pub fn operand_name(self) -> Option<&'static str> {
                match self {
                    $( Opcode::$variant => stringify_or_none!($($arg)?), )*
                }
            }
        }

        impl Instruction {
            /// The opcode, without the operand.
            pub fn opcode(&self) -> Opcode {
                match self {
                    $( Instruction::$variant { .. } => Opcode::$variant, )*
                }
            }

            /// The raw operand value as stored in .kbc, `None` if the
            /// instruction takes no operand.
            pub fn raw_operand(&self) -> Option<u32> {
                match *self {
                    $( Instruction::$variant $( ($arg) )? => {
                        None $( .or(Some(Operand::to_raw($arg))) )?
                    } )*
                }
            }

            /// Rebuilds an instruction from its opcode and raw operand (the
            /// raw value is ignored for instructions without an operand).
            /// `None` if the raw value is not a valid operand.
            pub fn from_raw(opcode: Opcode, raw: u32) -> Option<Instruction> {
                let _ = raw;
                match opcode {
                    $( Opcode::$variant => Some(Instruction::$variant $( (
                        <$ty as Operand>::from_raw(raw)?
                    ) )?), )*
                }
            }

            /// Where the instruction can jump, if it has a label.
            pub fn jump_target(&self) -> Option<u32> {
                match *self {
                    $( Instruction::$variant $( ($arg) )? => {
                        None $( .or(Operand::jump_target($arg)) )?
                    } )*
                }
            }

            /// The effect on the stack when control continues normally
            /// (falls through, or jumps for `Flow::Jump`).
            #[allow(unused_variables)]
            pub fn stack_effect(&self) -> StackEffect {
                match *self {
                    $( Instruction::$variant $( ($arg) )? => StackEffect {
                        pops: $pops,
                        pushes: $pushes,
                    }, )*
                }
            }

            /// The effect on the stack when a `Flow::Branch` jump is taken.
            #[allow(unused_variables)]
            pub fn jump_stack_effect(&self) -> StackEffect {
                match *self {
                    $( Instruction::$variant $( ($arg) )? => pick!(
                        StackEffect { pops: $pops, pushes: $pushes };
                        $( StackEffect { pops: $jpops, pushes: $jpushes } )?
                    ), )*
                }
            }

            /// Verifier check of the operand against its code object.
            pub(crate) fn check_operand(
                &self,
                ctx: &OperandContext<'_>,
            ) -> Result<(), VerifyErrorKind> {
                match *self {
                    $( Instruction::$variant $( ($arg) )? => pick!(
                        Ok(());
                        $( Operand::check($arg, ctx) )?
                    ), )*
                }
            }

            /// Writes the operand with its own `Display` (`+=`, `3`...).
            fn fmt_operand(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $( Instruction::$variant $( ($arg) )? => pick!(
                        Ok(());
                        $( write!(f, " {}", $arg) )?
                    ), )*
                }
            }
        }
    };
}

impl Instruction {
    /// The CPython-style name `dis` prints (`LOAD_FAST`).
    pub fn name(&self) -> &'static str {
        self.opcode().name()
    }

    /// What the operand means.
    pub fn operand_kind(&self) -> OperandKind {
        self.opcode().operand_kind()
    }

    /// How control leaves the instruction.
    pub fn flow(&self) -> Flow {
        self.opcode().flow()
    }

    /// Replaces the jump target of a jumping instruction (the compiler
    /// emits jumps before it knows where their labels land). Returns false,
    /// leaving the instruction unchanged, if it has no label.
    pub fn set_jump_target(&mut self, target: u32) -> bool {
        if !matches!(
            self.operand_kind(),
            OperandKind::Label | OperandKind::BackLabel
        ) {
            return false;
        }
        match Instruction::from_raw(self.opcode(), target) {
            Some(retargeted) => {
                *self = retargeted;
                true
            }
            None => false,
        }
    }
}

/// `NAME operand`, e.g. `BINARY_OP +=` or `LOAD_FAST 2`.
impl fmt::Display for Instruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())?;
        self.fmt_operand(f)
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

instructions! {
    // ---- Stack manipulation -------------------------------------------
    /// Does nothing. The compiler uses it to keep a line number for a
    /// statement that produced no other code (`pass`).
    NOP Nop: stack(0 => 0), Next;
    /// `[..., v] -> [...]`: discards the top of stack.
    POP_TOP PopTop: stack(1 => 0), Next;
    /// `[..., v_depth, ..., v_1] -> [..., v_depth, ..., v_1, v_depth]`:
    /// pushes a copy of the `depth`-th value (`COPY 1` duplicates the top).
    COPY Copy(depth: Depth): stack(n(depth.0) => n(depth.0) + 1), Next;
    /// Swaps the top of stack with the `depth`-th value (`SWAP 2` swaps the
    /// top two).
    SWAP Swap(depth: Depth): stack(n(depth.0) => n(depth.0)), Next;
    /// `[...] -> [..., NULL]`: pushes the NULL marker that CALL and
    /// CALL_FUNCTION_EX expect below a callable that is not a method.
    /// NULL is never visible to Python code.
    PUSH_NULL PushNull: stack(0 => 1), Next;

    // ---- Constants and variables --------------------------------------
    /// Pushes `constants[consti]`.
    LOAD_CONST LoadConst(consti: ConstIdx): stack(0 => 1), Next;
    /// Pushes the fast local `varnames[var_num]`; raises
    /// `UnboundLocalError` if it is unbound.
    LOAD_FAST LoadFast(var_num: LocalIdx): stack(0 => 1), Next;
    /// Pops the top of stack into the fast local `varnames[var_num]`.
    STORE_FAST StoreFast(var_num: LocalIdx): stack(1 => 0), Next;
    /// `del` of a fast local; raises `UnboundLocalError` if it is unbound.
    DELETE_FAST DeleteFast(var_num: LocalIdx): stack(0 => 0), Next;
    /// Pushes `names[namei]` looked up in the frame's locals mapping, then
    /// globals, then builtins (module and class bodies); raises `NameError`.
    LOAD_NAME LoadName(namei: NameIdx): stack(0 => 1), Next;
    /// Pops into `names[namei]` in the frame's locals mapping.
    STORE_NAME StoreName(namei: NameIdx): stack(1 => 0), Next;
    /// Deletes `names[namei]` from the frame's locals mapping; `NameError`
    /// if absent.
    DELETE_NAME DeleteName(namei: NameIdx): stack(0 => 0), Next;
    /// Pushes the global `names[namei]`, falling back to builtins; raises
    /// `NameError`. Unlike CPython 3.11 there is no "push NULL" bit: the
    /// compiler emits PUSH_NULL before it when calling.
    LOAD_GLOBAL LoadGlobal(namei: NameIdx): stack(0 => 1), Next;
    /// Pops into the global `names[namei]`.
    STORE_GLOBAL StoreGlobal(namei: NameIdx): stack(1 => 0), Next;
    /// Deletes the global `names[namei]`; `NameError` if absent.
    DELETE_GLOBAL DeleteGlobal(namei: NameIdx): stack(0 => 0), Next;
    /// Pushes the contents of cell `i` of `cellvars ++ freevars`; raises
    /// `NameError` (free variable) or `UnboundLocalError` (cell) if empty.
    ///
    /// On frame entry the VM creates one empty cell per cellvar; a cellvar
    /// that is also an argument starts out holding the argument's value.
    /// Freevars are the cells of the function's closure tuple.
    LOAD_DEREF LoadDeref(i: DerefIdx): stack(0 => 1), Next;
    /// Like LOAD_DEREF, but first looks in the frame's locals mapping (a
    /// class body reading a variable of the enclosing function).
    LOAD_CLASSDEREF LoadClassDeref(i: DerefIdx): stack(0 => 1), Next;
    /// Pops into cell `i` of `cellvars ++ freevars`.
    STORE_DEREF StoreDeref(i: DerefIdx): stack(1 => 0), Next;
    /// Empties cell `i`; raises like LOAD_DEREF if already empty.
    DELETE_DEREF DeleteDeref(i: DerefIdx): stack(0 => 0), Next;
    /// Pushes cell `i` itself (not its contents), to build the closure
    /// tuple of MAKE_FUNCTION or the `__classcell__` of a class body.
    LOAD_CLOSURE LoadClosure(i: DerefIdx): stack(0 => 1), Next;

    // ---- Attributes ----------------------------------------------------
    /// `[..., owner] -> [..., owner.name]` with `name = names[namei]`.
    LOAD_ATTR LoadAttr(namei: NameIdx): stack(1 => 1), Next;
    /// `[..., value, owner] -> [...]`: `owner.name = value`.
    STORE_ATTR StoreAttr(namei: NameIdx): stack(2 => 0), Next;
    /// `[..., owner] -> [...]`: `del owner.name`.
    DELETE_ATTR DeleteAttr(namei: NameIdx): stack(1 => 0), Next;
    /// `[..., owner] -> [..., method, owner]` when `owner.name` is a plain
    /// function found on the type (no bound method is allocated), else
    /// `[..., NULL, owner.name]`. Either way CALL follows.
    LOAD_METHOD LoadMethod(namei: NameIdx): stack(1 => 2), Next;

    // ---- Operators -----------------------------------------------------
    /// `[..., v] -> [..., +v]`.
    UNARY_POSITIVE UnaryPositive: stack(1 => 1), Next;
    /// `[..., v] -> [..., -v]`.
    UNARY_NEGATIVE UnaryNegative: stack(1 => 1), Next;
    /// `[..., v] -> [..., not v]`.
    UNARY_NOT UnaryNot: stack(1 => 1), Next;
    /// `[..., v] -> [..., ~v]`.
    UNARY_INVERT UnaryInvert: stack(1 => 1), Next;
    /// `[..., lhs, rhs] -> [..., lhs op rhs]`. In-place operators (`+=`)
    /// try `__iadd__` first, as in CPython 3.11's BINARY_OP.
    BINARY_OP BinaryOp(op: BinaryOperator): stack(2 => 1), Next;
    /// `[..., lhs, rhs] -> [..., lhs op rhs]` for `<`, `<=`, `==`, `!=`,
    /// `>`, `>=` (rich comparison, result not forced to bool).
    COMPARE_OP CompareOp(op: ComparisonOperator): stack(2 => 1), Next;
    /// `[..., lhs, rhs] -> [..., lhs is rhs]`, negated if `invert`.
    IS_OP IsOp(invert: bool): stack(2 => 1), Next;
    /// `[..., lhs, rhs] -> [..., lhs in rhs]`, negated if `invert`.
    CONTAINS_OP ContainsOp(invert: bool): stack(2 => 1), Next;
    /// `[..., container, key] -> [..., container[key]]`.
    BINARY_SUBSCR BinarySubscr: stack(2 => 1), Next;
    /// `[..., value, container, key] -> [...]`: `container[key] = value`.
    STORE_SUBSCR StoreSubscr: stack(3 => 0), Next;
    /// `[..., container, key] -> [...]`: `del container[key]`.
    DELETE_SUBSCR DeleteSubscr: stack(2 => 0), Next;
    /// `[..., start, stop(, step)] -> [..., slice(start, stop(, step))]`.
    BUILD_SLICE BuildSlice(argc: SliceArgc): stack(n(argc as u8) => 1), Next;

    // ---- Building containers and strings ------------------------------
    /// Pops `count` values and pushes a tuple of them (first pushed first).
    BUILD_TUPLE BuildTuple(count: u32): stack(n(count) => 1), Next;
    /// Pops `count` values and pushes a list of them.
    BUILD_LIST BuildList(count: u32): stack(n(count) => 1), Next;
    /// Pops `count` values and pushes a set of them.
    BUILD_SET BuildSet(count: u32): stack(n(count) => 1), Next;
    /// Pops `count` key/value pairs `[..., k1, v1, ..., kN, vN]` and pushes
    /// a dict; later keys win.
    BUILD_MAP BuildMap(count: u32): stack(2 * n(count) => 1), Next;
    /// `[..., v1, ..., vN, keys] -> [..., dict]` where `keys` is a tuple of
    /// `count` keys.
    BUILD_CONST_KEY_MAP BuildConstKeyMap(count: u32): stack(n(count) + 1 => 1), Next;
    /// Pops `count` strings and pushes their concatenation (f-strings).
    BUILD_STRING BuildString(count: u32): stack(n(count) => 1), Next;
    /// `[..., v, spec?] -> [..., formatted]`: applies the conversion, then
    /// `format(v, spec)` (spec `''` when absent).
    FORMAT_VALUE FormatValue(flags: FormatFlags): stack(1 + n(flags.has_spec) => 1), Next;
    /// Pops `v` and appends it to the list `depth` values down (counted
    /// after the pop): the list comprehension's accumulator.
    LIST_APPEND ListAppend(depth: Depth): stack(n(depth.0) + 1 => n(depth.0)), Next;
    /// Pops `v` and adds it to the set `depth` values down (after the pop).
    SET_ADD SetAdd(depth: Depth): stack(n(depth.0) + 1 => n(depth.0)), Next;
    /// `[..., key, value] ->`: stores into the dict `depth` values down
    /// (after popping both).
    MAP_ADD MapAdd(depth: Depth): stack(n(depth.0) + 2 => n(depth.0)), Next;
    /// Pops an iterable and extends the list `depth` values down with it
    /// (`[*a, *b]`).
    LIST_EXTEND ListExtend(depth: Depth): stack(n(depth.0) + 1 => n(depth.0)), Next;
    /// Pops an iterable and adds its items to the set `depth` values down.
    SET_UPDATE SetUpdate(depth: Depth): stack(n(depth.0) + 1 => n(depth.0)), Next;
    /// Pops a mapping and updates the dict `depth` values down (`{**a}`).
    DICT_UPDATE DictUpdate(depth: Depth): stack(n(depth.0) + 1 => n(depth.0)), Next;
    /// Like DICT_UPDATE but raises `TypeError` on duplicate keys (`f(**a,
    /// **b)`).
    DICT_MERGE DictMerge(depth: Depth): stack(n(depth.0) + 1 => n(depth.0)), Next;
    /// `[..., list] -> [..., tuple(list)]`.
    LIST_TO_TUPLE ListToTuple: stack(1 => 1), Next;
    /// `[..., seq] -> [..., v_count, ..., v_1]`: unpacks exactly `count`
    /// items, the first ending on top; `ValueError` otherwise.
    UNPACK_SEQUENCE UnpackSequence(count: u32): stack(1 => n(count)), Next;
    /// Starred unpacking `a, *b, c = seq`: pushes the `after` last items,
    /// a list of the middle, then the `before` first items, the first item
    /// ending on top.
    UNPACK_EX UnpackEx(counts: UnpackExCounts):
        stack(1 => n(counts.before) + n(counts.after) + 1), Next;

    // ---- Control flow --------------------------------------------------
    /// Jumps forward to `target`.
    JUMP_FORWARD JumpForward(target: Label): stack(0 => 0), Jump;
    /// Jumps backward (or to itself) to `target`. The only backward jump:
    /// the VM checks its instruction budget here.
    JUMP_BACKWARD JumpBackward(target: BackLabel): stack(0 => 0), Jump;
    /// Pops `v`; jumps to `target` if `v` is false.
    POP_JUMP_IF_FALSE PopJumpIfFalse(target: Label): stack(1 => 0), Branch;
    /// Pops `v`; jumps to `target` if `v` is true.
    POP_JUMP_IF_TRUE PopJumpIfTrue(target: Label): stack(1 => 0), Branch;
    /// Pops `v`; jumps to `target` if `v is None`.
    POP_JUMP_IF_NONE PopJumpIfNone(target: Label): stack(1 => 0), Branch;
    /// Pops `v`; jumps to `target` if `v is not None`.
    POP_JUMP_IF_NOT_NONE PopJumpIfNotNone(target: Label): stack(1 => 0), Branch;
    /// If `v` on top is false, jumps to `target` leaving it; else pops it
    /// (`a and b`).
    JUMP_IF_FALSE_OR_POP JumpIfFalseOrPop(target: Label): stack(1 => 0), Branch(1 => 1);
    /// If `v` on top is true, jumps to `target` leaving it; else pops it
    /// (`a or b`).
    JUMP_IF_TRUE_OR_POP JumpIfTrueOrPop(target: Label): stack(1 => 0), Branch(1 => 1);
    /// `[..., iterable] -> [..., iter(iterable)]`.
    GET_ITER GetIter: stack(1 => 1), Next;
    /// `[..., it] -> [..., it, next(it)]`; when `it` is exhausted, pops it
    /// and jumps to `target`.
    FOR_ITER ForIter(target: Label): stack(1 => 2), Branch(1 => 0);
    /// Returns the top of stack to the caller (or finishes a generator with
    /// `StopIteration(value)`). The rest of the stack is discarded.
    RETURN_VALUE ReturnValue: stack(1 => 0), Stop;

    // ---- Functions, calls and classes ---------------------------------
    /// Sets the keyword names for the CALL that must follow immediately:
    /// `constants[consti]` is a tuple of strings naming the last arguments.
    KW_NAMES KwNames(consti: KwNamesIdx): stack(0 => 0), Next;
    /// `[..., NULL, callable, args...] -> [..., result]` or
    /// `[..., method, self, args...] -> [..., result]` (after LOAD_METHOD,
    /// `self` is the first argument). `argc` counts the arguments after
    /// the two values, keywords included (named by a preceding KW_NAMES).
    CALL Call(argc: u32): stack(n(argc) + 2 => 1), Next;
    /// `[..., NULL, callable, args, kwargs?] -> [..., result]`: `args` is a
    /// tuple (or iterable) and `kwargs` a mapping, present if `has_kwargs`
    /// (`f(*a, **k)`).
    CALL_FUNCTION_EX CallFunctionEx(has_kwargs: bool):
        stack(3 + n(has_kwargs) => 1), Next;
    /// `[..., defaults?, kwdefaults?, annotations?, closure?, code] ->
    /// [..., function]`: the optional values are present when their flag
    /// is set, in this order; the function's qualname is the code
    /// object's.
    MAKE_FUNCTION MakeFunction(flags: MakeFunctionFlags):
        stack(1 + n(flags.count()) => 1), Next;
    /// Pushes `builtins.__build_class__`; the class statement then calls it
    /// with the body function, the name and the bases. A class body that
    /// uses zero-argument `super()` or `__class__` has a `__class__` cell,
    /// which it stores as `__classcell__` (LOAD_CLOSURE, STORE_NAME).
    LOAD_BUILD_CLASS LoadBuildClass: stack(0 => 1), Next;
    /// Creates `__annotations__` in the locals mapping if missing.
    SETUP_ANNOTATIONS SetupAnnotations: stack(0 => 0), Next;

    // ---- Generators ----------------------------------------------------
    /// `[..., v] -> [..., iter(v)]`, except that a generator (or coroutine)
    /// is left as is: the start of `yield from`.
    GET_YIELD_FROM_ITER GetYieldFromIter: stack(1 => 1), Next;
    /// Suspends the generator, yielding the top of stack; on resumption,
    /// the value sent in (`None` for `next()`) replaces it. Calling a code
    /// object flagged GENERATOR makes a generator whose frame starts at
    /// instruction 0 with an empty stack on the first `send(None)`.
    YIELD_VALUE YieldValue: stack(1 => 1), Next;
    /// `[..., receiver, v] -> [..., receiver, yielded]`: sends `v` into the
    /// receiver (`next()` if `v` is None and the receiver is not a
    /// generator). When the receiver returns, the stack becomes
    /// `[..., return value]` and control jumps to `target`. The compiler
    /// follows SEND with YIELD_VALUE and JUMP_BACKWARD to the SEND; a
    /// generator suspended at that YIELD_VALUE delegates `throw()` and
    /// `close()` to the receiver.
    SEND Send(target: Label): stack(2 => 2), Branch(2 => 1);

    // ---- Coroutines ----------------------------------------------------
    /// `[..., x] -> [..., awaitable]`: what `await x` iterates: a
    /// coroutine itself, a generator marked by `types.coroutine`, or the
    /// iterator `x.__await__()` returns. `where_` names what `x` came from
    /// in the error messages (0: `await`, 1: `__aenter__`, 2: `__aexit__`).
    GET_AWAITABLE GetAwaitable(where_: u32): stack(1 => 1), Next;
    /// `[..., x] -> [..., x.__aiter__()]` for `async for`.
    GET_AITER GetAiter: stack(1 => 1), Next;
    /// `[..., aiter] -> [..., aiter, awaitable]`: the awaitable of
    /// `aiter.__anext__()`.
    GET_ANEXT GetAnext: stack(1 => 2), Next;
    /// `[..., aiter, exc] -> [...]`: ends an `async for` when `exc` is a
    /// StopAsyncIteration; raises `exc` again otherwise.
    END_ASYNC_FOR EndAsyncFor: stack(2 => 0), Next;
    /// `[..., manager] -> [..., aexit, aenter_result]`: `async with`'s
    /// start; the result of `__aenter__()` is awaited next.
    BEFORE_ASYNC_WITH BeforeAsyncWith: stack(1 => 2), Next;
    /// `[..., value] -> [..., wrapped]`: marks a value an async generator
    /// yields, so its `asend` awaitable tells it from a value an `await`
    /// inside the generator passes up.
    ASYNC_GEN_WRAP AsyncGenWrap: stack(1 => 1), Next;

    // ---- Exceptions and with ------------------------------------------
    /// Raises: `raise` re-raises the exception being handled, `raise exc`
    /// pops `exc`, `raise exc from cause` pops `exc` and `cause`.
    RAISE_VARARGS RaiseVarargs(kind: RaiseKind): stack(n(kind as u8) => 0), Stop;
    /// `[..., exc] ->`: re-raises `exc` keeping its traceback. If `lasti`
    /// is non-zero, the value `lasti` places below `exc` is the instruction
    /// index to report as the frame's current instruction (pushed by a
    /// handler entry with `push_lasti`).
    RERAISE Reraise(lasti: u32): stack(n(lasti) + 1 => n(lasti)), Stop;
    /// `[..., exc] -> [..., prev_exc, exc]`: first instruction of a handler;
    /// saves the exception being handled (`sys.exc_info()`) and makes
    /// `exc` the handled one.
    PUSH_EXC_INFO PushExcInfo: stack(1 => 2), Next;
    /// `[..., prev_exc] -> [...]`: restores the exception being handled
    /// saved by PUSH_EXC_INFO.
    POP_EXCEPT PopExcept: stack(1 => 0), Next;
    /// `[..., exc, type] -> [..., exc, matches]`: `matches` is
    /// `isinstance(exc, type)` (type may be a tuple); `TypeError` if `type`
    /// is not an exception class.
    CHECK_EXC_MATCH CheckExcMatch: stack(2 => 2), Next;
    /// `[..., exit, lasti, prev_exc, exc] -> [..., exit, lasti, prev_exc,
    /// exc, result]`: calls `exit(type(exc), exc, exc.__traceback__)` in a
    /// `[..., exc, type] -> [..., rest, match]`: for `except* type`, the
    /// part of the exception group `exc` that matches (`None` if none) and
    /// the rest; a naked matching exception is wrapped in a group. The
    /// match becomes the exception being handled.
    CHECK_EG_MATCH CheckEgMatch: stack(2 => 2), Next;
    /// `[..., orig, raised] -> [..., exc]`: what an `except*` statement
    /// raises at its end: the exceptions of the list `raised` (re-raised
    /// ones in `orig`'s nesting, new ones beside them), or `None`.
    PREP_RERAISE_STAR PrepReraiseStar: stack(2 => 1), Next;
    /// `with` block's handler.
    WITH_EXCEPT_START WithExceptStart: stack(4 => 5), Next;
    /// `[..., manager] -> [..., manager.__exit__, manager.__enter__()]`
    /// (the `__exit__` is bound to the manager).
    BEFORE_WITH BeforeWith: stack(1 => 2), Next;
    /// Pushes `AssertionError` (the class) for a failing `assert`.
    LOAD_ASSERTION_ERROR LoadAssertionError: stack(0 => 1), Next;

    // ---- Pattern matching ----------------------------------------------
    /// `[..., x] -> [..., x, len(x)]`.
    GET_LEN GetLen: stack(1 => 2), Next;
    /// `[..., x] -> [..., x, is_mapping]`: whether `x` is a mapping for
    /// `match` (a dict or a subclass, or an instance of a class registered
    /// with `collections.abc.Mapping`).
    MATCH_MAPPING MatchMapping: stack(1 => 2), Next;
    /// `[..., x] -> [..., x, is_sequence]`: whether `x` is a sequence for
    /// `match` (list, tuple, range, deque, array... or a class registered
    /// with `collections.abc.Sequence`; never str, bytes or bytearray).
    MATCH_SEQUENCE MatchSequence: stack(1 => 2), Next;
    /// `[..., subject, keys] -> [..., subject, keys, values]`: `values` is
    /// the tuple of `subject.get(key)` for the tuple `keys`, or `None` when
    /// a key is missing; `ValueError` for a repeated key.
    MATCH_KEYS MatchKeys: stack(2 => 3), Next;
    /// `[..., subject, cls, names] -> [..., attrs]`: when `subject` is an
    /// instance of `cls`, `attrs` is the tuple of its `count` positional
    /// attributes (named by `cls.__match_args__`) and of the attributes
    /// `names`; `None` when it is not an instance or an attribute is missing.
    MATCH_CLASS MatchClass(count: u32): stack(3 => 1), Next;

    // ---- Modules and the REPL -----------------------------------------
    /// `[..., level, fromlist] -> [..., module]`: `__import__(names[namei],
    /// globals, None, fromlist, level)`.
    IMPORT_NAME ImportName(namei: NameIdx): stack(2 => 1), Next;
    /// `[..., module] -> [..., module, module.name]`, falling back to the
    /// submodule `module.__name__ + '.' + name`; `ImportError` if missing.
    IMPORT_FROM ImportFrom(namei: NameIdx): stack(1 => 2), Next;
    /// `[..., module] -> [...]`: `from module import *` into the locals
    /// mapping (honours `__all__`, else skips names starting with `_`).
    IMPORT_STAR ImportStar: stack(1 => 0), Next;
    /// `[..., v] -> [...]`: in single (REPL) mode, if `v` is not None,
    /// prints its repr via `sys.displayhook` and stores it in
    /// `builtins._`.
    PRINT_EXPR PrintExpr: stack(1 => 0), Next;
}

/// The number of instructions in the set.
pub const INSTRUCTION_COUNT: usize = Opcode::ALL.len();

/// A fingerprint of the instruction table (FNV-1a over names and operand
/// kinds, in opcode order). The .kbc header stores it so a file written by
/// a build with a different table is rejected, not misinterpreted.
pub fn instruction_set_fingerprint() -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= b as u32;
            hash = hash.wrapping_mul(0x0100_0193);
        }
    };
    for op in Opcode::ALL {
        feed(op.name().as_bytes());
        feed(b":");
        feed(op.operand_kind().name().as_bytes());
        feed(b";");
    }
    hash
}

/// Strips the `n(...)` widening helper from a stack-effect expression so
/// the reference reads `argc + 2`, not `n(argc) + 2`.
fn readable_effect(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut depth_stack: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_helper = bytes[i] == b'n'
            && bytes.get(i + 1) == Some(&b'(')
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if starts_helper {
            depth_stack.push(true);
            i += 2;
            continue;
        }
        match bytes[i] {
            b'(' => {
                depth_stack.push(false);
                out.push('(');
            }
            b')' => {
                if depth_stack.pop() != Some(true) {
                    out.push(')');
                }
            }
            b => out.push(b as char),
        }
        i += 1;
    }
    out.replace(" as u8", "").replace(".0", "")
}

/// The instruction reference in markdown, generated from the table. The
/// committed copy is `docs/instructions.md` (a test keeps it current).
pub fn instruction_reference() -> String {
    let mut out = String::new();
    out.push_str("# krait instruction reference\n\n");
    out.push_str(
        "Generated from the instruction table in `crates/krait-bytecode/src/instruction.rs` \
         by `krait_bytecode::instruction_reference()`; do not edit by hand. \
         Regenerate with `KRAIT_BLESS=1 cargo test -p krait-bytecode`.\n\n",
    );
    out.push_str(
        "Jump operands are absolute instruction indices. Stack pictures list the top of \
         stack last. `pops => pushes` counts values; an instruction that reaches below the \
         values it consumes counts the reached values as popped and pushed back. Flow is \
         `Next` (falls through), `Branch` (falls through or jumps), `Jump` (always jumps) or \
         `Stop` (returns or raises).\n\n",
    );
    out.push_str("## Operand kinds\n\n| kind | meaning |\n|---|---|\n");
    let mut kinds: Vec<OperandKind> = Vec::new();
    for op in Opcode::ALL {
        if !kinds.contains(&op.operand_kind()) {
            kinds.push(op.operand_kind());
        }
    }
    for kind in kinds {
        out.push_str(&format!("| `{}` | {} |\n", kind.name(), kind.description()));
    }
    out.push_str(
        "\n## Summary\n\n| opcode | name | operand | stack | flow |\n|---|---|---|---|---|\n",
    );
    for (code, op) in Opcode::ALL.iter().enumerate() {
        out.push_str(&format!(
            "| {code} | [`{name}`](#{anchor}) | {operand} | {stack} | {flow:?} |\n",
            name = op.name(),
            anchor = op.name().to_ascii_lowercase(),
            operand = operand_column(*op),
            stack = stack_column(*op),
            flow = op.flow(),
        ));
    }
    out.push_str("\n## Instructions\n");
    for op in Opcode::ALL {
        out.push_str(&format!("\n### {}\n\n", op.name()));
        out.push_str(&format!(
            "Operand: {}. Stack: {}. Flow: {:?}.\n\n",
            operand_column(*op),
            stack_column(*op),
            op.flow()
        ));
        for line in op.doc().lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
    }
    out
}

fn operand_column(op: Opcode) -> String {
    match op.operand_name() {
        Some(name) => format!("`{name}`: {}", op.operand_kind().name()),
        None => "-".to_string(),
    }
}

fn stack_column(op: Opcode) -> String {
    let (pops, pushes, jump) = op.effect_source();
    let mut text = format!("{} => {}", readable_effect(pops), readable_effect(pushes));
    if let Some(jump) = jump {
        text.push_str(&format!(" (jump: {})", readable_effect(jump)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instruction_is_at_most_eight_bytes() {
        assert!(std::mem::size_of::<Instruction>() <= 8);
        assert!(std::mem::size_of::<Option<Instruction>>() <= 8);
    }

    #[test]
    fn names_are_unique_and_screaming() {
        let mut names: Vec<&str> = Opcode::ALL.iter().map(|op| op.name()).collect();
        for name in &names {
            assert!(
                name.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{name}"
            );
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Opcode::ALL.len());
        assert!(Opcode::ALL.len() <= 256, "opcodes must fit in one byte");
    }

    #[test]
    fn opcode_bytes_round_trip() {
        for (i, op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Opcode::from_byte(i as u8), Some(*op));
        }
    }

    #[test]
    fn every_instruction_is_documented() {
        for op in Opcode::ALL {
            assert!(!op.doc().trim().is_empty(), "{} has no doc", op.name());
        }
    }

    #[test]
    fn labels_only_on_jumping_instructions() {
        for op in Opcode::ALL {
            let is_label = matches!(
                op.operand_kind(),
                OperandKind::Label | OperandKind::BackLabel
            );
            let jumps = matches!(op.flow(), Flow::Branch | Flow::Jump);
            assert_eq!(is_label, jumps, "{}", op.name());
        }
    }

    #[test]
    fn stack_effects_of_examples() {
        let call = Instruction::Call(3);
        assert_eq!(call.stack_effect(), StackEffect { pops: 5, pushes: 1 });
        let for_iter = Instruction::ForIter(Label(9));
        assert_eq!(for_iter.stack_effect(), StackEffect { pops: 1, pushes: 2 });
        assert_eq!(
            for_iter.jump_stack_effect(),
            StackEffect { pops: 1, pushes: 0 }
        );
        let make =
            Instruction::MakeFunction(MakeFunctionFlags::DEFAULTS | MakeFunctionFlags::CLOSURE);
        assert_eq!(make.stack_effect(), StackEffect { pops: 3, pushes: 1 });
        // Hostile operands must not overflow.
        let huge = Instruction::BuildMap(u32::MAX);
        assert_eq!(huge.stack_effect().pops, 2 * u32::MAX as u64);
    }

    #[test]
    fn raw_operands_round_trip() {
        let samples = [
            Instruction::Nop,
            Instruction::LoadConst(ConstIdx(7)),
            Instruction::BinaryOp(BinaryOperator::InplaceXor),
            Instruction::IsOp(true),
            Instruction::UnpackEx(UnpackExCounts {
                before: 2,
                after: 300,
            }),
            Instruction::JumpBackward(BackLabel(0)),
        ];
        for instr in samples {
            let raw = instr.raw_operand().unwrap_or(0);
            assert_eq!(Instruction::from_raw(instr.opcode(), raw), Some(instr));
        }
        assert_eq!(Instruction::from_raw(Opcode::BinaryOp, 26), None);
        assert_eq!(Instruction::from_raw(Opcode::Copy, 0), None);
    }

    #[test]
    fn set_jump_target_only_on_labels() {
        let mut jump = Instruction::PopJumpIfFalse(Label(0));
        assert!(jump.set_jump_target(12));
        assert_eq!(jump, Instruction::PopJumpIfFalse(Label(12)));
        let mut load = Instruction::LoadConst(ConstIdx(3));
        assert!(!load.set_jump_target(12));
        assert_eq!(load, Instruction::LoadConst(ConstIdx(3)));
    }

    #[test]
    fn display_shows_operand() {
        assert_eq!(
            Instruction::BinaryOp(BinaryOperator::InplaceAdd).to_string(),
            "BINARY_OP +="
        );
        assert_eq!(
            Instruction::LoadFast(LocalIdx(2)).to_string(),
            "LOAD_FAST 2"
        );
        assert_eq!(Instruction::ReturnValue.to_string(), "RETURN_VALUE");
    }

    #[test]
    fn readable_effect_strips_helper() {
        assert_eq!(readable_effect("n(argc) + 2"), "argc + 2");
        assert_eq!(readable_effect("1 + n(flags.count())"), "1 + flags.count()");
        assert_eq!(readable_effect("n(depth.0) + 1"), "depth + 1");
    }
}
