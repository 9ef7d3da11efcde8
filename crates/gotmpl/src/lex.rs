//! Lexer for Go template text: splits text and `{{ }}` actions into items the way Go's
//! text/template/parse lexer does (trim markers, comments, space items inside actions).

use std::borrow::Cow;

const LEFT: &str = "{{";
const RIGHT: &str = "}}";

/// Item kinds (Go's itemType).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum T {
    Error,
    Bool,
    Char,
    CharConstant,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    Dot,
    // keywords
    Block,
    Break,
    Continue,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

impl T {
    fn is_keyword(self) -> bool {
        matches!(
            self,
            T::Block
                | T::Break
                | T::Continue
                | T::Define
                | T::Else
                | T::End
                | T::If
                | T::Nil
                | T::Range
                | T::Template
                | T::With
                | T::Dot
        )
    }
}

/// One lexed item (its text borrowed from the input, except error messages).
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    pub typ: T,
    pub pos: usize,
    pub val: Cow<'a, str>,
    pub line: usize,
}

impl std::fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.typ {
            T::Eof => f.write_str("EOF"),
            T::Error => f.write_str(&self.val),
            t if t.is_keyword() => write!(f, "<{}>", self.val),
            _ => {
                if self.val.chars().count() > 10 {
                    let short: String = self.val.chars().take(10).collect();
                    write!(f, "{}...", crate::gofmt::quote(&short))
                } else {
                    f.write_str(&crate::gofmt::quote(&self.val))
                }
            }
        }
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

pub(crate) fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

fn keyword(word: &str) -> Option<T> {
    Some(match word {
        "block" => T::Block,
        "break" => T::Break,
        "continue" => T::Continue,
        "define" => T::Define,
        "else" => T::Else,
        "end" => T::End,
        "if" => T::If,
        "nil" => T::Nil,
        "range" => T::Range,
        "template" => T::Template,
        "with" => T::With,
        _ => return None,
    })
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    start: usize,
    line: usize,
    start_line: usize,
    items: Vec<Item<'a>>,
    paren_depth: i32,
}

fn has_left_trim(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(b[1] as char)
}

fn has_right_trim(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(b[0] as char) && b[1] == b'-'
}

