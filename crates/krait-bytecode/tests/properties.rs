//! Property tests: valid code objects round-trip through .kbc exactly, and
//! no corruption of a .kbc file (or any byte string) makes `decode` panic.

use std::sync::Arc;

use krait_bytecode::*;
use proptest::prelude::*;

/// Builds verifiable code from a stream of random choices: every template
/// it emits is stack-balanced by construction, so any seed stream gives a
/// valid program (the stack analysis then computes `max_stackdepth`).
struct Builder<'a> {
    seeds: std::slice::Iter<'a, (u8, u32)>,
    code: Vec<Instruction>,
    lines: Vec<u32>,
    handlers: Vec<Option<Handler>>,
    current_handler: Option<Handler>,
    depth: u32,
    generator: bool,
    tries: u32,
    consts: u32,
    names: u32,
    locals: u32,
    derefs: u32,
    kw_names: u32,
    line: u32,
}

const NEST: u32 = 3;

impl Builder<'_> {
    fn emit(&mut self, instr: Instruction) -> u32 {
        let index = self.code.len() as u32;
        self.code.push(instr);
        self.lines.push(self.line);
        self.handlers.push(self.current_handler);
        let effect = instr.stack_effect();
        self.depth = (self.depth as u64 - effect.pops + effect.pushes) as u32;
        index
    }

    fn konst(&mut self, x: u32) {
        self.emit(Instruction::LoadConst(ConstIdx(x % self.consts)));
    }

    fn patch(&mut self, at: u32, target: u32) {
        assert!(self.code[at as usize].set_jump_target(target));
    }

    /// Emits a stack-neutral block.
    fn block(&mut self, level: u32) {
        let start_depth = self.depth;
        while let Some(&(choice, x)) = self.seeds.next() {
            self.line = self.line.wrapping_add(x % 3);
            let d = self.depth - start_depth;
            match choice % 16 {
                0 => self.konst(x),
                1 => match x % 4 {
                    0 if self.locals > 0 => {
                        self.emit(Instruction::LoadFast(LocalIdx(x / 4 % self.locals)));
                    }
                    1 if self.names > 0 => {
                        self.emit(Instruction::LoadGlobal(NameIdx(x / 4 % self.names)));
                    }
                    2 if self.derefs > 0 => {
                        self.emit(Instruction::LoadDeref(DerefIdx(x / 4 % self.derefs)));
                    }
                    _ => self.konst(x),
                },
                2 if d >= 1 => match x % 4 {
                    0 if self.locals > 0 => {
                        self.emit(Instruction::StoreFast(LocalIdx(x / 4 % self.locals)));
                    }
                    1 if self.names > 0 => {
                        self.emit(Instruction::StoreName(NameIdx(x / 4 % self.names)));
                    }
                    2 if self.derefs > 0 => {
                        self.emit(Instruction::StoreDeref(DerefIdx(x / 4 % self.derefs)));
                    }
                    _ => {
                        self.emit(Instruction::PopTop);
                    }
                },
                3 if d >= 2 => {
                    let op = match x % 4 {
                        0 => Instruction::BinaryOp(
                            BinaryOperator::ALL[(x / 4) as usize % BinaryOperator::ALL.len()],
                        ),
                        1 => Instruction::CompareOp(
                            ComparisonOperator::ALL
                                [(x / 4) as usize % ComparisonOperator::ALL.len()],
                        ),
                        2 => Instruction::IsOp(x & 4 != 0),
                        _ => Instruction::ContainsOp(x & 4 != 0),
                    };
                    self.emit(op);
                }
                4 if d >= 1 => {
                    let op = match x % 5 {
                        0 => Instruction::UnaryNot,
                        1 => Instruction::UnaryNegative,
                        2 => Instruction::GetIter,
                        3 if self.names > 0 => Instruction::LoadAttr(NameIdx(x % self.names)),
                        _ => Instruction::FormatValue(FormatFlags {
                            conversion: Conversion::Repr,
                            has_spec: false,
                        }),
                    };
                    self.emit(op);
                }
                5 if d >= 1 => {
                    let depth = Depth(1 + x % d);
                    self.emit(if x & 1 == 0 {
                        Instruction::Copy(depth)
                    } else {
                        Instruction::Swap(depth)
                    });
                }
                6 => {
                    let op = match x % 4 {
                        0 => Instruction::BuildTuple(x / 4 % (d + 1)),
                        1 => Instruction::BuildList(x / 4 % (d + 1)),
                        2 => Instruction::BuildString(x / 4 % (d + 1)),
                        _ => Instruction::BuildMap(x / 4 % (d / 2 + 1)),
                    };
                    self.emit(op);
                }
                7 if level < NEST => {
                    // if: skip a block when false.
                    self.konst(x);
                    let jump = self.emit(Instruction::PopJumpIfFalse(Label(0)));
                    self.block(level + 1);
                    let end = self.emit(Instruction::Nop);
                    self.patch(jump, end);
                }
                8 if level < NEST => {
                    // while: the only back edge is JUMP_BACKWARD.
                    let top = self.emit(Instruction::Nop);
                    self.konst(x);
                    let exit = self.emit(Instruction::PopJumpIfFalse(Label(0)));
                    self.block(level + 1);
                    self.emit(Instruction::JumpBackward(BackLabel(top)));
                    let end = self.emit(Instruction::Nop);
                    self.patch(exit, end);
                }
                9 if level < NEST => {
                    // for x in ...: body
                    self.konst(x);
                    self.emit(Instruction::GetIter);
                    let head = self.emit(Instruction::ForIter(Label(0)));
                    self.emit(Instruction::PopTop);
                    self.block(level + 1);
                    self.emit(Instruction::JumpBackward(BackLabel(head)));
                    // The loop exits through FOR_ITER's jump, which pops
                    // the iterator.
                    self.depth -= 1;
                    let end = self.emit(Instruction::Nop);
                    self.patch(head, end);
                }
                10 if level < NEST => self.try_except(x, level),
                11 if d >= 1 => {
                    self.generator = true;
                    self.emit(Instruction::YieldValue);
                }
                12 => {
                    // f(a, k=b)
                    self.emit(Instruction::PushNull);
                    self.konst(x);
                    let argc = 1 + x % 3;
                    for i in 0..argc {
                        self.konst(x.wrapping_add(i));
                    }
                    self.emit(Instruction::KwNames(KwNamesIdx(self.kw_names)));
                    self.emit(Instruction::Call(argc));
                }
                13 if level < NEST => {
                    // if ...: return / raise
                    self.konst(x);
                    let jump = self.emit(Instruction::PopJumpIfFalse(Label(0)));
                    self.konst(x);
                    self.emit(if x & 1 == 0 {
                        Instruction::ReturnValue
                    } else {
                        Instruction::RaiseVarargs(RaiseKind::Raise)
                    });
                    let end = self.emit(Instruction::Nop);
                    self.patch(jump, end);
                }
                14 if d >= 1 => {
                    let op = match x % 3 {
                        0 => Instruction::UnpackSequence(x / 3 % 4),
                        1 => Instruction::UnpackEx(UnpackExCounts {
                            before: (x >> 2) as u16 % 3,
                            after: (x >> 4) as u16 % 3,
                        }),
                        _ => Instruction::MakeFunction(MakeFunctionFlags(
                            ((x >> 2) as u8 & 0x0f) & if d > 1 { 0x01 } else { 0 },
                        )),
                    };
                    self.emit(op);
                }
                15 => break,
                _ => self.konst(x),
            }
        }
        while self.depth > start_depth {
            self.emit(Instruction::PopTop);
        }
    }

    /// try: block / except: pass, with a handler placeholder patched once
    /// the handler's position is known.
    fn try_except(&mut self, x: u32, level: u32) {
        self.tries += 1;
        let placeholder = u32::MAX - self.tries;
        let outer = self.current_handler;
        let push_lasti = x & 1 == 1;
        self.current_handler = Some(Handler {
            target: placeholder,
            depth: self.depth,
            push_lasti,
        });
        let start = self.code.len();
        self.block(level + 1);
        let body_end = self.code.len();
        self.current_handler = outer;
        let skip = self.emit(Instruction::JumpForward(Label(0)));
        let handler = self.code.len() as u32;
        let saved_depth = self.depth;
        self.depth += 1 + push_lasti as u32;
        self.emit(Instruction::PushExcInfo);
        self.emit(Instruction::PopTop);
        self.emit(Instruction::PopExcept);
        if push_lasti {
            self.emit(Instruction::PopTop);
        }
        debug_assert_eq!(self.depth, saved_depth);
        let end = self.emit(Instruction::Nop);
        self.patch(skip, end);
        for h in self.handlers[start..body_end].iter_mut().flatten() {
            if h.target == placeholder {
                h.target = handler;
            }
        }
    }
}

