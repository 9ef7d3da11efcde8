//! Parser producing template trees with Go's text/template/parse structure, checks and messages.

use std::fmt::{self, Write as _};
use std::sync::Arc;

use crate::lex::{Item, T, lex};
use crate::{Error, ErrorKind, Value};

/// Deepest nesting of parentheses and control structures the parser accepts (Go: "max expression
/// depth exceeded" at 10000; a native stack needs a smaller bound).
pub(crate) const MAX_PARSE_DEPTH: usize = 200;

/// One parsed template body with what error messages need (parse name and source text).
#[derive(Debug)]
pub(crate) struct Tree {
    pub name: String,
    pub parse_name: Arc<str>,
    pub text: Arc<str>,
    pub root: Vec<Node>,
}

impl Tree {
    /// Go's `IsEmptyTree`: only whitespace text (comments are already dropped).
    pub(crate) fn is_empty(&self) -> bool {
        self.root.iter().all(|n| matches!(n, Node::Text(t) if t.trim_matches([' ', '\t', '\r', '\n']).is_empty()))
    }

    /// `parse_name:line:col` of a byte position (column is the byte offset in the line, as Go).
    pub(crate) fn location(&self, pos: usize) -> String {
        let text = self.text.get(..pos).unwrap_or(&self.text);
        let col = match text.rfind('\n') {
            Some(nl) => pos - (nl + 1),
            None => pos,
        };
        let line = 1 + text.matches('\n').count();
        format!("{}:{}:{}", self.parse_name, line, col)
    }
}

#[derive(Debug)]
pub(crate) enum Node {
    Text(String),
    Action { pos: usize, pipe: Pipe },
    If(Branch),
    With(Branch),
    Range(Branch),
    Template { pos: usize, name: String, pipe: Option<Pipe> },
    Break(usize),
    Continue(usize),
}

#[derive(Debug)]
pub(crate) struct Branch {
    pub pos: usize,
    pub pipe: Pipe,
    pub list: Vec<Node>,
    pub else_list: Option<Vec<Node>>,
}

#[derive(Debug)]
pub(crate) struct Pipe {
    pub pos: usize,
    pub is_assign: bool,
    pub decl: Vec<String>,
    pub cmds: Vec<Cmd>,
}

#[derive(Debug)]
pub(crate) struct Cmd {
    pub args: Vec<Arg>,
}

#[derive(Debug)]
pub(crate) enum Arg {
    Field { pos: usize, idents: Vec<String> },
    Variable { pos: usize, name: String, idents: Vec<String> },
    Dot(usize),
    Nil(usize),
    Bool(usize, bool),
    Number(usize, Number),
    Str { pos: usize, quoted: String, value: Arc<str> },
    Ident(usize, String),
    Pipe(Box<Pipe>),
    Chain { pos: usize, node: Box<Arg>, fields: Vec<String> },
}

/// A numeric constant: its text and the value an `interface{}` parameter receives.
#[derive(Debug)]
pub(crate) struct Number {
    pub text: String,
    /// `Ok(value)` or the "overflows int" error text.
    pub ideal: Result<Value, String>,
}

