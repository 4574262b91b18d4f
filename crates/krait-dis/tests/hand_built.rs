//! Code objects built by hand, without the compiler: every operand kind,
//! line-table corner cases, invalid operands and the exception table.

use std::sync::Arc;

use krait_bytecode::{
    BackLabel, BinaryOperator, CodeFlags, CodeObject, ComparisonOperator, ConstIdx, Constant,
    Conversion, Depth, DerefIdx, ExceptionTable, ExceptionTableEntry, FormatFlags, Instruction,
    KwNamesIdx, Label, LineTable, LocalIdx, MakeFunctionFlags, NameIdx, RaiseKind, SliceArgc,
    UnpackExCounts,
};
use krait_dis::{Options, code_info, disassemble, disassemble_code, get_instructions};

fn sample() -> CodeObject {
    let mut inner = CodeObject::new("inner", "f.<locals>.inner", "hand.py");
    inner.first_line = 4;
    inner.instructions = vec![
        Instruction::LoadConst(ConstIdx(0)),
        Instruction::ReturnValue,
    ];
    inner.constants = vec![Constant::None];
    inner.line_table = LineTable::from_lines(vec![5, 5]);

    let mut code = CodeObject::new("f", "f", "hand.py");
    code.first_line = 1;
    code.argcount = 1;
    code.flags = CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
    code.varnames = vec!["a".into(), "b".into()];
    code.cellvars = vec!["cell".into()];
    code.freevars = vec!["free".into()];
    code.names = vec!["print".into(), "attr".into()];
    code.constants = vec![
        Constant::Int(1),
        Constant::Str("it's".into()),
        Constant::Tuple(vec![Constant::Str("key".into())]),
        Constant::Code(Arc::new(inner)),
        Constant::Float(1e16),
        Constant::Tuple(vec![
            Constant::Int(1),
            Constant::Float(-0.5),
            Constant::Ellipsis,
        ]),
    ];
    use Instruction as I;
    code.instructions = vec![
        /* 0 */ I::LoadFast(LocalIdx(0)),
        /* 1 */ I::LoadConst(ConstIdx(0)),
        /* 2 */ I::CompareOp(ComparisonOperator::LessEqual),
        /* 3 */ I::PopJumpIfFalse(Label(9)),
        /* 4 */ I::LoadDeref(DerefIdx(0)),
        /* 5 */ I::LoadDeref(DerefIdx(1)),
        /* 6 */ I::BinaryOp(BinaryOperator::InplaceFloorDivide),
        /* 7 */ I::StoreFast(LocalIdx(1)),
        /* 8 */ I::JumpBackward(BackLabel(0)),
        /* 9 */ I::PushNull,
        /* 10 */ I::LoadGlobal(NameIdx(0)),
        /* 11 */ I::LoadConst(ConstIdx(1)),
        /* 12 */ I::KwNames(KwNamesIdx(2)),
        /* 13 */ I::Call(1),
        /* 14 */ I::LoadAttr(NameIdx(1)),
        /* 15 */
        I::FormatValue(FormatFlags {
            conversion: Conversion::Str,
            has_spec: false,
        }),
        /* 16 */
        I::FormatValue(FormatFlags {
            conversion: Conversion::None,
            has_spec: true,
        }),
        /* 17 */ I::FormatValue(FormatFlags::default()),
        /* 18 */ I::LoadClosure(DerefIdx(0)),
        /* 19 */ I::LoadConst(ConstIdx(3)),
        /* 20 */ I::MakeFunction(MakeFunctionFlags::DEFAULTS | MakeFunctionFlags::CLOSURE),
        /* 21 */ I::MakeFunction(MakeFunctionFlags::empty()),
        /* 22 */
        I::UnpackEx(UnpackExCounts {
            before: 1,
            after: 2,
        }),
        /* 23 */ I::IsOp(true),
        /* 24 */ I::Copy(Depth(2)),
        /* 25 */ I::BuildSlice(SliceArgc::Three),
        /* 26 */ I::LoadConst(ConstIdx(4)),
        /* 27 */ I::LoadConst(ConstIdx(5)),
        /* 28 */ I::RaiseVarargs(RaiseKind::Raise),
        /* 29 */ I::PushExcInfo,
        /* 30 */ I::Reraise(1),
    ];
    // Line 0 means "no line": it neither starts a line nor resets the
    // current one, so instruction 5 (line 2 again) starts nothing.
    let mut lines = vec![1, 1, 1, 1, 2, 0, 2, 2, 2, 3];
    lines.resize(code.instructions.len(), 3);
    lines[29] = 0;
    lines[30] = 0;
    code.line_table = LineTable::from_lines(lines);
    code.exception_table = ExceptionTable {
        entries: vec![
            ExceptionTableEntry {
                start: 9,
                end: 14,
                target: 29,
                depth: 0,
                push_lasti: false,
            },
            ExceptionTableEntry {
                start: 29,
                end: 31,
                target: 29,
                depth: 2,
                push_lasti: true,
            },
        ],
    };
    code.max_stackdepth = 4;
    code
}