fn leaf_constant() -> impl Strategy<Value = Constant> {
    prop_oneof![
        Just(Constant::None),
        Just(Constant::Ellipsis),
        any::<bool>().prop_map(Constant::Bool),
        any::<i64>().prop_map(Constant::Int),
        any::<i128>().prop_map(|v| Constant::from_bigint(BigInt::from(v) * BigInt::from(v))),
        proptest::num::f64::ANY.prop_map(Constant::Float),
        (proptest::num::f64::ANY, proptest::num::f64::ANY)
            .prop_map(|(real, imag)| Constant::Complex { real, imag }),
        "\\PC{0,8}".prop_map(Constant::Str),
        proptest::collection::vec(any::<u8>(), 0..8).prop_map(Constant::Bytes),
    ]
}

fn constant(code_depth: u32) -> BoxedStrategy<Constant> {
    let leaf = leaf_constant().prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Constant::Tuple),
            proptest::collection::vec(inner, 0..3).prop_map(Constant::FrozenSet),
        ]
    });
    if code_depth == 0 {
        leaf.boxed()
    } else {
        prop_oneof![4 => leaf, 1 => code_object(code_depth - 1).prop_map(|c| Constant::Code(Arc::new(c)))]
            .boxed()
    }
}

fn names(max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[a-z_][a-z0-9_]{0,6}", 0..max)
}

