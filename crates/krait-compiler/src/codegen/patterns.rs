//! `match` statements, compiled as CPython 3.11 does (`compiler_match` and
//! the `compiler_pattern_*` functions of `Python/compile.c`).
//!
//! A pattern consumes the subject on top of the stack. Values it captures
//! wait on the stack (the first captured name nearest the top, below the
//! items the pattern still works on) and are stored only once the whole
//! pattern has matched, so a failed case binds nothing. A failure jumps to
//! `fail_pop[n]`, a chain of `POP_TOP`s that drops the `n` items the
//! pattern had on the stack at that point.

use krait_ast::{MatchCase, Pattern, PatternKind};

use super::*;

/// CPython's `pattern_context`: the state of one case's pattern.
struct PatternContext {
    /// Names captured so far; their values wait on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern (a capture, `_`) may appear here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items, then continues at `fail_pop[n - 1]`.
    fail_pop: Vec<Label>,
    /// Items above the current subject that must survive a sub-pattern.
    on_top: usize,
    /// Where errors are reported: the pattern being compiled.
    loc: Location,
}

/// `_`: binds nothing, matches anything.
fn is_wildcard(p: &Pattern) -> bool {
    p.is_wildcard()
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.node, PatternKind::MatchStar { name: None })
}

impl<'a> Codegen<'a> {
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        self.expr(subject)?;
        let end = self.new_label();
        let count = cases.len();
        let has_default = count > 1 && cases.last().is_some_and(|case| is_wildcard(&case.pattern));
        let tested = count - has_default as usize;
        for (i, case) in cases[..tested].iter().enumerate() {
            self.set_line(case.pattern.loc);
            // Every case but the last tested one works on a copy.
            let keeps_subject = i + 1 != tested;
            if keeps_subject {
                self.emit(I::Copy(Depth(1)));
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == count,
                fail_pop: Vec::new(),
                on_top: 0,
                loc: case.pattern.loc,
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in &pc.stores {
                self.name_op(name, NameOp::Store);
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, false, pc.fail_pop[0])?;
            }
            if keeps_subject {
                self.emit(I::PopTop);
            }
            self.body(&case.body)?;
            if self.unit_ref().is_reachable() {
                self.jump_forward(end);
            }
            // A failed pattern's cleanup belongs to the pattern's line, not
            // to the body's last one.
            self.set_line(case.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = cases.last().expect("a default case");
            self.set_line(case.pattern.loc);
            // With a default case the last tested case consumed the subject.
            self.emit(I::Nop);
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, end)?;
            }
            self.body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        self.set_line(p.loc);
        pc.loc = p.loc;
        match &p.node {
            PatternKind::MatchValue { value } => {
                match pattern_constant(value) {
                    Some(constant) => self.load_const(constant),
                    None if matches!(value.node, ExprKind::Attribute { .. }) => self.expr(value)?,
                    None => {
                        return error(
                            "patterns may only match literals and attribute lookups",
                            p.loc,
                        );
                    }
                }
                self.emit(compare_instruction(CmpOp::Eq));
                self.jump_to_fail_pop(pc, I::PopJumpIfFalse(BcLabel(0)));
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(constant(value));
                self.emit(I::IsOp(false));
                self.jump_to_fail_pop(pc, I::PopJumpIfFalse(BcLabel(0)));
            }
            PatternKind::MatchSequence { patterns } => self.sequence_pattern(patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar { name } => self.store_capture(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let message = match name {
                            Some(name) => {
                                format!(
                                    "name capture '{name}' makes remaining patterns unreachable"
                                )
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return error(message, p.loc);
                    }
                    self.store_capture(name.as_deref(), pc)?;
                }
                Some(inner) => {
                    // Keep a copy of the subject to store once `inner` matched.
                    pc.on_top += 1;
                    self.emit(I::Copy(Depth(1)));
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.or_pattern(p, patterns, pc)?,
        }
        Ok(())
    }

    /// A pattern inside another one: it may be irrefutable.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// Makes `fail_pop[0..=n]` exist.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() <= n {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
    }

    /// On failure, pop what is on the stack above the subject plus the
    /// captured values, then fail.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, jump: I) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(jump, pc.fail_pop[pops]);
    }

