//! The pattern parser: pattern text (code points, or bytes for a bytes
//! pattern) to a [`Node`] tree, with CPython 3.11's syntax and its error
//! messages and positions (`re.error`'s `msg` and `pos`).
//!
//! Flags that change what a piece of the pattern means (IGNORECASE,
//! MULTILINE, DOTALL, ASCII) are resolved here, per node, because
//! `(?i:...)` scopes them: the tree carries no flag state.

use std::collections::HashMap;

pub const FLAG_TEMPLATE: u32 = 1;
pub const FLAG_IGNORECASE: u32 = 2;
pub const FLAG_LOCALE: u32 = 4;
pub const FLAG_MULTILINE: u32 = 8;
pub const FLAG_DOTALL: u32 = 16;
pub const FLAG_UNICODE: u32 = 32;
pub const FLAG_VERBOSE: u32 = 64;
pub const FLAG_DEBUG: u32 = 128;

/// Repeat bounds are below this (CPython's MAXREPEAT); it also stands for
/// "no upper bound".
pub const MAXREPEAT: u32 = u32::MAX;

/// Nesting deeper than this is refused with RecursionError, as CPython's
/// parser does somewhat deeper (about 450 groups) when it runs out of Python
/// recursion; it bounds every recursion over the tree, so that parsing
/// and compiling fit in 2 MiB of stack even in a debug build.
pub const MAX_DEPTH: usize = 160;

/// Why a pattern (or a replacement template) is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// `re.error(msg, pattern, pos)`; `pos` is `None` for the few messages
    /// CPython raises without one.
    Re(String, Option<usize>),
    /// `OverflowError` (a repeat count too large).
    Overflow(String),
    /// `RecursionError` (nesting too deep).
    Recursion,
    /// `ValueError` (incompatible flags).
    Value(String),
    /// `IndexError` (a template's unknown group name).
    Index(String),
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, Error> {
    Err(Error::Re(msg.into(), Some(pos)))
}

/// A character category (`\d`, `\w`, `\s` and their negations).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Category {
    Digit,
    Word,
    Space,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClassItem {
    Char(u32),
    Range(u32, u32),
    Cat(Category, bool),
}