impl Arg {
    pub(crate) fn pos(&self) -> usize {
        match self {
            Arg::Field { pos, .. }
            | Arg::Variable { pos, .. }
            | Arg::Dot(pos)
            | Arg::Nil(pos)
            | Arg::Bool(pos, _)
            | Arg::Number(pos, _)
            | Arg::Str { pos, .. }
            | Arg::Ident(pos, _)
            | Arg::Chain { pos, .. } => *pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

fn write_fields(f: &mut fmt::Formatter<'_>, idents: &[String]) -> fmt::Result {
    for i in idents {
        write!(f, ".{i}")?;
    }
    Ok(())
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Field { idents, .. } => write_fields(f, idents),
            Arg::Variable { name, idents, .. } => {
                f.write_str(name)?;
                write_fields(f, idents)
            }
            Arg::Dot(_) => f.write_str("."),
            Arg::Nil(_) => f.write_str("nil"),
            Arg::Bool(_, b) => write!(f, "{b}"),
            Arg::Number(_, n) => f.write_str(&n.text),
            Arg::Str { quoted, .. } => f.write_str(quoted),
            Arg::Ident(_, n) => f.write_str(n),
            Arg::Pipe(p) => write!(f, "({p})"),
            Arg::Chain { node, fields, .. } => {
                write!(f, "{node}")?;
                write_fields(f, fields)
            }
        }
    }
}

impl fmt::Display for Cmd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write!(f, "{a}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            f.write_str(&self.decl.join(", "))?;
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, l: &[Node]) -> fmt::Result {
    for n in l {
        write!(f, "{n}")?;
    }
    Ok(())
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let branch = |f: &mut fmt::Formatter<'_>, kw: &str, b: &Branch| -> fmt::Result {
            write!(f, "{{{{{kw} {}}}}}", b.pipe)?;
            write_list(f, &b.list)?;
            if let Some(e) = &b.else_list {
                f.write_str("{{else}}")?;
                write_list(f, e)?;
            }
            f.write_str("{{end}}")
        };
        match self {
            Node::Text(t) => f.write_str(t),
            Node::Action { pipe, .. } => write!(f, "{{{{{pipe}}}}}"),
            Node::If(b) => branch(f, "if", b),
            Node::With(b) => branch(f, "with", b),
            Node::Range(b) => branch(f, "range", b),
            Node::Template { name, pipe, .. } => match pipe {
                Some(p) => write!(f, "{{{{template {} {p}}}}}", crate::gofmt::quote(name)),
                None => write!(f, "{{{{template {}}}}}", crate::gofmt::quote(name)),
            },
            Node::Break(_) => f.write_str("{{break}}"),
            Node::Continue(_) => f.write_str("{{continue}}"),
        }
    }
}

/// What `itemList` stopped at.
enum Stop {
    End,
    Else,
}

struct Parser<'a> {
    items: Vec<Item<'a>>,
    i: usize,
    parse_name: Arc<str>,
    text: Arc<str>,
    has_func: &'a dyn Fn(&str) -> bool,
    vars: Vec<String>,
    range_depth: usize,
    depth: usize,
    out: Vec<(String, Tree)>,
}

type PResult<T> = Result<T, Error>;

/// Parses `text` as template `name`; returns the top-level tree (if non-empty or first) and every
/// `define`/`block` tree, in definition order.
pub(crate) fn parse(name: &str, text: &str, has_func: &dyn Fn(&str) -> bool) -> Result<Vec<(String, Tree)>, Error> {
    let text: Arc<str> = Arc::from(text);
    let source = text.clone();
    let mut p = Parser {
        items: lex(&source),
        i: 0,
        parse_name: Arc::from(name),
        text: text.clone(),
        has_func,
        vars: vec!["$".into()],
        range_depth: 0,
        depth: 0,
        out: Vec::new(),
    };
    let root = p.parse_top()?;
    let tree = Tree { name: name.to_string(), parse_name: p.parse_name.clone(), text, root };
    p.add(tree)?;
    Ok(p.out)
}

