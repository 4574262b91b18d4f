//! The verifier rejects each kind of unsafe code object with a clear error.

use krait_bytecode::*;

/// `return None` as a module.
fn minimal() -> CodeObject {
    let mut code = CodeObject::new("<module>", "<module>", "t.py");
    code.constants = vec![
        Constant::None,
        Constant::Tuple(vec![Constant::Str("k".into())]),
    ];
    code.names = vec!["print".into()];
    code.varnames = vec!["x".into()];
    code.instructions = vec![
        Instruction::LoadConst(ConstIdx(0)),
        Instruction::ReturnValue,
    ];
    code.line_table = LineTable::from_lines(vec![1, 1]);
    code.max_stackdepth = 1;
    code
}

fn with(instructions: Vec<Instruction>) -> CodeObject {
    let mut code = minimal();
    code.line_table = LineTable::from_lines(vec![1; instructions.len()]);
    code.max_stackdepth = max_stack_depth(&instructions, &code.exception_table).unwrap_or(0);
    code.instructions = instructions;
    code
}

fn kind(code: &CodeObject) -> VerifyErrorKind {
    verify(code).expect_err("should not verify").kind
}

use Instruction::*;

#[test]
fn minimal_code_verifies_and_round_trips() {
    let code = minimal();
    assert_eq!(verify(&code), Ok(()));
    assert_eq!(decode(&encode(&code)), Ok(code));
}

#[test]
fn operands_out_of_range() {
    let code = with(vec![LoadConst(ConstIdx(2)), ReturnValue]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::IndexOutOfRange {
            what: "constants",
            ..
        }
    ));
    let code = with(vec![LoadGlobal(NameIdx(1)), ReturnValue]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::IndexOutOfRange { what: "names", .. }
    ));
    let code = with(vec![LoadFast(LocalIdx(1)), ReturnValue]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::IndexOutOfRange {
            what: "varnames",
            ..
        }
    ));
    let code = with(vec![LoadDeref(DerefIdx(0)), ReturnValue]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::IndexOutOfRange { .. }
    ));
    let code = with(vec![Copy(Depth(0)), ReturnValue]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::InvalidOperand { .. }
    ));
}

#[test]
fn jumps_must_respect_direction() {
    let code = with(vec![
        LoadConst(ConstIdx(0)),
        PopJumpIfTrue(Label(0)),
        LoadConst(ConstIdx(0)),
        ReturnValue,
    ]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::JumpDirection { forward: true, .. }
    ));
    let code = with(vec![
        JumpBackward(BackLabel(1)),
        LoadConst(ConstIdx(0)),
        ReturnValue,
    ]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::JumpDirection { forward: false, .. }
    ));
    let code = with(vec![
        JumpForward(Label(9)),
        LoadConst(ConstIdx(0)),
        ReturnValue,
    ]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::IndexOutOfRange {
            what: "instructions",
            ..
        }
    ));
}

#[test]
fn kw_names_needs_a_call() {
    let ok = with(vec![
        PushNull,
        LoadGlobal(NameIdx(0)),
        LoadConst(ConstIdx(0)),
        KwNames(KwNamesIdx(1)),
        Call(1),
        ReturnValue,
    ]);
    assert_eq!(verify(&ok), Ok(()));
    let code = with(vec![
        KwNames(KwNamesIdx(1)),
        LoadConst(ConstIdx(0)),
        ReturnValue,
    ]);
    assert_eq!(kind(&code), VerifyErrorKind::KwNamesWithoutCall);
    let code = with(vec![
        PushNull,
        LoadGlobal(NameIdx(0)),
        KwNames(KwNamesIdx(1)),
        Call(0),
        ReturnValue,
    ]);
    assert_eq!(kind(&code), VerifyErrorKind::KwNamesWithoutCall);
    let code = with(vec![KwNames(KwNamesIdx(0)), Call(0), ReturnValue]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::KwNamesNotStrTuple { .. }
    ));
}

#[test]
fn yield_needs_generator_flag() {
    let mut code = with(vec![LoadConst(ConstIdx(0)), YieldValue, ReturnValue]);
    assert_eq!(kind(&code), VerifyErrorKind::YieldOutsideGenerator);
    code.flags |= CodeFlags::GENERATOR;
    assert_eq!(verify(&code), Ok(()));
}