/// Lexes the whole input. The item list always ends with an Eof or an Error item.
pub(crate) fn lex(input: &str) -> Vec<Item<'_>> {
    let mut l = Lexer { input, pos: 0, start: 0, line: 1, start_line: 1, items: Vec::new(), paren_depth: 0 };
    l.run();
    l.items
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        self.input.get(self.pos..).unwrap_or("")
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }
    fn backup(&mut self, c: char) {
        self.pos -= c.len_utf8();
        if c == '\n' {
            self.line -= 1;
        }
    }
    fn emit(&mut self, typ: T) {
        let val = Cow::Borrowed(self.input.get(self.start..self.pos).unwrap_or(""));
        self.items.push(Item { typ, pos: self.start, val, line: self.start_line });
        self.start = self.pos;
        self.start_line = self.line;
    }
    fn ignore(&mut self) {
        let skipped = self.input.get(self.start..self.pos).unwrap_or("");
        self.line += skipped.matches('\n').count();
        self.start = self.pos;
        self.start_line = self.line;
    }
    fn error(&mut self, msg: String) {
        self.items.push(Item { typ: T::Error, pos: self.start, val: Cow::Owned(msg), line: self.start_line });
    }
    fn accept(&mut self, valid: &str) -> bool {
        match self.peek() {
            Some(c) if valid.contains(c) => {
                self.next();
                true
            }
            _ => false,
        }
    }
    fn accept_run(&mut self, valid: &str) {
        while self.accept(valid) {}
    }

    fn run(&mut self) {
        loop {
            // text state
            let rest = self.rest();
            match rest.find(LEFT) {
                None => {
                    self.pos = self.input.len();
                    if self.pos > self.start {
                        self.emit_text(self.pos);
                    }
                    self.items.push(Item { typ: T::Eof, pos: self.pos, val: Cow::Borrowed(""), line: self.line });
                    return;
                }
                Some(off) => {
                    let delim = self.pos + off;
                    let after = &self.input[delim + LEFT.len()..];
                    let trim = has_left_trim(after);
                    let mut text_end = delim;
                    if trim {
                        text_end = self.start + self.input[self.start..delim].trim_end_matches(is_space).len();
                    }
                    self.pos = delim;
                    if text_end > self.start {
                        self.emit_text(text_end);
                    }
                    self.pos = delim;
                    self.ignore();
                    if !self.lex_left_delim(trim) {
                        return;
                    }
                }
            }
        }
    }

    fn emit_text(&mut self, end: usize) {
        let val = Cow::Borrowed(&self.input[self.start..end]);
        self.items.push(Item { typ: T::Text, pos: self.start, val, line: self.start_line });
        let consumed = &self.input[self.start..self.pos];
        self.line = self.start_line + consumed.matches('\n').count();
        self.start = self.pos;
        self.start_line = self.line;
    }

    /// At "{{". Returns false when lexing must stop (error).
    fn lex_left_delim(&mut self, trim: bool) -> bool {
        self.pos += LEFT.len();
        let trim_len = if trim { 2 } else { 0 };
        let after_marker = self.pos + trim_len;
        if self.input[after_marker..].starts_with("/*") {
            self.pos = after_marker;
            self.ignore();
            return self.lex_comment();
        }
        self.emit(T::LeftDelim);
        self.pos += trim_len;
        self.ignore();
        self.paren_depth = 0;
        self.lex_inside_action()
    }

    fn lex_comment(&mut self) -> bool {
        // the closing "*/" is searched after the opening "/*"
        let Some(end) = self.rest().get(2..).and_then(|r| r.find("*/")) else {
            self.error("unclosed comment".into());
            return false;
        };
        self.pos += 2 + end + 2;
        let (delim, trim) = self.at_right_delim();
        if !delim {
            self.error("comment ends before closing delimiter".into());
            return false;
        }
        self.ignore();
        if trim {
            self.pos += 2;
        }
        self.pos += RIGHT.len();
        self.ignore();
        if trim {
            self.skip_leading_space();
        }
        true
    }

    fn skip_leading_space(&mut self) {
        let n = self.rest().len() - self.rest().trim_start_matches(is_space).len();
        self.pos += n;
        self.ignore();
    }

    fn at_right_delim(&self) -> (bool, bool) {
        let r = self.rest();
        if has_right_trim(r) && r[2..].starts_with(RIGHT) {
            return (true, true);
        }
        (r.starts_with(RIGHT), false)
    }

    fn at_terminator(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) if is_space(c) => true,
            Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            _ => self.rest().starts_with(RIGHT),
        }
    }

    fn lex_inside_action(&mut self) -> bool {
        loop {
            let (delim, trim) = self.at_right_delim();
            if delim {
                if self.paren_depth != 0 {
                    self.error("unclosed left paren".into());
                    return false;
                }
                if trim {
                    self.pos += 2;
                    self.ignore();
                }
                self.pos += RIGHT.len();
                self.emit(T::RightDelim);
                if trim {
                    self.skip_leading_space();
                }
                return true;
            }
            let Some(c) = self.next() else {
                self.error("unclosed action".into());
                return false;
            };
            let ok = match c {
                c if is_space(c) => {
                    self.backup(c);
                    self.lex_space();
                    true
                }
                '=' => {
                    self.emit(T::Assign);
                    true
                }
                ':' => {
                    if self.next() != Some('=') {
                        self.error("expected :=".into());
                        return false;
                    }
                    self.emit(T::Declare);
                    true
                }
                '|' => {
                    self.emit(T::Pipe);
                    true
                }
                '"' => self.lex_quote('"', T::String, "unterminated quoted string"),
                '\'' => self.lex_quote('\'', T::CharConstant, "unterminated character constant"),
                '`' => self.lex_raw(),
                '$' => self.lex_field_or_var(T::Variable),
                '.' => match self.peek() {
                    Some(d) if d.is_ascii_digit() => {
                        self.backup('.');
                        self.lex_number()
                    }
                    _ => self.lex_field_or_var(T::Field),
                },
                '+' | '-' | '0'..='9' => {
                    self.backup(c);
                    self.lex_number()
                }
                c if is_alnum(c) => {
                    self.backup(c);
                    self.lex_identifier()
                }
                '(' => {
                    self.emit(T::LeftParen);
                    self.paren_depth += 1;
                    true
                }
                ')' => {
                    self.emit(T::RightParen);
                    self.paren_depth -= 1;
                    if self.paren_depth < 0 {
                        self.error("unexpected right paren".into());
                        return false;
                    }
                    true
                }
                c if c.is_ascii() && !c.is_ascii_control() => {
                    self.emit(T::Char);
                    true
                }
                c => {
                    self.error(format!("unrecognized character in action: {}", unicode_fmt(c)));
                    false
                }
            };
            if !ok {
                return false;
            }
        }
    }

    fn lex_space(&mut self) {
        let mut n = 0;
        while let Some(c) = self.peek() {
            if !is_space(c) {
                break;
            }
            self.next();
            n += 1;
        }
        // A trim-marked right delimiter " -}}" starts with a space: leave that space to it.
        let before = self.pos - 1;
        let tail = &self.input[before..];
        if has_right_trim(tail) && tail[2..].starts_with(RIGHT) {
            let c = self.input[before..].chars().next().unwrap_or(' ');
            self.backup(c);
            if n == 1 {
                return;
            }
        }
        self.emit(T::Space);
    }

    fn lex_quote(&mut self, q: char, typ: T, unterminated: &str) -> bool {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => {
                        self.error(unterminated.into());
                        return false;
                    }
                },
                None | Some('\n') => {
                    self.error(unterminated.into());
                    return false;
                }
                Some(c) if c == q => break,
                _ => {}
            }
        }
        self.emit(typ);
        true
    }

    fn lex_raw(&mut self) -> bool {
        loop {
            match self.next() {
                None => {
                    self.error("unterminated raw quoted string".into());
                    return false;
                }
                Some('`') => break,
                _ => {}
            }
        }
        self.emit(T::RawString);
        true
    }

    fn lex_field_or_var(&mut self, typ: T) -> bool {
        if self.at_terminator() {
            self.emit(if typ == T::Variable { T::Variable } else { T::Dot });
            return true;
        }
        let mut last = None;
        while let Some(c) = self.next() {
            if !is_alnum(c) {
                self.backup(c);
                last = Some(c);
                break;
            }
        }
        if !self.at_terminator() {
            self.error(format!("bad character {}", unicode_fmt(last.unwrap_or(' '))));
            return false;
        }
        self.emit(typ);
        true
    }

    fn lex_identifier(&mut self) -> bool {
        let mut last = None;
        while let Some(c) = self.next() {
            if !is_alnum(c) {
                self.backup(c);
                last = Some(c);
                break;
            }
        }
        if !self.at_terminator() {
            self.error(format!("bad character {}", unicode_fmt(last.unwrap_or(' '))));
            return false;
        }
        let word = &self.input[self.start..self.pos];
        let typ = if let Some(k) = keyword(word) {
            k
        } else if word == "true" || word == "false" {
            T::Bool
        } else {
            T::Identifier
        };
        self.emit(typ);
        true
    }

    fn lex_number(&mut self) -> bool {
        if !self.scan_number() {
            let text = self.input[self.start..self.pos].to_string();
            self.error(format!("bad number syntax: {}", crate::gofmt::quote(&text)));
            return false;
        }
        if matches!(self.peek(), Some('+' | '-')) {
            // complex constant like 1+2i
            if !self.scan_number() || !self.input[..self.pos].ends_with('i') {
                let text = self.input[self.start..self.pos].to_string();
                self.error(format!("bad number syntax: {}", crate::gofmt::quote(&text)));
                return false;
            }
        }
        self.emit(T::Number);
        true
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 11 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 23 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if let Some(c) = self.peek()
            && is_alnum(c)
        {
            self.next();
            return false;
        }
        true
    }
}

/// Go's `%#U` of a rune: `U+0023 '#'`.
pub(crate) fn unicode_fmt(c: char) -> String {
    format!("U+{:04X} '{}'", c as u32, c)
}