impl<'a> Parser<'a> {
    fn item(&self, i: usize) -> &Item<'a> {
        // The lexer always ends with Eof or Error; clamp to it.
        let last = self.items.len().saturating_sub(1);
        &self.items[i.min(last)]
    }
    fn next(&mut self) -> Item<'a> {
        let it = self.item(self.i).clone();
        if self.i < self.items.len() {
            self.i += 1;
        }
        it
    }
    fn backup(&mut self) {
        self.i = self.i.saturating_sub(1);
    }
    fn peek(&self) -> &Item<'a> {
        self.item(self.i)
    }
    fn next_non_space(&mut self) -> Item<'a> {
        loop {
            let it = self.next();
            if it.typ != T::Space {
                return it;
            }
        }
    }
    fn peek_non_space(&mut self) -> Item<'a> {
        let it = self.next_non_space();
        self.backup();
        it
    }
    fn cur_line(&self) -> usize {
        self.item(self.i.saturating_sub(1)).line
    }

    fn errorf(&self, msg: impl Into<String>) -> Error {
        let msg = msg.into();
        let loc = format!("{}:{}", self.parse_name, self.cur_line());
        Error::new(ErrorKind::Parse, format!("template: {loc}: {msg}"), Some(loc), msg)
    }

    fn unexpected(&self, it: &Item<'_>, context: &str) -> Error {
        if it.typ == T::Error {
            return self.errorf(it.val.to_string());
        }
        self.errorf(format!("unexpected {it} in {context}"))
    }

    fn expect(&mut self, typ: T, context: &str) -> PResult<Item<'a>> {
        let it = self.next_non_space();
        if it.typ != typ {
            return Err(self.unexpected(&it, context));
        }
        Ok(it)
    }

    /// Go's `(*Tree).add` within one parse: a second non-empty definition is an error; an empty
    /// one never replaces a non-empty one.
    fn add(&mut self, tree: Tree) -> PResult<()> {
        if let Some(idx) = self.out.iter().position(|(n, _)| *n == tree.name) {
            let existing_empty = self.out[idx].1.is_empty();
            if existing_empty {
                self.out[idx] = (tree.name.clone(), tree);
            } else if !tree.is_empty() {
                return Err(self
                    .errorf(format!("template: multiple definition of template {}", crate::gofmt::quote(&tree.name))));
            }
            return Ok(());
        }
        self.out.push((tree.name.clone(), tree));
        Ok(())
    }

    fn parse_top(&mut self) -> PResult<Vec<Node>> {
        let mut root = Vec::new();
        while self.peek().typ != T::Eof {
            if self.peek().typ == T::LeftDelim {
                let save = self.i;
                self.next();
                if self.next_non_space().typ == T::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.i = save;
            }
            match self.text_or_action()? {
                Parsed::Node(n) => root.push(n),
                Parsed::End => return Err(self.errorf("unexpected {{end}}")),
                Parsed::Else => return Err(self.errorf("unexpected {{else}}")),
            }
        }
        Ok(root)
    }

    fn parse_definition(&mut self) -> PResult<()> {
        let context = "define clause";
        let it = self.next_non_space();
        if it.typ != T::String && it.typ != T::RawString {
            return Err(self.unexpected(&it, context));
        }
        let name = self.unquote(&it.val)?;
        self.expect(T::RightDelim, context)?;
        let saved_vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let saved_range = std::mem::replace(&mut self.range_depth, 0);
        let (list, stop) = self.item_list()?;
        self.vars = saved_vars;
        self.range_depth = saved_range;
        if let Stop::Else = stop {
            return Err(self.errorf(format!("unexpected {{{{else}}}} in {context}")));
        }
        let tree = Tree { name, parse_name: self.parse_name.clone(), text: self.text.clone(), root: list };
        self.add(tree)
    }

    fn item_list(&mut self) -> PResult<(Vec<Node>, Stop)> {
        let mut list = Vec::new();
        while self.peek_non_space().typ != T::Eof {
            match self.text_or_action()? {
                Parsed::Node(n) => list.push(n),
                Parsed::End => return Ok((list, Stop::End)),
                Parsed::Else => return Ok((list, Stop::Else)),
            }
        }
        Err(self.errorf("unexpected EOF"))
    }

    fn text_or_action(&mut self) -> PResult<Parsed> {
        let it = self.next_non_space();
        match it.typ {
            T::Text => Ok(Parsed::Node(Node::Text(it.val.into_owned()))),
            T::LeftDelim => self.action(),
            _ => Err(self.unexpected(&it, "input")),
        }
    }

    fn action(&mut self) -> PResult<Parsed> {
        let it = self.next_non_space();
        match it.typ {
            T::Block => return self.block_control().map(Parsed::Node),
            T::Break | T::Continue => {
                let word = if it.typ == T::Break { "break" } else { "continue" };
                let t = self.next_non_space();
                if t.typ != T::RightDelim {
                    return Err(self.unexpected(&t, &format!("{{{{{word}}}}}")));
                }
                if self.range_depth == 0 {
                    return Err(self.errorf(format!("{{{{{word}}}}} outside {{{{range}}}}")));
                }
                return Ok(Parsed::Node(if it.typ == T::Break { Node::Break(it.pos) } else { Node::Continue(it.pos) }));
            }
            T::Else => {
                let p = self.peek_non_space();
                if p.typ == T::If || p.typ == T::With {
                    return Ok(Parsed::Else);
                }
                self.expect(T::RightDelim, "else")?;
                return Ok(Parsed::Else);
            }
            T::End => {
                self.expect(T::RightDelim, "end")?;
                return Ok(Parsed::End);
            }
            T::If => return self.control("if").map(|b| Parsed::Node(Node::If(b))),
            T::Range => return self.control("range").map(|b| Parsed::Node(Node::Range(b))),
            T::With => return self.control("with").map(|b| Parsed::Node(Node::With(b))),
            T::Template => return self.template_control().map(Parsed::Node),
            _ => {}
        }
        self.backup();
        let pos = self.peek().pos;
        let pipe = self.pipeline("command", T::RightDelim)?;
        Ok(Parsed::Node(Node::Action { pos, pipe }))
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_PARSE_DEPTH {
            return Err(self.errorf("max expression depth exceeded"));
        }
        Ok(())
    }

    fn control(&mut self, context: &str) -> PResult<Branch> {
        self.enter()?;
        let nvars = self.vars.len();
        let r = self.control_inner(context);
        self.vars.truncate(nvars);
        self.depth -= 1;
        r
    }

    fn control_inner(&mut self, context: &str) -> PResult<Branch> {
        let pipe = self.pipeline(context, T::RightDelim)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let r = self.item_list();
        if context == "range" {
            self.range_depth -= 1;
        }
        let (list, stop) = r?;
        let mut else_list = None;
        if let Stop::Else = stop {
            let p = self.peek().typ;
            if context == "if" && p == T::If {
                self.next();
                else_list = Some(vec![Node::If(self.control("if")?)]);
            } else if context == "with" && p == T::With {
                self.next();
                else_list = Some(vec![Node::With(self.control("with")?)]);
            } else {
                let (l, stop) = self.item_list()?;
                if let Stop::Else = stop {
                    return Err(self.errorf("expected end; found {{else}}"));
                }
                else_list = Some(l);
            }
        }
        Ok(Branch { pos: pipe.pos, pipe, list, else_list })
    }

    fn template_name(&mut self, it: &Item<'_>, context: &str) -> PResult<String> {
        match it.typ {
            T::String | T::RawString => self.unquote(&it.val),
            _ => Err(self.unexpected(it, context)),
        }
    }

    fn template_control(&mut self) -> PResult<Node> {
        let context = "template clause";
        let it = self.next_non_space();
        let name = self.template_name(&it, context)?;
        let pipe = if self.next_non_space().typ != T::RightDelim {
            self.backup();
            Some(self.pipeline(context, T::RightDelim)?)
        } else {
            None
        };
        Ok(Node::Template { pos: it.pos, name, pipe })
    }

    fn block_control(&mut self) -> PResult<Node> {
        let context = "block clause";
        let it = self.next_non_space();
        let name = self.template_name(&it, context)?;
        let pipe = self.pipeline(context, T::RightDelim)?;
        self.enter()?;
        let saved_vars = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let saved_range = std::mem::replace(&mut self.range_depth, 0);
        let r = self.item_list();
        self.vars = saved_vars;
        self.range_depth = saved_range;
        self.depth -= 1;
        let (list, stop) = r?;
        if let Stop::Else = stop {
            return Err(self.errorf(format!("unexpected {{{{else}}}} in {context}")));
        }
        let tree =
            Tree { name: name.clone(), parse_name: self.parse_name.clone(), text: self.text.clone(), root: list };
        self.add(tree)?;
        Ok(Node::Template { pos: it.pos, name, pipe: Some(pipe) })
    }

    fn pipeline(&mut self, context: &str, end: T) -> PResult<Pipe> {
        let pos = self.peek_non_space().pos;
        let mut pipe = Pipe { pos, is_assign: false, decl: Vec::new(), cmds: Vec::new() };
        'decls: loop {
            let v = self.peek_non_space();
            if v.typ != T::Variable {
                break;
            }
            let save = self.i;
            self.next_non_space();
            let next = self.peek_non_space();
            match next.typ {
                T::Assign | T::Declare => {
                    pipe.is_assign = next.typ == T::Assign;
                    self.next_non_space();
                    pipe.decl.push(v.val.to_string());
                    self.vars.push(v.val.to_string());
                    break 'decls;
                }
                T::Char if next.val == "," => {
                    self.next_non_space();
                    pipe.decl.push(v.val.to_string());
                    self.vars.push(v.val.to_string());
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().typ {
                            T::Variable | T::RightDelim | T::RightParen => continue 'decls,
                            _ => return Err(self.errorf("range can only initialize variables")),
                        }
                    }
                    return Err(self.errorf(format!("too many declarations in {context}")));
                }
                _ => {
                    self.i = save;
                    break 'decls;
                }
            }
        }
        loop {
            let it = self.next_non_space();
            if it.typ == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match it.typ {
                T::Bool
                | T::CharConstant
                | T::Dot
                | T::Field
                | T::Identifier
                | T::Number
                | T::Nil
                | T::RawString
                | T::String
                | T::Variable
                | T::LeftParen => {
                    self.backup();
                    let c = self.command()?;
                    pipe.cmds.push(c);
                }
                _ => return Err(self.unexpected(&it, context)),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return Err(self.errorf(format!("missing value for {context}")));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                c.args.first(),
                Some(Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number(..) | Arg::Str { .. })
            ) {
                return Err(self.errorf(format!("non executable command in pipeline stage {}", i + 1)));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> PResult<Cmd> {
        let mut cmd = Cmd { args: Vec::new() };
        loop {
            self.peek_non_space();
            if let Some(op) = self.operand()? {
                cmd.args.push(op);
            }
            let it = self.next();
            match it.typ {
                T::Space => continue,
                T::RightDelim | T::RightParen => self.backup(),
                T::Pipe => {}
                _ => return Err(self.unexpected(&it, "operand")),
            }
            break;
        }
        if cmd.args.is_empty() {
            return Err(self.errorf("empty command"));
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else { return Ok(None) };
        if self.peek().typ != T::Field {
            return Ok(Some(node));
        }
        let chain_pos = self.peek().pos;
        let mut fields = Vec::new();
        while self.peek().typ == T::Field {
            let f = self.next();
            fields.push(f.val.trim_start_matches('.').to_string());
        }
        Ok(Some(match node {
            Arg::Field { mut idents, .. } => {
                idents.extend(fields);
                Arg::Field { pos: chain_pos, idents }
            }
            Arg::Variable { name, mut idents, .. } => {
                idents.extend(fields);
                Arg::Variable { pos: chain_pos, name, idents }
            }
            Arg::Bool(..) | Arg::Str { .. } | Arg::Number(..) | Arg::Nil(_) | Arg::Dot(_) => {
                return Err(self.errorf(format!("unexpected . after term {}", crate::gofmt::quote(&node.to_string()))));
            }
            other => Arg::Chain { pos: chain_pos, node: Box::new(other), fields },
        }))
    }

    fn term(&mut self) -> PResult<Option<Arg>> {
        let it = self.next_non_space();
        Ok(Some(match it.typ {
            T::Identifier => {
                if !(self.has_func)(&it.val) {
                    return Err(self.errorf(format!("function {} not defined", crate::gofmt::quote(&it.val))));
                }
                Arg::Ident(it.pos, it.val.into_owned())
            }
            T::Dot => Arg::Dot(it.pos),
            T::Nil => Arg::Nil(it.pos),
            T::Variable => {
                if !self.vars.iter().any(|v| *v == it.val) {
                    return Err(self.errorf(format!("undefined variable {}", crate::gofmt::quote(&it.val))));
                }
                Arg::Variable { pos: it.pos, name: it.val.into_owned(), idents: Vec::new() }
            }
            T::Field => Arg::Field { pos: it.pos, idents: vec![it.val.trim_start_matches('.').to_string()] },
            T::Bool => Arg::Bool(it.pos, it.val == "true"),
            T::CharConstant | T::Number => {
                let n = self.number(&it)?;
                Arg::Number(it.pos, n)
            }
            T::LeftParen => {
                self.enter()?;
                let p = self.pipeline("parenthesized pipeline", T::RightParen);
                self.depth -= 1;
                Arg::Pipe(Box::new(p?))
            }
            T::String | T::RawString => {
                let value = self.unquote(&it.val)?;
                Arg::Str { pos: it.pos, quoted: it.val.into_owned(), value: Arc::from(value) }
            }
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }

    fn unquote(&self, s: &str) -> PResult<String> {
        crate::gofmt::unquote(s).ok_or_else(|| self.errorf("invalid syntax"))
    }

    fn number(&self, it: &Item<'_>) -> PResult<Number> {
        let text = it.val.to_string();
        if it.typ == T::CharConstant {
            let inner = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
            let c = crate::gofmt::unquote_char(inner, '\'')
                .ok_or_else(|| self.errorf(format!("malformed character constant: {text}")))?;
            return Ok(Number { ideal: Ok(Value::Int(i64::from(c as u32))), text });
        }
        if text.ends_with('i') {
            return Err(self.errorf(format!("illegal number syntax: {}", crate::gofmt::quote(&text))));
        }
        let (int, uint) = parse_go_int(&text);
        let looks_float = !is_hex_int(&text) && text.contains(['.', 'e', 'E', 'p', 'P']);
        let float = if int.is_none() && uint.is_none() {
            let f = parse_go_float(&text);
            if f.is_some() && !text.contains(['.', 'e', 'E', 'p', 'P']) {
                return Err(self.errorf(format!("integer overflow: {}", crate::gofmt::quote(&text))));
            }
            f
        } else {
            None
        };
        let ideal = if let (true, Some(f)) = (looks_float, float) {
            Ok(Value::Float(f))
        } else if let Some(i) = int {
            Ok(Value::Int(i))
        } else if uint.is_some() {
            Err(format!("{text} overflows int"))
        } else if let Some(f) = float {
            // float syntax that Go also sees as an integer (e.g. 0x1p4) stays int when integral
            if f.fract() == 0.0 && f.abs() < 9.2e18 { Ok(Value::Int(f as i64)) } else { Ok(Value::Float(f)) }
        } else {
            return Err(self.errorf(format!("illegal number syntax: {}", crate::gofmt::quote(&text))));
        };
        Ok(Number { text, ideal })
    }
}

enum Parsed {
    Node(Node),
    End,
    Else,
}

fn is_hex_int(s: &str) -> bool {
    let s = s.trim_start_matches(['+', '-']);
    (s.starts_with("0x") || s.starts_with("0X")) && !s.contains(['p', 'P'])
}

/// Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint(s, 0, 64)` (underscores allowed as in Go).
fn parse_go_int(text: &str) -> (Option<i64>, Option<u64>) {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits, prefixed) = if let Some(r) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        (16, r, true)
    } else if let Some(r) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
        (8, r, true)
    } else if let Some(r) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
        (2, r, true)
    } else if body.len() > 1 && body.starts_with('0') {
        (8, &body[1..], true)
    } else {
        (10, body, false)
    };
    if !underscores_ok(digits, prefixed) {
        return (None, None);
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if clean.is_empty() || clean.starts_with(['+', '-']) {
        return (None, None);
    }
    let Ok(u) = u64::from_str_radix(&clean, radix) else { return (None, None) };
    if neg {
        let i = if u == 1u64 << 63 { Some(i64::MIN) } else { i64::try_from(u).ok().map(|v| -v) };
        (i, if u == 0 { Some(0) } else { None })
    } else {
        (i64::try_from(u).ok(), Some(u))
    }
}

fn underscores_ok(digits: &str, prefixed: bool) -> bool {
    if !digits.contains('_') {
        return true;
    }
    // Go: '_' must separate digits (or follow the base prefix).
    let b = digits.as_bytes();
    if b.last() == Some(&b'_') {
        return false;
    }
    let mut prev_us = !prefixed;
    for &c in b {
        if c == b'_' {
            if prev_us {
                return false;
            }
            prev_us = true;
        } else {
            prev_us = false;
        }
    }
    true
}

/// Go's `strconv.ParseFloat(s, 64)` (used by cast-style conversions).
pub(crate) fn parse_go_float_pub(text: &str) -> Option<f64> {
    match text {
        "NaN" | "nan" => Some(f64::NAN),
        "Inf" | "+Inf" | "inf" | "+inf" | "Infinity" | "+Infinity" => Some(f64::INFINITY),
        "-Inf" | "-inf" | "-Infinity" => Some(f64::NEG_INFINITY),
        _ => parse_go_float(text),
    }
}

/// Go's `strconv.ParseFloat(s, 64)` for template number syntax (decimal and hex floats).
fn parse_go_float(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, clean.as_str()),
    };
    let v = if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        parse_hex_float(h)?
    } else {
        if body.is_empty() || !body.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        {
            return None;
        }
        body.parse::<f64>().ok()?
    };
    Some(if neg { -v } else { v })
}

fn parse_hex_float(h: &str) -> Option<f64> {
    let (mant, exp) = match h.find(['p', 'P']) {
        Some(i) => (&h[..i], h[i + 1..].parse::<i32>().ok()?),
        None => return None,
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in ip.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in fp.chars() {
        v += f64::from(c.to_digit(16)?) * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}
