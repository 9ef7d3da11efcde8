//! The writer: what go-yaml v2's encoder and emitter print for JSON-shaped data.
//!
//! The layout rules (indentation, indentless sequences under keys, scalar style choice, folding at
//! column 80, block scalar headers) follow the libyaml-derived emitter's observable behaviour.

use crate::Value;
use crate::gofloat::format_g64;
use crate::resolve::{Resolved, is_base60_float, resolve_plain};

/// Spaces per nesting level.
const BEST_INDENT: usize = 2;
/// Plain and quoted scalars are folded at the first space past this column.
const BEST_WIDTH: usize = 80;
/// Longer keys (in bytes) are written as complex `? key` entries.
const MAX_SIMPLE_KEY_LEN: usize = 128;
/// Indentation is written in slices of this run of spaces.
const SPACES: &str = "                                ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// Writes one document for `value`, ending with a newline.
pub(crate) fn emit_document(value: &Value) -> String {
    let mut e = Emitter {
        out: String::with_capacity(256),
        indent: None,
        indents: Vec::new(),
        column: 0,
        whitespace: true,
        indention: true,
        spare: Vec::new(),
        scratch: Vec::new(),
    };
    e.node(value, false, false);
    // Implicit document end. (libyaml-derived emitters mark a `|+` scalar "open ended" and then reset
    // the flag when writing the `+` itself, so no `...` ever follows.)
    e.write_indent();
    e.out
}

/// A mapping entry, borrowed from the document being written.
type Entry<'a> = (&'a String, &'a Value);

struct Emitter<'a> {
    out: String,
    /// Current indentation; `None` before the root collection opens.
    indent: Option<usize>,
    indents: Vec<Option<usize>>,
    column: usize,
    /// The last character written is whitespace (or nothing was written on this line).
    whitespace: bool,
    /// Only indentation (and `-`/`?` indicators) has been written on this line.
    indention: bool,
    /// Entry lists of finished mappings, kept for the next ones (mappings nest, so one per level).
    spare: Vec<Vec<Entry<'a>>>,
    /// Working space of the key sort.
    scratch: Vec<Entry<'a>>,
}