    /// Places the `POP_TOP` chain of the failure labels.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        if let Some((first, rest)) = labels.split_first() {
            for label in rest.iter().rev() {
                self.bind(*label);
                self.emit(I::PopTop);
            }
            self.bind(*first);
        }
    }

    /// Moves the top item `count - 1` places down.
    fn rotate(&mut self, count: usize) {
        for depth in (2..=count).rev() {
            self.emit(I::Swap(Depth(depth as u32)));
        }
    }

    /// Records a capture: its value (on top) moves below the items still in
    /// use and the earlier captures. `None` (`_`) just drops it.
    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternContext) -> R {
        let Some(name) = name else {
            self.emit(I::PopTop);
            return Ok(());
        };
        if name == "__debug__" {
            return error("cannot assign to __debug__", pc.loc);
        }
        if pc.stores.iter().any(|s| s == name) {
            return error(
                format!("multiple assignments to name '{name}' in pattern"),
                pc.loc,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn sequence_pattern(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> R {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.node, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return error("multiple starred names in sequence pattern", pc.loc);
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(I::MatchSequence);
        self.jump_to_fail_pop(pc, I::PopJumpIfFalse(BcLabel(0)));
        let length_check = match star {
            None => Some((size, CmpOp::Eq)),
            Some(_) if size > 1 => Some((size - 1, CmpOp::GtE)),
            Some(_) => None,
        };
        if let Some((length, op)) = length_check {
            self.emit(I::GetLen);
            self.load_const(Constant::Int(length as i64));
            self.emit(compare_instruction(op));
            self.jump_to_fail_pop(pc, I::PopJumpIfFalse(BcLabel(0)));
        }
        pc.on_top -= 1;
        if only_wildcard {
            // `[]`, `[_, _]`, `[_, *_]`...: nothing to extract.
            self.emit(I::PopTop);
        } else if star_wildcard {
            self.sequence_subscripts(patterns, star.unwrap_or(size), pc)?;
        } else {
            self.sequence_unpack(patterns, star, pc)?;
        }
        Ok(())
    }

    /// Unpacks the subject and matches each item in turn.
    fn sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        star: Option<usize>,
        pc: &mut PatternContext,
    ) -> R {
        let size = patterns.len();
        match star {
            None => self.emit(I::UnpackSequence(size as u32)),
            Some(before) => {
                let after = size - before - 1;
                if before > 255 || after > (1 << 24) {
                    return error("too many expressions in star-unpacking assignment", pc.loc);
                }
                self.emit(I::UnpackEx(UnpackExCounts {
                    before: before as u16,
                    after: after as u16,
                }));
            }
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// With a `*_`, items are read by index (counted from the end after
    /// the star) instead of unpacking the whole subject.
    fn sequence_subscripts(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> R {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(I::Copy(Depth(1)));
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                // The subject may not support negative indexes.
                self.emit(I::GetLen);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(I::BinaryOp(BinaryOperator::Subtract));
            }
            self.emit(I::BinarySubscr);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(I::PopTop);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> R {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(I::MatchMapping);
        self.jump_to_fail_pop(pc, I::PopJumpIfFalse(BcLabel(0)));
        if size == 0 && rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(I::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(I::GetLen);
            self.load_const(Constant::Int(size as i64));
            self.emit(compare_instruction(CmpOp::GtE));
            self.jump_to_fail_pop(pc, I::PopJumpIfFalse(BcLabel(0)));
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            match pattern_constant(key) {
                Some(value) => {
                    if seen.contains(&value) {
                        let shown = krait_dis::constant_repr(&value);
                        return error(
                            format!("mapping pattern checks duplicate key ({shown})"),
                            p.loc,
                        );
                    }
                    self.load_const(value.clone());
                    seen.push(value);
                }
                None if matches!(key.node, ExprKind::Attribute { .. }) => self.expr(key)?,
                None => {
                    return error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        p.loc,
                    );
                }
            }
        }
        self.set_line(p.loc);
        self.emit(I::BuildTuple(size as u32));
        self.emit(I::MatchKeys);
        // The keys and the values (or None) are now above the subject.
        pc.on_top += 2;
        self.emit(I::Copy(Depth(1)));
        self.jump_to_fail_pop(pc, I::PopJumpIfNone(BcLabel(0)));
        self.emit(I::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // Matched: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match rest {
            Some(rest) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(I::BuildMap(0));
                self.emit(I::Swap(Depth(3)));
                self.emit(I::DictUpdate(Depth(2)));
                self.emit(I::UnpackSequence(size as u32));
                for remaining in (1..=size).rev() {
                    self.emit(I::Copy(Depth(1 + remaining as u32)));
                    self.emit(I::Swap(Depth(2)));
                    self.emit(I::DeleteSubscr);
                }
                self.store_capture(Some(rest), pc)?;
            }
            None => {
                self.emit(I::PopTop);
                self.emit(I::PopTop);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        for (i, attr) in kwd_attrs.iter().enumerate() {
            let at = kwd_patterns.get(i).map_or(pc.loc, |p| p.loc);
            if attr == "__debug__" {
                return error("cannot assign to __debug__", at);
            }
            if kwd_attrs[i + 1..].contains(attr) {
                let repeated = kwd_attrs[i + 1..]
                    .iter()
                    .position(|a| a == attr)
                    .map_or(at, |j| kwd_patterns[i + 1 + j].loc);
                return error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    repeated,
                );
            }
        }
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Constant::Str(a.clone())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(I::MatchClass(patterns.len() as u32));
        self.emit(I::Copy(Depth(1)));
        // The tuple of attributes (or None) is on top.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, I::PopJumpIfNone(BcLabel(0)));
        let count = patterns.len() + kwd_patterns.len();
        self.emit(I::UnpackSequence(count as u32));
        pc.on_top += count;
        pc.on_top -= 1;
        for p in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(I::PopTop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative runs on a copy of the subject
    /// with its own failure labels; whichever matches leaves its captures
    /// in the order of the first alternative's.
    fn or_pattern(
        &mut self,
        p: &'a Pattern,
        alternatives: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let end = self.new_label();
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        let outer_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alternatives.iter().enumerate() {
            self.set_line(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == alternatives.len() && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(I::Copy(Depth(1)));
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) => {
                    if control.len() != pc.stores.len() {
                        return error("alternative patterns bind different names", pc.loc);
                    }
                    // Reorder the captures on the stack to the control's order.
                    for icontrol in (0..control.len()).rev() {
                        let name = &control[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return error("alternative patterns bind different names", pc.loc);
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump_forward(end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow;
        // No alternative matched: drop the subject and fail.
        self.set_line(p.loc);
        self.emit(I::PopTop);
        self.jump_to_fail_pop(pc, I::JumpForward(BcLabel(0)));
        self.bind(end);
        let control = control.unwrap_or_default();
        // Between the new captures and their place: the other new
        // captures, the subject, the items in use, the earlier captures.
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(rotations);
            if pc.stores.contains(&name) {
                return error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    pc.loc,
                );
            }
            pc.stores.push(name);
        }
        // Drop the subject.
        self.emit(I::PopTop);
        Ok(())
    }
}

/// A pattern's literal as the constant CPython's AST optimizer folds it
/// to: `-1`, `1+2j`, `-0.5-1j`, strings, numbers (the parser allows no
/// other operators in a value pattern).
fn pattern_constant(expr: &Expr) -> Option<Constant> {
    match &expr.node {
        ExprKind::Constant { .. }
        | ExprKind::UnaryOp {
            op: UnaryOp::USub, ..
        }
        | ExprKind::BinOp { .. } => crate::fold::constant(expr),
        _ => None,
    }
}