/// A `[...]` set (or a lone category escape, as a one-item set).
#[derive(Debug, Clone, PartialEq)]
pub struct ClassSet {
    pub negated: bool,
    pub items: Vec<ClassItem>,
    pub icase: bool,
    /// ASCII-only categories and case folding (ASCII flag, bytes pattern).
    pub ascii: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Assert {
    /// `\A`, and `^` without MULTILINE.
    Start,
    /// `^` with MULTILINE.
    StartLine,
    /// `$` without MULTILINE: the end, or before a final newline.
    End,
    /// `$` with MULTILINE.
    EndLine,
    /// `\Z`.
    EndAbs,
    /// `\b` (`ascii` selects the word definition).
    Boundary { ascii: bool },
    /// `\B`.
    NotBoundary { ascii: bool },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Empty,
    Char {
        c: u32,
        icase: bool,
        ascii: bool,
    },
    /// `.`; `all` with DOTALL.
    Any {
        all: bool,
    },
    Class(Box<ClassSet>),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// A capturing group (its number, from 1).
    Group(usize, Box<Node>),
    Repeat {
        min: u32,
        max: u32,
        kind: RepeatKind,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    Look {
        behind: bool,
        negated: bool,
        node: Box<Node>,
    },
    Backref {
        group: usize,
        icase: bool,
        ascii: bool,
    },
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
    Assert(Assert),
}

/// A parsed pattern.
pub struct Parsed {
    pub node: Node,
    /// Capturing groups (not counting group 0).
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// The flags after the pattern's global inline flags are added.
    pub flags: u32,
}

struct Parser<'a> {
    src: &'a [u32],
    pos: usize,
    is_bytes: bool,
    /// The flags in force at the current point (scoped groups change it).
    flags: u32,
    /// The flags of the whole pattern (global inline flags are added).
    global: u32,
    groups: usize,
    names: HashMap<String, usize>,
    name_order: Vec<(String, usize)>,
    /// Groups opened and not yet closed.
    open: Vec<usize>,
    /// The first group of the lookbehind being parsed, if any.
    lookbehind_groups: Option<usize>,
    /// Conditionals' group numbers and positions, checked at the end
    /// (a conditional may name a later group).
    cond_refs: Vec<(usize, usize)>,
    /// A lookbehind of variable width was seen.
    variable_lookbehind: bool,
    depth: usize,
}

/// Parses `src` (a str pattern's code points or a bytes pattern's bytes).
pub fn parse(src: &[u32], is_bytes: bool, flags: u32) -> Result<Parsed, Error> {
    let mut flags = flags;
    if !is_bytes {
        if flags & FLAG_LOCALE != 0 {
            return Err(Error::Value(
                "cannot use LOCALE flag with a str pattern".into(),
            ));
        }
        if flags & crate::re::FLAG_ASCII != 0 && flags & FLAG_UNICODE != 0 {
            return Err(Error::Value(
                "ASCII and UNICODE flags are incompatible".into(),
            ));
        }
        if flags & crate::re::FLAG_ASCII == 0 {
            flags |= FLAG_UNICODE;
        }
    } else {
        if flags & FLAG_UNICODE != 0 {
            return Err(Error::Value(
                "cannot use UNICODE flag with a bytes pattern".into(),
            ));
        }
        if flags & FLAG_LOCALE != 0 && flags & crate::re::FLAG_ASCII != 0 {
            return Err(Error::Value(
                "ASCII and LOCALE flags are incompatible".into(),
            ));
        }
    }
    let mut p = Parser {
        src,
        pos: 0,
        is_bytes,
        flags,
        global: flags,
        groups: 0,
        names: HashMap::new(),
        name_order: Vec::new(),
        open: Vec::new(),
        lookbehind_groups: None,
        cond_refs: Vec::new(),
        variable_lookbehind: false,
        depth: 0,
    };
    let node = p.alternation(true)?;
    if p.pos < src.len() {
        // Only a `)` stops the top-level alternation early.
        return err("unbalanced parenthesis", p.pos);
    }
    if let Some(&(group, at)) = p.cond_refs.iter().find(|(g, _)| *g > p.groups) {
        return err(format!("invalid group reference {group}"), at);
    }
    if p.variable_lookbehind {
        return Err(Error::Re(
            "look-behind requires fixed-width pattern".into(),
            None,
        ));
    }
    let mut names = p.name_order;
    names.sort_by_key(|(_, g)| *g);
    Ok(Parsed {
        node,
        groups: p.groups,
        names,
        flags: p.global,
    })
}

fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

fn is_octal(c: u32) -> bool {
    (b'0' as u32..=b'7' as u32).contains(&c)
}

fn hex_value(c: u32) -> Option<u32> {
    char::from_u32(c)?.to_digit(16)
}

fn to_char(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

/// `repr(name)` as Python writes it.
fn py_repr(name: &str) -> String {
    krait_vm::builtins::str::repr_str(name)
}

/// Whether `name` is a valid group name: an identifier (str patterns may
/// use any Unicode identifier; bytes patterns ASCII ones).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.src.get(self.pos).copied()
    }