impl<'a> Emitter<'a> {
    fn node(&mut self, value: &'a Value, mapping_ctx: bool, simple_key: bool) {
        match value {
            Value::Null => self.plain_word("null"),
            Value::Bool(b) => self.plain_word(if *b { "true" } else { "false" }),
            Value::Number(n) => match n.as_i64() {
                Some(i) => self.plain_int(i),
                None => self.scalar(&format_number(n), Style::Plain, simple_key),
            },
            Value::String(s) => self.string(s, is_simple_word(s), simple_key),
            Value::Array(items) if items.is_empty() => self.empty_flow("[", "]"),
            Value::Object(map) if map.is_empty() => self.empty_flow("{", "}"),
            Value::Array(items) => self.block_sequence(items, mapping_ctx),
            Value::Object(map) => self.block_mapping(map),
        }
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        self.indent = Some(match self.indent {
            None if flow => BEST_INDENT,
            None => 0,
            Some(i) if indentless => i,
            Some(i) => i + BEST_INDENT,
        });
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().flatten();
    }

    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn block_sequence(&mut self, items: &'a [Value], mapping_ctx: bool) {
        let indentless = mapping_ctx && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, false, false);
        }
        self.pop_indent();
    }

    fn block_mapping(&mut self, map: &'a serde_json::Map<String, Value>) {
        self.increase_indent(false, false);
        let mut entries = self.spare.pop().unwrap_or_default();
        entries.extend(map.iter());
        sort_entries(&mut entries, &mut self.scratch);
        for &(key, value) in &entries {
            self.write_indent();
            let word = is_simple_word(key);
            if key.len() <= MAX_SIMPLE_KEY_LEN && (word || !has_break(key)) {
                self.string(key, word, true);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.string(key, word, false);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(value, true, false);
        }
        entries.clear();
        self.spare.push(entries);
        self.pop_indent();
    }

    /// A string scalar; `word` is [`is_simple_word`] of it, in which case the analysis finds
    /// nothing and the requested style stands: plain, or double quotes for text that would read
    /// back as something else.
    fn string(&mut self, s: &str, word: bool, simple_key: bool) {
        if !word {
            self.scalar(s, string_style(s), simple_key);
        } else if resolve_plain(s) == Resolved::Str && !is_base60_float(s) {
            self.plain_word(s);
        } else {
            self.scalar(s, Style::DoubleQuoted, simple_key);
        }
    }

    /// A plain scalar that is a simple word (what `scalar` writes for it, in one step).
    fn plain_word(&mut self, word: &str) {
        if !self.whitespace {
            self.put(' ');
        }
        self.out.push_str(word);
        self.column += word.len();
        self.whitespace = false;
        self.indention = false;
    }

    /// An integer, always a plain simple word, written without formatting machinery.
    fn plain_int(&mut self, i: i64) {
        let mut digits = [0u8; 20];
        let mut n = i.unsigned_abs();
        let mut start = digits.len();
        loop {
            start -= 1;
            if let Some(d) = digits.get_mut(start) {
                // The remainder is below 10.
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let text = std::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or_default();
        if !self.whitespace {
            self.put(' ');
        }
        if i < 0 {
            self.out.push('-');
            self.column += 1;
        }
        self.out.push_str(text);
        self.column += text.len();
        self.whitespace = false;
        self.indention = false;
    }

    fn scalar(&mut self, text: &str, requested: Style, simple_key: bool) {
        let a = analyze(text);
        let style = select_style(requested, &a, simple_key);
        self.increase_indent(true, false);
        match style {
            Style::Plain => self.write_plain(text, !simple_key),
            Style::SingleQuoted => self.write_single_quoted(text, !simple_key),
            Style::DoubleQuoted => self.write_double_quoted(text, !simple_key),
            Style::Literal => self.write_literal(text),
        }
        self.pop_indent();
    }

    // --- low-level writers -------------------------------------------------------------------

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    /// Writes text holding no line break, as `put` would one character at a time.
    fn push_run(&mut self, text: &str) {
        self.out.push_str(text);
        self.column += if text.is_ascii() { text.len() } else { text.chars().count() };
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// Writes a line break character from the content (`\n` becomes the emitter's line break).
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            let run = SPACES.get(..(indent - self.column).min(SPACES.len())).unwrap_or_default();
            self.out.push_str(run);
            self.column += run.len();
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(&mut self, indicator: &str, need_whitespace: bool, is_whitespace: bool, is_indention: bool) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        self.out.push_str(indicator);
        // Indicators are ASCII.
        self.column += indicator.len();
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn write_plain(&mut self, text: &str, allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        if !text.contains(|c: char| c == ' ' || is_break(c)) {
            // Nothing to fold or break: the text as it is (what the loop below writes for it).
            self.push_run(text);
            self.whitespace = false;
            self.indention = false;
            return;
        }
        let mut spaces = false;
        let mut breaks = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && chars.peek().is_some_and(|&n| n != ' ') {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        if !text.contains(|c: char| c == ' ' || c == '\'' || is_break(c)) {
            // Nothing to fold, break or double: the text as it is (what the loop below writes).
            self.push_run(text);
            self.write_indicator("'", false, false, false);
            return;
        }
        let mut spaces = false;
        let mut breaks = false;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && next.is_some_and(|n| n != ' ') {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        if text.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\') {
            // No space to fold at and nothing to escape: the text as it is.
            self.push_run(text);
            self.write_indicator("\"", false, false, false);
            return;
        }
        let mut spaces = false;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if !is_printable(c) || c == '\u{FEFF}' || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                match escape_letter(c) {
                    Some(l) => self.put(l),
                    None => {
                        let v = u32::from(c);
                        let (letter, width) = match v {
                            0..=0xFF => ('x', 2),
                            0x100..=0xFFFF => ('u', 4),
                            _ => ('U', 8),
                        };
                        self.put(letter);
                        for k in (0..width).rev() {
                            let d = (v >> (4 * k)) & 0xF;
                            self.put(char::from_digit(d, 16).map_or('0', |h| h.to_ascii_uppercase()));
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && next.is_some() {
                    self.write_indent();
                    if next == Some(' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
    }

    fn write_literal(&mut self, text: &str) {
        self.write_indicator("|", true, false, false);
        // Block scalar header: an indentation indicator when the text starts with a space or break,
        // then the chomping indicator for the trailing line breaks.
        if text.starts_with(|c: char| c == ' ' || is_break(c)) {
            self.write_indicator("2", false, false, false);
        }
        let mut rev = text.chars().rev();
        let chomp = match (rev.next(), rev.next()) {
            (None, _) => Some("-"),
            (Some(last), _) if !is_break(last) => Some("-"),
            (Some(_), None) => Some("+"),
            (Some(_), Some(prev)) if is_break(prev) => Some("+"),
            _ => None,
        };
        if let Some(ch) = chomp {
            self.write_indicator(ch, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        let mut rest = text;
        while !rest.is_empty() {
            // A run of characters up to the next line break is written at once.
            let (run, tail) = rest.split_at(rest.find(is_break).unwrap_or(rest.len()));
            if !run.is_empty() {
                if breaks {
                    self.write_indent();
                }
                self.push_run(run);
                self.indention = false;
                breaks = false;
            }
            let mut tail = tail.chars();
            if let Some(c) = tail.next() {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            }
            rest = tail.as_str();
        }
    }
}

/// The style go-yaml's encoder asks for: literal for multi-line text, plain when the text reads back
/// as the same string, double quotes otherwise.
fn string_style(s: &str) -> Style {
    if s.contains('\n') {
        Style::Literal
    } else if resolve_plain(s) == Resolved::Str && !is_base60_float(s) {
        Style::Plain
    } else {
        Style::DoubleQuoted
    }
}

/// JSON numbers as Go prints them after a JSON round trip: integral values as integers.
fn format_number(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    // Go's JSON encoder prints integral floats below 1e21 without exponent, which YAML then reads as
    // an int (or uint64) when it fits.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    const TWO_64: f64 = 18_446_744_073_709_551_616.0;
    if f.fract() == 0.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        if (-TWO_63..TWO_63).contains(&f) {
            return (f as i64).to_string();
        } else if (0.0..TWO_64).contains(&f) {
            return (f as u64).to_string();
        }
    }
    format_g64(f)
}

/// What the emitter learns about a scalar before choosing its style.
#[derive(Debug, Default)]
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
    empty: bool,
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `s` holds a line break ([`is_break`]); the bytes tell first whether one can be there
/// (U+0085 is encoded `C2 85`, U+2028 and U+2029 `E2 80 A8`/`A9`).
fn has_break(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'\n' | b'\r' | 0xC2 | 0xE2)) && s.contains(is_break)
}

/// Characters the emitter may write unescaped (it writes Unicode, but not astral-plane characters).
fn is_printable(c: char) -> bool {
    matches!(c, '\n' | '\x20'..='\x7E' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}') && c != '\u{FEFF}'
}

fn escape_letter(c: char) -> Option<char> {
    Some(match c {
        '\0' => '0',
        '\x07' => 'a',
        '\x08' => 'b',
        '\t' => 't',
        '\n' => 'n',
        '\x0B' => 'v',
        '\x0C' => 'f',
        '\r' => 'r',
        '\x1B' => 'e',
        '"' => '"',
        '\\' => '\\',
        '\u{85}' => 'N',
        '\u{A0}' => '_',
        '\u{2028}' => 'L',
        '\u{2029}' => 'P',
        _ => return None,
    })
}

/// Whether `s` is a word the full analysis below finds nothing in (most keys and many values): it
/// holds only printable ASCII without spaces (so no `#` can follow a space and no `:` a space),
/// does not end with `:`, does not start with an indicator (`-`, `?`, `:` only count when alone) or
/// with `---`/`...`.
fn is_simple_word(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    let indicator = match first {
        b'#' | b',' | b'[' | b']' | b'{' | b'}' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\'' | b'"' | b'%' | b'@'
        | b'`' => true,
        b'?' | b':' | b'-' => bytes.len() == 1,
        _ => false,
    };
    let marker = matches!(first, b'-' | b'.') && matches!(bytes.get(..3), Some(b"---" | b"..."));
    !indicator
        && !marker
        && bytes.last() != Some(&b':')
        // A pass without early exit, which the compiler vectorises.
        && bytes.iter().fold(true, |all, &b| all & b.is_ascii_graphic())
}

fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis { block_plain_allowed: true, single_quoted_allowed: true, empty: true, ..Analysis::default() };
    }
    if is_simple_word(s) {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: true,
            empty: false,
        };
    }
    let mut block_indicators = s.starts_with("---") || s.starts_with("...");
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) = (false, false, false, false);
    let (mut break_space, mut space_break, mut previous_space, mut previous_break) = (false, false, false, false);
    let (mut line_breaks, mut special) = (false, false);
    let mut preceded_by_ws = true;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let followed_by_ws = next.is_none_or(|n| n == ' ' || n == '\t' || is_break(n));
        let is_last = next.is_none();
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%' | '@' | '`' => {
                    block_indicators = true;
                }
                '?' | ':' | '-' if followed_by_ws => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_ws => block_indicators = true,
                '#' if preceded_by_ws => block_indicators = true,
                _ => {}
            }
        }
        if !is_printable(c) {
            special = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= is_last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            leading_break |= i == 0;
            trailing_break |= is_last;
            space_break |= previous_space;
            previous_break = true;
            previous_space = false;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_ws = c == ' ' || c == '\t' || is_break(c);
    }
    let mut a = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
        empty: false,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
        a.block_allowed = false;
    }
    if line_breaks || block_indicators {
        a.block_plain_allowed = false;
    }
    a
}

fn select_style(requested: Style, a: &Analysis, simple_key: bool) -> Style {
    let mut style = requested;
    if simple_key && a.multiline {
        style = Style::DoubleQuoted;
    }
    if style == Style::Plain && (!a.block_plain_allowed || (a.empty && simple_key)) {
        style = Style::SingleQuoted;
    }
    if style == Style::SingleQuoted && !a.single_quoted_allowed {
        style = Style::DoubleQuoted;
    }
    if style == Style::Literal && (!a.block_allowed || simple_key) {
        style = Style::DoubleQuoted;
    }
    style
}

/// Sorts map entries into go-yaml v2's key order; `scratch` is working space.
fn sort_entries<'a>(entries: &mut [Entry<'a>], scratch: &mut Vec<Entry<'a>>) {
    if entries.iter().all(|(k, _)| k.is_ascii()) {
        // What `key_less_str` does for each pair, without looking at every key again each time.
        merge_sort(entries, scratch, &|a: &Entry<'_>, b: &Entry<'_>| key_less(a.0.as_bytes(), b.0.as_bytes()));
    } else {
        merge_sort(entries, scratch, &|a: &Entry<'_>, b: &Entry<'_>| key_less_str(a.0, b.0));
    }
}

/// A stable top-down merge sort that tolerates an inconsistent `less`. go-yaml's key comparison is
/// not transitive for some key sets (`a2` < `a10` < `a1b` < `a2`), where Go's own order depends on
/// map iteration; the standard library's sorts may panic on such a comparison. The split (first
/// half, second half) and the merge rule (the right item goes first only when it is less) fix the
/// result for those sets. `scratch` is working space.
fn merge_sort<T: Copy, F: Fn(&T, &T) -> bool>(items: &mut [T], scratch: &mut Vec<T>, less: &F) {
    if items.len() <= 1 {
        return;
    }
    if let [a, b] = items {
        // What the merge below does for two items, without the working space.
        if less(b, a) {
            std::mem::swap(a, b);
        }
        return;
    }
    let mid = items.len() / 2;
    let (left, right) = items.split_at_mut(mid);
    merge_sort(left, scratch, less);
    merge_sort(right, scratch, less);
    scratch.clear();
    scratch.extend_from_slice(items);
    let (left, right) = scratch.split_at(mid);
    let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
    for slot in items.iter_mut() {
        let next = match (l.peek(), r.peek()) {
            (Some(a), Some(b)) if less(b, a) => r.next(),
            (Some(_), _) => l.next(),
            (None, _) => r.next(),
        };
        if let Some(&v) = next {
            *slot = v;
        }
    }
}

/// go-yaml's key comparison on strings; ASCII keys (nearly all) compare bytewise as runes.
fn key_less_str(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        key_less(a.as_bytes(), b.as_bytes())
    } else {
        key_less(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>())
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

fn digit_value(c: char) -> i64 {
    i64::from(u32::from(c)) - i64::from(u32::from('0'))
}

/// go-yaml v2's string key comparison: letters compare by code point, a non-letter sorts before a
/// letter, and runs of digits compare by numeric value (then by length).
fn key_less<T: Copy + Into<char>>(a: &[T], b: &[T]) -> bool {
    let digit_at = |s: &[T], i: usize| s.get(i).map(|&c| c.into()).filter(|&c| is_digit(c));
    for (i, (&ra, &rb)) in a.iter().zip(b).enumerate() {
        let (ca, cb): (char, char) = (ra.into(), rb.into());
        if ca == cb {
            continue;
        }
        let (al, bl) = (is_letter(ca), is_letter(cb));
        if al && bl {
            return ca < cb;
        }
        if al || bl {
            return bl;
        }
        let (mut an, mut bn) = (0i64, 0i64);
        if ca == '0' || cb == '0' {
            // A zero after a non-zero digit of the same run is not a leading zero.
            let before = a.iter().take(i).rev().map(|&c| c.into()).take_while(|&c| is_digit(c));
            if before.into_iter().any(|c: char| c != '0') {
                an = 1;
                bn = 1;
            }
        }
        let mut ai = i;
        while let Some(c) = digit_at(a, ai) {
            an = an.wrapping_mul(10).wrapping_add(digit_value(c));
            ai += 1;
        }
        let mut bi = i;
        while let Some(c) = digit_at(b, bi) {
            bn = bn.wrapping_mul(10).wrapping_add(digit_value(c));
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ca < cb;
    }
    a.len() < b.len()
}