#[test]
fn every_operand_kind() {
    insta::assert_snapshot!(disassemble(&sample()));
}

#[test]
fn resolved_operands() {
    let code = sample();
    let shown: Vec<(Option<u64>, String)> = get_instructions(&code)
        .into_iter()
        .map(|i| (i.arg, i.argrepr))
        .collect();
    let at = |i: usize| (shown[i].0, shown[i].1.as_str());
    assert_eq!(at(0), (Some(0), "a"));
    assert_eq!(at(2), (Some(1), "<="));
    // Jumps show their target as an offset (index * 2).
    assert_eq!(at(3), (Some(18), "to 18"));
    assert_eq!(at(4), (Some(0), "cell"));
    assert_eq!(at(5), (Some(1), "free"));
    assert_eq!(at(6), (Some(15), "//="));
    assert_eq!(at(8), (Some(0), "to 0"));
    assert_eq!(at(11), (Some(1), "\"it's\""));
    assert_eq!(at(12), (Some(2), "('key',)"));
    assert_eq!(at(15), (Some(1), "str"));
    assert_eq!(at(16), (Some(4), "with format"));
    assert_eq!(at(17), (Some(0), ""));
    assert_eq!(at(20), (Some(9), "defaults, closure"));
    assert_eq!(at(21), (Some(0), ""));
    assert_eq!(at(22), (Some(0x2_0001), "1 before, 2 after"));
    assert_eq!(at(23), (Some(1), ""));
    assert_eq!(at(26), (Some(4), "1e+16"));
    assert_eq!(at(27), (Some(5), "(1, -0.5, Ellipsis)"));
    assert_eq!(at(29), (None, ""));
    let code_repr = &shown[19].1;
    assert!(
        code_repr.starts_with("<code object inner at 0x7f")
            && code_repr.ends_with(", file \"hand.py\", line 4>"),
        "{code_repr}"
    );
}

#[test]
fn line_starts_and_targets() {
    let instrs = get_instructions(&sample());
    let starts: Vec<(usize, u32)> = instrs
        .iter()
        .filter_map(|i| Some((i.index, i.starts_line?)))
        .collect();
    assert_eq!(starts, [(0, 1), (4, 2), (9, 3)]);
    let targets: Vec<usize> = instrs
        .iter()
        .filter(|i| i.is_jump_target)
        .map(|i| i.index)
        .collect();
    // Jump targets and exception handlers.
    assert_eq!(targets, [0, 9, 29]);
}