    fn peek_is(&self, c: char) -> bool {
        self.peek() == Some(c as u32)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek_is(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn icase(&self) -> bool {
        self.flags & FLAG_IGNORECASE != 0
    }

    fn ascii(&self) -> bool {
        self.is_bytes || self.flags & crate::re::FLAG_ASCII != 0
    }

    fn verbose(&self) -> bool {
        self.flags & FLAG_VERBOSE != 0
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.src[from..to.min(self.src.len())]
            .iter()
            .map(|&c| to_char(c))
            .collect()
    }

    /// In verbose mode, skips whitespace and `#` comments.
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c == '#' as u32 {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' as u32 {
                        break;
                    }
                }
            } else if matches!(to_char(c), ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// Branches separated by `|`, up to a `)` or the end.
    fn alternation(&mut self, top: bool) -> Result<Node, Error> {
        let mut branches = vec![self.sequence(top)?];
        while self.eat('|') {
            branches.push(self.sequence(top)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    /// A branch: items up to `|`, `)` or the end. Every nested group goes
    /// through here, so the nesting depth is bounded here.
    fn sequence(&mut self, top: bool) -> Result<Node, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::Recursion);
        }
        let result = self.sequence_items(top);
        self.depth -= 1;
        result
    }

    fn sequence_items(&mut self, top: bool) -> Result<Node, Error> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            let ch = to_char(c);
            if ch == '|' {
                break;
            }
            if ch == ')' {
                if top {
                    return err("unbalanced parenthesis", self.pos);
                }
                break;
            }
            let start = self.pos;
            if matches!(ch, '*' | '+' | '?') {
                return err("nothing to repeat", start);
            }
            if ch == '{' && self.repeat_bounds()?.is_some() {
                return err("nothing to repeat", start);
            }
            let item = self.atom()?;
            let Some(item) = item else { continue };
            let item = self.quantifiers(item)?;
            items.push(item);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        })
    }

    /// Reads `{m}`, `{m,}`, `{,n}`, `{m,n}` at the position; `None` (and
    /// the position unchanged) when the brace is not one (it is then a
    /// literal `{`).
    fn repeat_bounds(&mut self) -> Result<Option<(u32, u32)>, Error> {
        let start = self.pos;
        if !self.eat('{') {
            return Ok(None);
        }
        if self.peek_is('}') {
            // `{}` is literal text.
            self.pos = start;
            return Ok(None);
        }
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.peek().is_some_and(is_ascii_digit) {
                p.pos += 1;
            }
            p.text(from, p.pos)
        };
        let lo = digits(self);
        let hi = if self.eat(',') {
            digits(self)
        } else {
            lo.clone()
        };
        if !self.eat('}') {
            self.pos = start;
            return Ok(None);
        }
        let number = |s: &str, default: u32| -> Result<u32, Error> {
            if s.is_empty() {
                return Ok(default);
            }
            match s.parse::<u64>() {
                Ok(n) if n < u64::from(MAXREPEAT) => Ok(n as u32),
                _ => Err(Error::Overflow("the repetition number is too large".into())),
            }
        };
        let min = number(&lo, 0)?;
        let max = number(&hi, MAXREPEAT)?;
        if max < min {
            return err("min repeat greater than max repeat", start + 1);
        }
        Ok(Some((min, max)))
    }

    /// The quantifiers after an item.
    fn quantifiers(&mut self, item: Node) -> Result<Node, Error> {
        let mut item = item;
        let mut repeated = false;
        loop {
            self.skip_verbose();
            let start = self.pos;
            let (min, max) = match self.peek().map(to_char) {
                Some('*') => (0, MAXREPEAT),
                Some('+') => (1, MAXREPEAT),
                Some('?') => (0, 1),
                Some('{') => match self.repeat_bounds()? {
                    Some(bounds) => {
                        self.pos -= 1; // back on the `}`, consumed below
                        bounds
                    }
                    None => return Ok(item),
                },
                _ => return Ok(item),
            };
            self.pos += 1;
            if matches!(item, Node::Assert(_)) {
                return err("nothing to repeat", start);
            }
            if repeated {
                return err("multiple repeat", start);
            }
            let kind = if self.eat('?') {
                RepeatKind::Lazy
            } else if self.eat('+') {
                RepeatKind::Possessive
            } else {
                RepeatKind::Greedy
            };
            item = Node::Repeat {
                min,
                max,
                kind,
                node: Box::new(item),
            };
            repeated = true;
        }
    }

    /// One item; `None` for what matches nothing and takes no quantifier
    /// (a comment, global flags).
    fn atom(&mut self) -> Result<Option<Node>, Error> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.pos += 1;
        let node = match to_char(c) {
            '.' => Node::Any {
                all: self.flags & FLAG_DOTALL != 0,
            },
            '^' => Node::Assert(if self.flags & FLAG_MULTILINE != 0 {
                Assert::StartLine
            } else {
                Assert::Start
            }),
            '$' => Node::Assert(if self.flags & FLAG_MULTILINE != 0 {
                Assert::EndLine
            } else {
                Assert::End
            }),
            '[' => self.class(start)?,
            '(' => return self.group(start),
            '\\' => self.escape(start)?,
            _ => self.literal(c),
        };
        Ok(Some(node))
    }

    fn literal(&self, c: u32) -> Node {
        Node::Char {
            c,
            icase: self.icase(),
            ascii: self.ascii(),
        }
    }

    fn category(&self, cat: Category, negated: bool) -> Node {
        Node::Class(Box::new(ClassSet {
            negated: false,
            items: vec![ClassItem::Cat(cat, negated)],
            icase: false,
            ascii: self.ascii(),
        }))
    }

    /// An escape outside a set; `start` is the backslash's position.
    fn escape(&mut self, start: usize) -> Result<Node, Error> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        let ascii = self.ascii();
        Ok(match to_char(c) {
            'A' => Node::Assert(Assert::Start),
            'Z' => Node::Assert(Assert::EndAbs),
            'b' => Node::Assert(Assert::Boundary { ascii }),
            'B' => Node::Assert(Assert::NotBoundary { ascii }),
            'd' => self.category(Category::Digit, false),
            'D' => self.category(Category::Digit, true),
            's' => self.category(Category::Space, false),
            'S' => self.category(Category::Space, true),
            'w' => self.category(Category::Word, false),
            'W' => self.category(Category::Word, true),
            '1'..='9' => {
                // Three octal digits make an octal escape; otherwise one or
                // two digits are a group reference.
                if is_octal(c)
                    && self.peek().is_some_and(is_octal)
                    && self.src.get(self.pos + 1).copied().is_some_and(is_octal)
                {
                    self.pos += 2;
                    return self.octal_value(start, self.pos - 3);
                }
                let mut end = self.pos;
                if self.src.get(end).copied().is_some_and(is_ascii_digit) {
                    end += 1;
                }
                self.pos = end;
                let group: usize = self.text(start + 1, end).parse().unwrap_or(usize::MAX);
                self.check_group_ref(group, start + 1, self.pos)?;
                Node::Backref {
                    group,
                    icase: self.icase(),
                    ascii,
                }
            }
            _ => {
                let value = self.char_escape(c, start)?;
                self.literal(value)
            }
        })
    }

    fn octal_value(&mut self, start: usize, digits: usize) -> Result<Node, Error> {
        let value = self.src[digits..self.pos]
            .iter()
            .fold(0u32, |v, &d| v * 8 + (d - '0' as u32));
        if value > 0o377 {
            return err(
                format!(
                    "octal escape value {} outside of range 0-0o377",
                    self.text(start, self.pos)
                ),
                start,
            );
        }
        Ok(self.literal(value))
    }

    /// A group reference `\N` or `(?P=name)`: the group must exist and be
    /// closed.
    fn check_group_ref(&self, group: usize, pos: usize, after: usize) -> Result<(), Error> {
        if group == 0 || group > self.groups {
            return err(format!("invalid group reference {group}"), pos);
        }
        if self.open.contains(&group) {
            return err("cannot refer to an open group", pos - 1);
        }
        if let Some(first) = self.lookbehind_groups
            && group >= first
        {
            return err(
                "cannot refer to group defined in the same lookbehind subpattern",
                after,
            );
        }
        Ok(())
    }

    /// The escapes that stand for one character (both inside and outside
    /// sets): `\n`, `\x41`, `\u0041`, `\0`, `\.`... `c` (after the
    /// backslash) has been read.
    fn char_escape(&mut self, c: u32, start: usize) -> Result<u32, Error> {
        let ch = to_char(c);
        let hex = |p: &mut Self, n: usize| -> Result<u32, Error> {
            let mut value = 0u32;
            for _ in 0..n {
                match p.peek().and_then(hex_value) {
                    Some(d) => {
                        value = value * 16 + d;
                        p.pos += 1;
                    }
                    None => {
                        return err(format!("incomplete escape {}", p.text(start, p.pos)), start);
                    }
                }
            }
            Ok(value)
        };
        Ok(match ch {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => '\\' as u32,
            'x' => hex(self, 2)?,
            'u' | 'U' if !self.is_bytes => {
                let value = hex(self, if ch == 'u' { 4 } else { 8 })?;
                if char::from_u32(value).is_none() && value > 0x10ffff {
                    return err(format!("bad escape {}", self.text(start, self.pos)), start);
                }
                value
            }
            'N' if !self.is_bytes => {
                if !self.eat('{') {
                    return err("missing {", self.pos);
                }
                let from = self.pos;
                while self.peek().is_some_and(|c| c != '}' as u32) {
                    self.pos += 1;
                }
                let name = self.text(from, self.pos);
                if name.is_empty() {
                    return err("missing character name", from);
                }
                if !self.eat('}') {
                    return err("missing }, unterminated name", from);
                }
                match unicode_name(&name) {
                    Some(c) => c,
                    None => {
                        return err(
                            format!("undefined character name {}", py_repr(&name)),
                            start,
                        );
                    }
                }
            }
            '0' => {
                // Up to two more octal digits.
                let mut value = 0;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d) if is_octal(d) => {
                            value = value * 8 + (d - '0' as u32);
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                value
            }
            c if c.is_ascii_alphanumeric() => {
                return err(format!("bad escape \\{c}"), start);
            }
            _ => c,
        })
    }

    /// A `[...]` set; `start` is the `[`'s position.
    fn class(&mut self, start: usize) -> Result<Node, Error> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let first = self.pos;
        loop {
            let item_start = self.pos;
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            self.pos += 1;
            if c == ']' as u32 && item_start != first {
                break;
            }
            let lo = if c == '\\' as u32 {
                self.class_escape(item_start)?
            } else {
                ClassItem::Char(c)
            };
            // A range?
            if self.peek_is('-') && self.src.get(self.pos + 1) != Some(&(']' as u32)) {
                self.pos += 1;
                let hi_start = self.pos;
                let Some(h) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.pos += 1;
                let hi = if h == '\\' as u32 {
                    self.class_escape(hi_start)?
                } else {
                    ClassItem::Char(h)
                };
                match (lo, hi) {
                    (ClassItem::Char(a), ClassItem::Char(b)) if a <= b => {
                        items.push(ClassItem::Range(a, b));
                    }
                    _ => {
                        return err(
                            format!("bad character range {}", self.text(item_start, self.pos)),
                            item_start,
                        );
                    }
                }
            } else {
                items.push(lo);
            }
        }
        Ok(Node::Class(Box::new(ClassSet {
            negated,
            items,
            icase: self.icase(),
            ascii: self.ascii(),
        })))
    }

    /// An escape inside a set (`start`: the backslash).
    fn class_escape(&mut self, start: usize) -> Result<ClassItem, Error> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        Ok(match to_char(c) {
            'd' => ClassItem::Cat(Category::Digit, false),
            'D' => ClassItem::Cat(Category::Digit, true),
            's' => ClassItem::Cat(Category::Space, false),
            'S' => ClassItem::Cat(Category::Space, true),
            'w' => ClassItem::Cat(Category::Word, false),
            'W' => ClassItem::Cat(Category::Word, true),
            'b' => ClassItem::Char(8),
            '1'..='7' => {
                // Up to three octal digits.
                let mut value = c - '0' as u32;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d) if is_octal(d) => {
                            value = value * 8 + (d - '0' as u32);
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                if value > 0o377 {
                    return err(
                        format!(
                            "octal escape value {} outside of range 0-0o377",
                            self.text(start, self.pos)
                        ),
                        start,
                    );
                }
                ClassItem::Char(value)
            }
            '8' | '9' => return err(format!("bad escape \\{}", to_char(c)), start),
            _ => ClassItem::Char(self.char_escape(c, start)?),
        })
    }

    /// The token at the position (a character, or an escape's two),
    /// consumed.
    fn token(&mut self) -> Result<String, Error> {
        let from = self.pos;
        if self.peek_is('\\') {
            if self.pos + 1 >= self.src.len() {
                return err("bad escape (end of pattern)", self.pos);
            }
            self.pos += 1;
        }
        self.pos += 1;
        Ok(self.text(from, self.pos))
    }

    /// A group name up to `terminator`; `at` is where the name starts.
    fn group_name(&mut self, terminator: char) -> Result<String, Error> {
        let from = self.pos;
        loop {
            match self.peek() {
                None if self.pos == from => return err("missing group name", from),
                None => {
                    let msg = if terminator == '>' {
                        "missing >, unterminated name"
                    } else {
                        "missing ), unterminated name"
                    };
                    return err(msg, from);
                }
                Some(c) if c == terminator as u32 => break,
                // An escape is one token: it never ends the name.
                Some(c) if c == '\\' as u32 => {
                    if self.pos + 1 >= self.src.len() {
                        return err("bad escape (end of pattern)", self.pos);
                    }
                    self.pos += 2;
                }
                Some(_) => self.pos += 1,
            }
        }
        let name = self.text(from, self.pos);
        self.pos += 1;
        if name.is_empty() {
            return err("missing group name", from);
        }
        Ok(name)
    }

    fn check_name(&self, name: &str, at: usize) -> Result<(), Error> {
        if !is_identifier(name) || (self.is_bytes && !name.is_ascii()) {
            return err(format!("bad character in group name {}", py_repr(name)), at);
        }
        Ok(())
    }

    /// A group's contents up to its `)` (`start`: the `(`).
    fn group_body(&mut self, start: usize) -> Result<Node, Error> {
        let node = self.alternation(false)?;
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(node)
    }

    fn capture(&mut self, start: usize, name: Option<(String, usize)>) -> Result<Node, Error> {
        self.groups += 1;
        let group = self.groups;
        if let Some((name, at)) = name {
            if let Some(&old) = self.names.get(&name) {
                return err(
                    format!(
                        "redefinition of group name '{name}' as group {group}; was group {old}"
                    ),
                    at,
                );
            }
            self.names.insert(name.clone(), group);
            self.name_order.push((name, group));
        }
        self.open.push(group);
        let body = self.group_body(start)?;
        self.open.retain(|&g| g != group);
        Ok(Node::Group(group, Box::new(body)))
    }

    /// After `(`: a group of any kind; `None` for a comment or global flags.
    fn group(&mut self, start: usize) -> Result<Option<Node>, Error> {
        if !self.eat('?') {
            return self.capture(start, None).map(Some);
        }
        let Some(c) = self.peek() else {
            return err("unexpected end of pattern", self.pos);
        };
        self.pos += 1;
        let node = match to_char(c) {
            ':' => self.group_body(start)?,
            '>' => Node::Atomic(Box::new(self.group_body(start)?)),
            'P' => {
                let Some(k) = self.peek() else {
                    return err("unexpected end of pattern", self.pos);
                };
                self.pos += 1;
                match to_char(k) {
                    '<' => {
                        let at = self.pos;
                        let name = self.group_name('>')?;
                        self.check_name(&name, at)?;
                        return self.capture(start, Some((name, at))).map(Some);
                    }
                    '=' => {
                        let at = self.pos;
                        let name = self.group_name(')')?;
                        self.check_name(&name, at)?;
                        let Some(&group) = self.names.get(&name) else {
                            return err(format!("unknown group name {}", py_repr(&name)), at);
                        };
                        if self.open.contains(&group) {
                            return err("cannot refer to an open group", at);
                        }
                        if self.lookbehind_groups.is_some_and(|first| group >= first) {
                            return err(
                                "cannot refer to group defined in the same lookbehind subpattern",
                                self.pos,
                            );
                        }
                        Node::Backref {
                            group,
                            icase: self.icase(),
                            ascii: self.ascii(),
                        }
                    }
                    _ => {
                        self.pos -= 1;
                        let token = self.token()?;
                        return err(format!("unknown extension ?P{token}"), start + 1);
                    }
                }
            }
            '#' => {
                loop {
                    match self.peek() {
                        None => return err("missing ), unterminated comment", start),
                        Some(c) => {
                            self.pos += 1;
                            if c == ')' as u32 {
                                break;
                            }
                        }
                    }
                }
                return Ok(None);
            }
            '=' | '!' => {
                let body = self.group_body(start)?;
                Node::Look {
                    behind: false,
                    negated: c == '!' as u32,
                    node: Box::new(body),
                }
            }
            '<' => {
                let Some(k) = self.peek() else {
                    return err("unexpected end of pattern", self.pos);
                };
                self.pos += 1;
                if k != '=' as u32 && k != '!' as u32 {
                    self.pos -= 1;
                    let token = self.token()?;
                    return err(format!("unknown extension ?<{token}"), start + 1);
                }
                let outer = self.lookbehind_groups;
                if outer.is_none() {
                    self.lookbehind_groups = Some(self.groups + 1);
                }
                let body = self.group_body(start)?;
                self.lookbehind_groups = outer;
                // Checked when the pattern is compiled, after parsing.
                let (min, max) = width(&body);
                self.variable_lookbehind |= min != max;
                Node::Look {
                    behind: true,
                    negated: k == '!' as u32,
                    node: Box::new(body),
                }
            }
            '(' => self.conditional(start)?,
            c if "aiLmsux-".contains(c) => {
                self.pos -= 1;
                return self.flag_group(start);
            }
            _ => {
                self.pos -= 1;
                let token = self.token()?;
                return err(format!("unknown extension ?{token}"), start + 1);
            }
        };
        Ok(Some(node))
    }

    /// `(?(group)yes|no)` after `(?(`.
    fn conditional(&mut self, start: usize) -> Result<Node, Error> {
        let at = self.pos;
        let name = self.group_name(')')?;
        let group = if name.bytes().all(|b| b.is_ascii_digit()) {
            let group: usize = name.parse().unwrap_or(usize::MAX);
            if group == 0 {
                return err("bad group number", at);
            }
            if group >= 100 {
                return err(format!("invalid group reference {group}"), at);
            }
            group
        } else {
            self.check_name(&name, at)?;
            match self.names.get(&name) {
                Some(&g) => g,
                None => return err(format!("unknown group name {}", py_repr(&name)), at),
            }
        };
        let yes = self.sequence(false)?;
        let no = if self.eat('|') {
            let no = self.sequence(false)?;
            if self.peek_is('|') {
                return err("conditional backref with more than two branches", self.pos);
            }
            no
        } else {
            Node::Empty
        };
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        self.cond_refs.push((group, at));
        Ok(Node::Cond {
            group,
            yes: Box::new(yes),
            no: Box::new(no),
        })
    }

    fn flag_bit(&self, c: char) -> Option<u32> {
        Some(match c {
            'a' => crate::re::FLAG_ASCII,
            'i' => FLAG_IGNORECASE,
            'L' => FLAG_LOCALE,
            'm' => FLAG_MULTILINE,
            's' => FLAG_DOTALL,
            'u' => FLAG_UNICODE,
            'x' => FLAG_VERBOSE,
            _ => return None,
        })
    }

    /// `(?flags)` (global, only at the start) or `(?flags-flags:...)`.
    fn flag_group(&mut self, start: usize) -> Result<Option<Node>, Error> {
        let mut on = 0u32;
        let mut off = 0u32;
        let type_flags = crate::re::FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
        while let Some(c) = self.peek() {
            let Some(bit) = self.flag_bit(to_char(c)) else {
                break;
            };
            self.pos += 1;
            self.check_flag(bit, start)?;
            on |= bit;
            if on & type_flags != 0 && (on & type_flags).count_ones() > 1 {
                return err(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    self.pos,
                );
            }
        }
        match self.peek().map(to_char) {
            None => return err("missing -, : or )", self.pos),
            Some(')') => {
                self.pos += 1;
                if start != 0 && !self.only_flags_before(start) {
                    return err("global flags not at the start of the expression", start);
                }
                self.flags |= on;
                self.global |= on;
                if on & type_flags != 0 {
                    self.flags &= !(type_flags & !on);
                    self.global &= !(type_flags & !on);
                }
                return Ok(None);
            }
            Some('-') => {
                self.pos += 1;
                let Some(c) = self.peek() else {
                    return err("missing flag", self.pos);
                };
                if self.flag_bit(to_char(c)).is_none() {
                    let msg = if c.is_alpha_u32() {
                        "unknown flag"
                    } else {
                        "missing flag"
                    };
                    return err(msg, self.pos);
                }
                while let Some(c) = self.peek() {
                    let Some(bit) = self.flag_bit(to_char(c)) else {
                        break;
                    };
                    self.pos += 1;
                    if bit & type_flags != 0 {
                        return err(
                            "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                            self.pos,
                        );
                    }
                    off |= bit;
                }
                if on & off != 0 {
                    return err("bad inline flags: flag turned on and off", self.pos);
                }
                match self.peek().map(to_char) {
                    Some(':') => self.pos += 1,
                    None => return err("missing :", self.pos),
                    Some(c) if c.is_alphabetic() => return err("unknown flag", self.pos),
                    Some(_) => return err("missing :", self.pos),
                }
            }
            Some(':') => self.pos += 1,
            Some(c) if c.is_alphabetic() => return err("unknown flag", self.pos),
            Some(_) => return err("missing -, : or )", self.pos),
        }
        // A scoped group.
        let saved = self.flags;
        self.flags = (self.flags | on) & !off;
        if on & type_flags != 0 {
            self.flags &= !(type_flags & !on);
        }
        let body = self.group_body(start)?;
        self.flags = saved;
        Ok(Some(body))
    }

    /// CPython accepts global flags after other global flag groups only.
    fn only_flags_before(&self, start: usize) -> bool {
        let mut i = 0;
        while i < start {
            if self.src.get(i) != Some(&('(' as u32)) || self.src.get(i + 1) != Some(&('?' as u32))
            {
                return false;
            }
            i += 2;
            while i < start && self.flag_bit(to_char(self.src[i])).is_some() {
                i += 1;
            }
            if self.src.get(i) != Some(&(')' as u32)) {
                return false;
            }
            i += 1;
        }
        true
    }

    fn check_flag(&self, bit: u32, _start: usize) -> Result<(), Error> {
        if !self.is_bytes && bit == FLAG_LOCALE {
            return err(
                "bad inline flags: cannot use 'L' flag with a str pattern",
                self.pos,
            );
        }
        if self.is_bytes && bit == FLAG_UNICODE {
            return err(
                "bad inline flags: cannot use 'u' flag with a bytes pattern",
                self.pos,
            );
        }
        Ok(())
    }
}

