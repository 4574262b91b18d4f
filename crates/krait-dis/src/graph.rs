//! The control-flow graph of code objects as Graphviz DOT (`krait dis
//! --graph`): one box per basic block with its instructions as `dis`
//! lists them, edges labelled `jump`, `fall-through` or `exception`.

use std::fmt::Write as _;

use krait_bytecode::{CodeObject, ControlFlowGraph, EdgeKind};

use crate::listing::{DisInstruction, get_instructions};

/// The DOT text of `code`'s graph and, recursively, of every code object
/// among its constants, each in its own cluster, for the code objects
/// `select` accepts (all of them: `|_| true`).
pub fn control_flow_dot(code: &CodeObject, select: &dyn Fn(&CodeObject) -> bool) -> String {
    let mut out = String::new();
    out.push_str("digraph krait {\n");
    out.push_str("    node [shape=box, fontname=\"monospace\", fontsize=10];\n");
    out.push_str("    edge [fontname=\"monospace\", fontsize=9];\n");
    // Depth-first with an explicit stack, as the listing: nesting depth
    // cannot overflow the Rust stack.
    let mut pending = vec![code];
    let mut cluster = 0;
    while let Some(code) = pending.pop() {
        if select(code) {
            write_cluster(code, cluster, &mut out);
            cluster += 1;
        }
        pending.extend(code.nested_code().into_iter().rev());
    }
    out.push_str("}\n");
    out
}

fn write_cluster(code: &CodeObject, cluster: usize, out: &mut String) {
    let graph = ControlFlowGraph::new(code);
    let instructions = get_instructions(code);
    let max_line = instructions.iter().filter_map(|i| i.starts_line).max();
    let line_width = max_line.map_or(0, |l| l.to_string().len());
    let _ = writeln!(out, "    subgraph cluster_{cluster} {{");
    let title = format!(
        "{} ({}, line {})",
        code.qualname, code.filename, code.first_line
    );
    let _ = writeln!(out, "        label=\"{}\";", escape(&title));
    let _ = writeln!(out, "        labeljust=l;");
    // The line in effect at each instruction: a block that starts in the
    // middle of a line still says which.
    let mut line = None;
    let mut lines = Vec::with_capacity(instructions.len());
    for instruction in &instructions {
        line = instruction.starts_line.or(line);
        lines.push(line);
    }
    for (index, block) in graph.blocks.iter().enumerate() {
        let mut label = format!("block {index}\\l");
        for instruction in &instructions[block.start as usize..block.end as usize] {
            let line = if instruction.index == block.start as usize {
                lines[instruction.index]
            } else {
                instruction.starts_line
            };
            let text = instruction_text(instruction, line, line_width);
            let _ = write!(label, "{}\\l", escape(&text));
        }
        let _ = writeln!(out, "        c{cluster}_b{index} [label=\"{label}\"];");
    }
    for edge in &graph.edges {
        let style = match edge.kind {
            EdgeKind::Jump => "",
            EdgeKind::FallThrough => ", style=bold",
            EdgeKind::Exception => ", style=dashed, color=red, fontcolor=red",
        };
        let _ = writeln!(
            out,
            "        c{cluster}_b{} -> c{cluster}_b{} [label=\"{}\"{style}];",
            edge.from,
            edge.to,
            edge.kind.name()
        );
    }
    out.push_str("    }\n");
}

/// `  3    4 LOAD_FAST                0 (x)`: the listing's columns
/// without the jump-target marks (the edges show them).
fn instruction_text(instruction: &DisInstruction, line: Option<u32>, line_width: usize) -> String {
    let mut text = String::new();
    if line_width > 0 {
        match line {
            Some(line) => {
                let _ = write!(text, "{line:>line_width$} ");
            }
            None => {
                let _ = write!(text, "{:line_width$} ", "");
            }
        }
    }
    let _ = write!(text, "{:>4} {:<20}", instruction.offset, instruction.opname);
    if let Some(arg) = instruction.arg {
        let _ = write!(text, " {arg:>5}");
        if !instruction.argrepr.is_empty() {
            let _ = write!(text, " ({})", instruction.argrepr);
        }
    }
    text.truncate(text.trim_end().len());
    text
}

/// A DOT double-quoted string's contents: backslashes and quotes escaped
/// (so a constant's repr cannot end the string or start a DOT escape).
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '"' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' => escaped.push_str("\\n"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use krait_bytecode::{ConstIdx, Constant, Instruction as I, Label};

    #[test]
    fn blocks_and_edges_are_drawn() {
        let mut code = CodeObject::new("f", "f", "<test>");
        code.constants
            .push(Constant::Str("a \"quoted\" \\ str".into()));
        code.instructions = vec![
            I::LoadConst(ConstIdx(0)),
            I::PopJumpIfFalse(Label(3)),
            I::Nop,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
        ];
        let dot = control_flow_dot(&code, &|_| true);
        assert!(dot.starts_with("digraph krait {\n"), "{dot}");
        assert!(dot.contains("c0_b0 -> c0_b2 [label=\"jump\"];"), "{dot}");
        assert!(
            dot.contains("c0_b0 -> c0_b1 [label=\"fall-through\", style=bold];"),
            "{dot}"
        );
        assert!(
            dot.contains("c0_b1 -> c0_b2 [label=\"fall-through\""),
            "{dot}"
        );
        // The constant's quotes and backslash are escaped inside the label.
        assert!(dot.contains(r#"('a \"quoted\" \\\\ str')"#), "{dot}");
        assert!(
            dot.contains("POP_JUMP_IF_FALSE        6 (to 6)\\l"),
            "{dot}"
        );
        assert!(dot.ends_with("    }\n}\n"));
    }

    #[test]
    fn selection_skips_code_objects() {
        let code = CodeObject::new("f", "f", "<test>");
        let dot = control_flow_dot(&code, &|c| c.name != "f");
        assert!(!dot.contains("cluster"), "{dot}");
    }
}