#[test]
fn invalid_operands_do_not_panic() {
    let mut code = CodeObject::new("bad", "bad", "bad.py");
    code.instructions = vec![
        Instruction::LoadConst(ConstIdx(7)),
        Instruction::LoadName(NameIdx(3)),
        Instruction::LoadFast(LocalIdx(9)),
        Instruction::LoadDeref(DerefIdx(2)),
        Instruction::KwNames(KwNamesIdx(100)),
        Instruction::JumpForward(Label(u32::MAX)),
    ];
    // A line table shorter than the code and an exception table pointing
    // nowhere: unverified input must still list.
    code.line_table = LineTable::from_lines(vec![1]);
    code.exception_table = ExceptionTable {
        entries: vec![ExceptionTableEntry {
            start: 3,
            end: 0,
            target: 1000,
            depth: 0,
            push_lasti: false,
        }],
    };
    insta::assert_snapshot!(disassemble(&code), @r"
      1           0 LOAD_CONST               7 (<invalid const 7>)
                  2 LOAD_NAME                3 (<invalid name 3>)
                  4 LOAD_FAST                9 (<invalid local 9>)
                  6 LOAD_DEREF               2 (<invalid deref 2>)
                  8 KW_NAMES               100 (<invalid kwnames 100>)
                 10 JUMP_FORWARD         8589934590 (to 8589934590)
    ExceptionTable:
      6 to 0 -> 2000 [0]
    ");
}

#[test]
fn without_lines_there_is_no_line_column() {
    let mut code = CodeObject::new("f", "f", "x.py");
    code.constants = vec![Constant::None];
    code.instructions = vec![
        Instruction::LoadConst(ConstIdx(0)),
        Instruction::ReturnValue,
    ];
    insta::assert_snapshot!(disassemble(&code), @r"
        0 LOAD_CONST               0 (None)
        2 RETURN_VALUE
    ");
}

#[test]
fn wide_lines_offsets_and_current_marker() {
    let mut code = CodeObject::new("f", "f", "x.py");
    code.instructions = vec![Instruction::Nop; 5001];
    let mut lines = vec![0; 5001];
    lines[0] = 12345;
    lines[5000] = 12346;
    code.line_table = LineTable::from_lines(lines);
    let mut text = String::new();
    let options = Options {
        recursive: false,
        current: Some(5000),
    };
    krait_dis::disassemble_with(&code, &options, &mut text).unwrap();
    let listed: Vec<&str> = text.lines().collect();
    assert_eq!(listed[0], "12345            0 NOP");
    assert_eq!(listed[1], "                 2 NOP");
    assert_eq!(listed[5000], "");
    assert_eq!(listed.len(), 5002);
    assert_eq!(listed[5001], "12346 -->    10000 NOP");
}

#[test]
fn recursion_lists_nested_code_after_parent() {
    let code = sample();
    let all = disassemble(&code);
    let alone = disassemble_code(&code);
    assert!(all.starts_with(&alone));
    let rest = &all[alone.len()..];
    assert!(
        rest.starts_with("\nDisassembly of <code object inner at 0x7f"),
        "{rest}"
    );
    assert!(rest.ends_with(
        "  5           0 LOAD_CONST               0 (None)\n              2 RETURN_VALUE\n"
    ));
    assert!(!alone.contains("Disassembly of"));
}

#[test]
fn deeply_nested_code_does_not_overflow() {
    let mut code = CodeObject::new("f0", "f0", "x.py");
    for depth in 1..20_000 {
        let mut outer = CodeObject::new(format!("f{depth}"), "f", "x.py");
        outer.constants = vec![Constant::Code(Arc::new(code))];
        outer.instructions = vec![Instruction::LoadConst(ConstIdx(0))];
        code = outer;
    }
    let text = disassemble(&code);
    assert_eq!(text.matches("Disassembly of").count(), 19_999);
    // Arc<CodeObject> drops recursively; that is krait-bytecode's concern,
    // not this test's.
    std::mem::forget(code);
}

#[test]
fn code_info_like_python() {
    insta::assert_snapshot!(code_info(&sample()), @r#"
    Name:              f
    Filename:          hand.py
    Argument count:    1
    Positional-only arguments: 0
    Kw-only arguments: 0
    Number of locals:  2
    Stack size:        4
    Flags:             OPTIMIZED, NEWLOCALS
    Constants:
       0: 1
       1: "it's"
       2: ('key',)
       3: <code object inner at 0x7fed5ce056f0, file "hand.py", line 4>
       4: 1e+16
       5: (1, -0.5, Ellipsis)
    Names:
       0: print
       1: attr
    Variable names:
       0: a
       1: b
    Free variables:
       0: free
    Cell variables:
       0: cell
    "#);
}