fn code_object(code_depth: u32) -> BoxedStrategy<CodeObject> {
    (
        (
            "[a-z<>]{1,8}",
            "[a-z.<>]{1,12}",
            "[a-z/]{1,8}\\.py",
            0u32..10_000,
        ),
        (names(5), names(3), names(3), names(5)),
        proptest::collection::vec(constant(code_depth), 0..5),
        proptest::collection::vec((any::<u8>(), any::<u32>()), 0..60),
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<u16>()),
    )
        .prop_map(
            |(
                (name, qualname, filename, first_line),
                (varnames, cellvars, freevars, names),
                mut constants,
                seeds,
                (a, b, c, flag_bits),
            )| {
                // Slot 0 is always usable by LOAD_CONST, and the last constant
                // names the keywords of generated calls.
                constants.insert(0, Constant::None);
                constants.push(Constant::Tuple(vec![Constant::Str("key".into())]));
                let mut builder = Builder {
                    seeds: seeds.iter(),
                    code: Vec::new(),
                    lines: Vec::new(),
                    handlers: Vec::new(),
                    current_handler: None,
                    depth: 0,
                    generator: false,
                    tries: 0,
                    consts: constants.len() as u32,
                    names: names.len() as u32,
                    locals: varnames.len() as u32,
                    derefs: (cellvars.len() + freevars.len()) as u32,
                    kw_names: constants.len() as u32 - 1,
                    line: first_line,
                };
                while builder.seeds.len() > 0 {
                    builder.block(0);
                }
                builder.konst(0);
                builder.emit(Instruction::ReturnValue);

                let nvars = varnames.len() as u32;
                let argcount = a % (nvars + 1);
                let posonlyargcount = b % (argcount + 1);
                let kwonlyargcount = c % (nvars - argcount + 1);
                let mut flags = CodeFlags(
                    flag_bits as u32
                        & (CodeFlags::OPTIMIZED.0
                            | CodeFlags::NEWLOCALS.0
                            | CodeFlags::NESTED.0
                            | CodeFlags::NOFREE.0),
                );
                let spare = nvars - argcount - kwonlyargcount;
                flags.set(CodeFlags::VARARGS, spare >= 1 && flag_bits & 0x100 != 0);
                flags.set(CodeFlags::VARKEYWORDS, spare >= 2 && flag_bits & 0x200 != 0);
                flags.set(
                    CodeFlags::GENERATOR,
                    builder.generator || flag_bits & 0x400 != 0,
                );

                let exception_table = ExceptionTable::from_handlers(&builder.handlers);
                let max_stackdepth = max_stack_depth(&builder.code, &exception_table)
                    .expect("the builder only emits balanced code");
                CodeObject {
                    name,
                    qualname,
                    filename,
                    first_line,
                    argcount,
                    posonlyargcount,
                    kwonlyargcount,
                    flags,
                    varnames,
                    cellvars,
                    freevars,
                    names,
                    constants,
                    instructions: builder.code,
                    // Half the objects keep full positions (columns, some
                    // unknown, and multi-line ranges), as compiled code does.
                    line_table: if flag_bits & 0x800 != 0 {
                        LineTable::from_positions(builder.lines.iter().enumerate().map(
                            |(i, &line)| Position {
                                line,
                                end_line: line + (i as u32 % 3),
                                col: (i % 5 != 0).then_some(i as u32 % 40),
                                end_col: (i % 5 != 0).then_some(i as u32 % 40 + 7),
                            },
                        ))
                    } else {
                        LineTable::from_lines(builder.lines)
                    },
                    exception_table,
                    max_stackdepth,
                }
            },
        )
        .boxed()
}