#[test]
fn declared_depth_must_cover_computed() {
    let mut code = with(vec![
        LoadConst(ConstIdx(0)),
        LoadConst(ConstIdx(0)),
        BuildTuple(2),
        ReturnValue,
    ]);
    code.max_stackdepth = 1;
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::StackExceedsDeclared {
            computed: 2,
            declared: 1
        }
    ));
    code.max_stackdepth = MAX_STACK_DEPTH + 1;
    assert!(matches!(kind(&code), VerifyErrorKind::StackTooDeep { .. }));
}

#[test]
fn structural_checks() {
    let mut code = minimal();
    code.line_table = LineTable::from_lines(vec![1]);
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::LineTableLength { .. }
    ));

    let mut code = minimal();
    code.argcount = 2;
    assert_eq!(kind(&code), VerifyErrorKind::BadArgCounts);

    let mut code = minimal();
    code.flags = CodeFlags(1 << 20);
    assert!(matches!(kind(&code), VerifyErrorKind::UnknownFlags { .. }));

    let mut code = minimal();
    code.constants.push(Constant::BigInt(BigInt::from(5)));
    assert_eq!(kind(&code), VerifyErrorKind::NonCanonicalBigInt);

    let code = with(vec![]);
    assert_eq!(kind(&code), VerifyErrorKind::EmptyCode);
}

#[test]
fn exception_table_is_checked() {
    let mut code = with(vec![
        LoadConst(ConstIdx(0)),
        ReturnValue,
        PopTop,
        LoadConst(ConstIdx(0)),
        ReturnValue,
    ]);
    code.exception_table.entries.push(ExceptionTableEntry {
        start: 0,
        end: 1,
        target: 2,
        depth: 0,
        push_lasti: false,
    });
    code.max_stackdepth = 1;
    assert_eq!(verify(&code), Ok(()));
    code.exception_table.entries[0].depth = 3;
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::HandlerTooDeep { .. }
    ));
    code.exception_table.entries[0].depth = 0;
    code.exception_table.entries[0].target = 5;
    assert!(matches!(
        kind(&code),
        VerifyErrorKind::BadExceptionEntry { .. }
    ));
}

#[test]
fn nested_code_is_verified() {
    let mut inner = minimal();
    inner.qualname = "f".into();
    inner.max_stackdepth = 0;
    let mut outer = minimal();
    outer
        .constants
        .push(Constant::Code(std::sync::Arc::new(inner)));
    let err = verify(&outer).unwrap_err();
    assert_eq!(err.code, "f");
    assert!(err.to_string().contains("in code object 'f'"), "{err}");
    let err = decode(&encode(&outer)).unwrap_err();
    assert!(matches!(err, KbcError::Verify(_)));
    assert!(err.to_string().starts_with("invalid code object"), "{err}");
}

#[test]
fn dispatch_check_is_what_unchecked_dispatch_needs() {
    // What the VM checks when it loads code: targets, handlers, the end.
    assert_eq!(check_for_dispatch(&minimal()), Ok(()));
    let empty = with(vec![]);
    assert_eq!(check_for_dispatch(&empty), Err(VerifyErrorKind::EmptyCode));
    let far_jump = with(vec![JumpForward(Label(7)), ReturnValue]);
    assert!(matches!(
        check_for_dispatch(&far_jump),
        Err(VerifyErrorKind::IndexOutOfRange {
            what: "instructions",
            index: 7,
            ..
        })
    ));
    let falls_off = with(vec![LoadConst(ConstIdx(0)), PopTop]);
    assert_eq!(
        check_for_dispatch(&falls_off),
        Err(VerifyErrorKind::FallsOffEnd)
    );
    // A last instruction that could continue but is never reached.
    let unreachable_end = with(vec![LoadConst(ConstIdx(0)), ReturnValue, Nop]);
    assert_eq!(check_for_dispatch(&unreachable_end), Ok(()));
    // Operands the dispatch indexes with: a local, a constant, a name.
    for bad_operand in [
        with(vec![LoadFast(LocalIdx(1)), ReturnValue]),
        with(vec![LoadConst(ConstIdx(2)), ReturnValue]),
        with(vec![LoadName(NameIdx(1)), ReturnValue]),
    ] {
        assert!(matches!(
            check_for_dispatch(&bad_operand),
            Err(VerifyErrorKind::IndexOutOfRange { .. })
        ));
    }
    let mut bad_handler = minimal();
    bad_handler.exception_table = ExceptionTable {
        entries: vec![ExceptionTableEntry {
            start: 0,
            end: 1,
            target: 9,
            depth: 0,
            push_lasti: false,
        }],
    };
    assert!(matches!(
        check_for_dispatch(&bad_handler),
        Err(VerifyErrorKind::BadExceptionEntry { .. })
    ));
}