trait AsciiAlpha {
    fn is_alpha_u32(&self) -> bool;
}

impl AsciiAlpha for u32 {
    fn is_alpha_u32(&self) -> bool {
        char::from_u32(*self).is_some_and(char::is_alphabetic)
    }
}

/// The (min, max) number of characters `node` can match (`MAXREPEAT`
/// for unbounded), for lookbehind's fixed-width check.
pub fn width(node: &Node) -> (u64, u64) {
    const INF: u64 = MAXREPEAT as u64;
    match node {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => (0, 0),
        Node::Char { .. } | Node::Any { .. } | Node::Class(_) => (1, 1),
        Node::Cat(items) => items.iter().fold((0, 0), |(a, b), n| {
            let (x, y) = width(n);
            ((a + x).min(INF), (b + y).min(INF))
        }),
        Node::Alt(items) => {
            let mut lo = INF;
            let mut hi = 0;
            for n in items {
                let (x, y) = width(n);
                lo = lo.min(x);
                hi = hi.max(y);
            }
            (lo, hi)
        }
        Node::Group(_, n) | Node::Atomic(n) => width(n),
        Node::Repeat { min, max, node, .. } => {
            let (x, y) = width(node);
            let hi = if *max == MAXREPEAT {
                if y == 0 { 0 } else { INF }
            } else {
                (y * u64::from(*max)).min(INF)
            };
            ((x * u64::from(*min)).min(INF), hi)
        }
        Node::Backref { .. } => (0, INF),
        Node::Cond { yes, no, .. } => {
            let (a, b) = width(yes);
            let (c, d) = width(no);
            (a.min(c), b.max(d))
        }
    }
}

/// The character `\N{name}` names (a Unicode name or alias, in any case).
fn unicode_name(name: &str) -> Option<u32> {
    unicode_names2::character(name).map(|c| c as u32)
}