fn config(cases: u32) -> ProptestConfig {
    // No persistence file: integration tests have no lib.rs next to them,
    // and a failing seed is printed anyway.
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Guards the generator itself: it must produce code that exercises the
/// interesting parts (handlers, branches, loops, nested code, generators).
#[test]
fn generator_covers_control_flow() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = code_object(1);
    let (mut handlers, mut back_jumps, mut branches, mut nested, mut generators) = (0, 0, 0, 0, 0);
    for _ in 0..64 {
        let code = strategy.new_tree(&mut runner).unwrap().current();
        handlers += code.exception_table.entries.len();
        back_jumps += code
            .instructions
            .iter()
            .filter(|i| matches!(i, Instruction::JumpBackward(_)))
            .count();
        branches += code
            .instructions
            .iter()
            .filter(|i| i.flow() == Flow::Branch)
            .count();
        nested += code.nested_code().len();
        generators += code.flags.contains(CodeFlags::GENERATOR) as usize;
    }
    assert!(
        handlers > 10 && back_jumps > 10 && branches > 20 && nested > 3 && generators > 3,
        "{handlers} {back_jumps} {branches} {nested} {generators}"
    );
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn valid_code_round_trips_exactly(code in code_object(2)) {
        prop_assert_eq!(verify(&code), Ok(()));
        let bytes = encode(&code);
        let decoded = decode(&bytes);
        prop_assert_eq!(decoded.as_ref(), Ok(&code));
        // Encoding is canonical: re-encoding gives the same bytes.
        prop_assert_eq!(encode(&decoded.unwrap()), bytes);
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn corrupted_bytes_never_panic(code in code_object(1), masks in proptest::collection::vec(1u8..=255, 1..8)) {
        let bytes = encode(&code);
        let mut copy = bytes.clone();
        for (i, byte) in bytes.iter().enumerate() {
            copy[i] = byte ^ masks[i % masks.len()];
            if let Ok(decoded) = decode(&copy) {
                // Whatever loads must be a valid, re-encodable object.
                prop_assert_eq!(verify(&decoded), Ok(()));
                prop_assert_eq!(decode(&encode(&decoded)), Ok(decoded));
            }
            copy[i] = *byte;
        }
    }

    #[test]
    fn every_truncation_is_an_error(code in code_object(1)) {
        let bytes = encode(&code);
        for len in 0..bytes.len() {
            prop_assert!(decode(&bytes[..len]).is_err(), "prefix of {} bytes decoded", len);
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn random_bytes_after_a_valid_header_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let mut file = MAGIC.to_vec();
        file.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        file.extend_from_slice(&instruction_set_fingerprint().to_le_bytes());
        file.extend_from_slice(&bytes);
        let _ = decode(&file);
    }
}
