//! A fast path for the plain block-style YAML that makes up most documents: Kubernetes manifests and
//! rendered injection templates. It reads block mappings and sequences, single-line plain and quoted
//! scalars, literal block scalars (`|`, `|-`) and single-line flow collections (`[a, b]`,
//! `{"k":"v"}`), typing scalars exactly as the full reader does. Anything else (anchors, tags, block scalars, multi-line scalars, comments after
//! content, merge keys, tabs, directives, errors of any kind) makes it give up with `None`, and the
//! caller uses the full reader instead, so the result is always the full reader's.

use crate::Value;
use crate::compose::{plain_key, plain_value};
use serde_json::Map;

/// Deepest nesting the fast path follows.
const MAX_DEPTH: usize = 128;
/// Longest implicit key YAML allows.
const MAX_KEY_LEN: usize = 1024;
/// Room the entry and item stacks start with (enough for most documents: no regrowth).
const STACK_CAPACITY: usize = 32;

/// Byte classes (bits of [`CLASS`]): a byte of a plain key the fast path reads (letters, digits
/// and `._/-`); a `#`; a `:`; a flow indicator `,[]{}`.
const KEY: u8 = 1;
const HASH: u8 = 2;
const COLON: u8 = 4;
const FLOW: u8 = 8;

/// The class bits of every byte.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b: u8 = 0;
    loop {
        table[b as usize] = match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'.' | b'_' | b'/' | b'-' => KEY,
            b'#' => HASH,
            b':' => COLON,
            b',' | b'[' | b']' | b'{' | b'}' => FLOW,
            _ => 0,
        };
        if b == u8::MAX {
            break table;
        }
        b += 1;
    }
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Every byte set to 1, every byte's low seven bits set, and every byte's high bit set, for the
/// word-at-a-time line scan.
const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The line break, tab and carriage return are all below this byte.
const CONTROL_END: u8 = 0x0E;

/// The high bit of each byte of `word` that equals `byte` (exactly those: no carries cross bytes).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The offsets of the line breaks of `bytes` (into `ends`), found eight bytes at a time; `None`
/// when `bytes` holds a tab or a carriage return (left to the full reader).
fn line_breaks(bytes: &[u8], ends: &mut Vec<usize>) -> Option<()> {
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        // Whether some byte may be below CONTROL_END (never a miss; most words have none).
        if word.wrapping_sub(ONES * u64::from(CONTROL_END)) & !word & HIGH == 0 {
            base += 8;
            continue;
        }
        if bytes_equal(word, b'\t') | bytes_equal(word, b'\r') != 0 {
            return None;
        }
        let mut breaks = bytes_equal(word, b'\n');
        while breaks != 0 {
            // The lowest set bit is the high bit of the first break's byte (little-endian).
            ends.push(base + (breaks.trailing_zeros() / 8) as usize);
            breaks &= breaks - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        match b {
            b'\n' => ends.push(base + i),
            b'\t' | b'\r' => return None,
            _ => {}
        }
    }
    Some(())
}

#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    /// The content after the indentation, without trailing spaces.
    text: &'a str,
    /// The whole line (block scalars keep their trailing spaces).
    raw: &'a str,
    /// Empty, spaces only, or a comment: skipped outside block scalars.
    blank: bool,
}

/// The value of a single-document `src`, or `None` when the fast path does not apply.
pub(crate) fn parse(src: &str) -> Option<Value> {
    let mut ends = Vec::with_capacity(src.len() / 16);
    line_breaks(src.as_bytes(), &mut ends)?;
    // The last line ends with the text (it is empty after a final line break).
    ends.push(src.len());
    let mut lines = Vec::with_capacity(ends.len());
    let mut start = 0;
    for end in ends {
        let raw = src.get(start..end)?;
        let indent = leading_spaces(raw);
        let text = trim_spaces_end(raw.get(indent..)?);
        let blank = text.is_empty() || text.starts_with('#');
        if !blank && indent == 0 && (text.starts_with("---") || text.starts_with("...") || text.starts_with('%')) {
            return None;
        }
        lines.push(Line { indent, text, raw, blank });
        start = end + 1;
    }
    let mut p = Reader {
        lines,
        pos: 0,
        depth: 0,
        ends_with_newline: src.ends_with('\n'),
        entries: Vec::with_capacity(STACK_CAPACITY),
        items: Vec::with_capacity(STACK_CAPACITY),
    };
    let first = p.line()?;
    if !(is_item(first.text) || split_key(first.text).is_some()) {
        return None;
    }
    let value = p.block(first.indent)?;
    p.line().is_none().then_some(value)
}

/// Whether a line is a block sequence item.
fn is_item(text: &str) -> bool {
    let b = text.as_bytes();
    b.first() == Some(&b'-') && matches!(b.get(1), None | Some(b' '))
}

/// `key: rest` or `key:` with a plain key of letters, digits and `._/-`: the key and the rest.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_alphanumeric() {
        return None;
    }
    // The key runs up to the first other byte, which must be the colon.
    let mut end = 1;
    while let Some(&b) = bytes.get(end) {
        if class(b) != KEY {
            break;
        }
        end += 1;
    }
    if bytes.get(end) != Some(&b':') || end > MAX_KEY_LEN {
        return None;
    }
    let (key, after) = (text.get(..end)?, text.get(end + 1..)?);
    if after.is_empty() {
        Some((key, ""))
    } else if after.starts_with(' ') {
        Some((key, skip_spaces(after)))
    } else {
        None
    }
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
    depth: usize,
    ends_with_newline: bool,
    /// Entries of the mappings being read, innermost last: each takes its own off the top when it
    /// ends, and is built at its final size.
    entries: Vec<(String, Value)>,
    /// Items of the sequences being read, likewise.
    items: Vec<Value>,
}

impl<'a> Reader<'a> {
    /// The next line that is not blank (moving past blank ones).
    fn line(&mut self) -> Option<Line<'a>> {
        while let Some(line) = self.lines.get(self.pos) {
            if !line.blank {
                return Some(*line);
            }
            self.pos += 1;
        }
        None
    }

    /// A value written after `key:` or `-` on a line of indentation `indent`, the current line
    /// being the next one.
    fn inline_value(&mut self, rest: &str, indent: usize) -> Option<Value> {
        if rest.starts_with('|') {
            return self.literal(rest, indent);
        }
        // (Checked first so that the value is returned as it is made, not moved again.)
        self.end_of_value(indent)?;
        inline(rest)
    }

    /// A literal block scalar (`|` clips the final line breaks to one, `|-` strips them) whose
    /// header is on a line of indentation `parent`; the current line is the one after the header.
    fn literal(&mut self, header: &str, parent: usize) -> Option<Value> {
        let strip = match header {
            "|" => false,
            "|-" => true,
            _ => return None,
        };
        let first = self.lines.get(self.pos)?;
        if first.blank || first.indent <= parent {
            return None;
        }
        let indent = first.indent;
        let mut out = String::new();
        let mut breaks = 0;
        while let Some(line) = self.lines.get(self.pos) {
            if line.text.is_empty() {
                // An empty line; spaces beyond the indentation would be content.
                if line.raw.len() > indent {
                    return None;
                }
                breaks += 1;
            } else if line.indent < indent {
                break;
            } else {
                if self.pos + 1 == self.lines.len() && !self.ends_with_newline {
                    return None;
                }
                out.extend(std::iter::repeat_n('\n', breaks));
                breaks = 0;
                out.push_str(line.raw.get(indent..)?);
                out.push('\n');
            }
            self.pos += 1;
        }
        if strip {
            out.pop();
        }
        Some(Value::String(out))
    }

    /// The block node starting at the current line, whose indentation is `indent`.
    fn block(&mut self, indent: usize) -> Option<Value> {
        let text = self.line()?.text;
        self.nest(|r| if is_item(text) { r.sequence(indent) } else { r.mapping(indent, None) })
    }

    /// `read` one level deeper (failing beyond [`MAX_DEPTH`]).
    fn nest(&mut self, read: impl FnOnce(&mut Self) -> Option<Value>) -> Option<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// The value after `key:` with nothing on its line.
    fn nested(&mut self, indent: usize) -> Option<Value> {
        match self.line() {
            Some(next) if next.indent > indent => self.block(next.indent),
            Some(next) if next.indent == indent && is_item(next.text) => self.sequence(indent),
            _ => Some(Value::Null),
        }
    }

    /// Fails when the line after a single-line value is indented deeper (a continuation).
    fn end_of_value(&mut self, indent: usize) -> Option<()> {
        match self.line() {
            Some(next) if next.indent > indent => None,
            _ => Some(()),
        }
    }

    /// A block mapping at `indent`; `first` is the current line's key and rest when the caller
    /// has split it already.
    fn mapping(&mut self, indent: usize, mut first: Option<(&'a str, &'a str)>) -> Option<Value> {
        let start = self.entries.len();
        while let Some(line) = self.line() {
            if line.indent < indent {
                break;
            }
            if line.indent > indent || is_item(line.text) {
                return None;
            }
            let (key, rest) = match first.take() {
                Some(split) => split,
                None => split_key(line.text)?,
            };
            let key = plain_key(key)?;
            self.pos += 1;
            let value = if rest.is_empty() { self.nested(indent)? } else { self.inline_value(rest, indent)? };
            self.entries.push((key, value));
        }
        let mut map = Map::with_capacity(self.entries.len().saturating_sub(start));
        // A repeated key takes the later value in the first key's place, as in the full reader.
        map.extend(self.entries.drain(start..));
        Some(Value::Object(map))
    }

    fn sequence(&mut self, indent: usize) -> Option<Value> {
        let start = self.items.len();
        while let Some(line) = self.line() {
            if line.indent < indent || (line.indent == indent && !is_item(line.text)) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let rest = skip_spaces(line.text.get(1..)?);
            let item_indent = indent + (line.text.len() - rest.len());
            let item = if rest.is_empty() {
                self.pos += 1;
                match self.line() {
                    Some(next) if next.indent > indent => self.block(next.indent)?,
                    _ => Value::Null,
                }
            } else if is_item(rest) {
                return None;
            } else if let Some(split) = split_key(rest) {
                // `- key: value`: a mapping whose keys line up with this first one.
                if let Some(slot) = self.lines.get_mut(self.pos) {
                    *slot = Line { indent: item_indent, text: rest, ..*slot };
                }
                self.nest(|r| r.mapping(item_indent, Some(split)))?
            } else {
                self.pos += 1;
                self.inline_value(rest, indent)?
            };
            self.items.push(item);
        }
        // The items move out in one copy into a vector of their size (`split_off` would hand
        // over the stack's whole room at its bottom).
        let items = if start == 0 {
            let mut items = Vec::with_capacity(self.items.len());
            items.append(&mut self.items);
            items
        } else {
            self.items.split_off(start)
        };
        Some(Value::Array(items))
    }
}

/// A value written on the rest of a line: a quoted or plain scalar or a flow collection.
fn inline(text: &str) -> Option<Value> {
    match text.as_bytes().first()? {
        b'"' => {
            // The commonest quoted form, made into a value only once it is known to be whole.
            let (s, rest) = double_quoted(text)?;
            rest.is_empty().then_some(Value::String(s))
        }
        b'\'' | b'[' | b'{' => {
            let (value, rest) = flow_node(text, 0)?;
            rest.is_empty().then_some(value)
        }
        _ => plain_value(plain(text, false)?),
    }
}

/// Whether `text` can be read as a whole plain scalar (in flow context, also without `,[]{}`).
fn plain(text: &str, flow: bool) -> Option<&str> {
    let bytes = text.as_bytes();
    let &first = bytes.first()?;
    let starts = if first.is_ascii() {
        // A second byte that is not a space starts a second character that is not one.
        first.is_ascii_alphanumeric()
            || matches!(first, b'/' | b'.' | b'_' | b'~' | b'+' | b'$' | b'(' | b'=')
            || (first == b'-' && bytes.get(1).is_some_and(|&b| b != b' '))
    } else {
        text.chars().next().is_some_and(char::is_alphanumeric)
    };
    // A `#` (comment), `: ` (a key) or, in flow context, a flow indicator or colon; all ASCII, so
    // bytes do.
    let stops = if flow { HASH | COLON | FLOW } else { HASH };
    let mut bad = matches!(bytes.last(), Some(b':' | b' '));
    // Most scalars hold none of these bytes: a pass without early exit (which the compiler
    // vectorises) tells, before the exact rules.
    let marked = if flow {
        bytes.iter().fold(false, |m, &b| m | matches!(b, b'#' | b':' | b',' | b'[' | b']' | b'{' | b'}'))
    } else {
        bytes.iter().fold(false, |m, &b| m | (b == b'#') | (b == b':'))
    };
    if marked {
        for (i, &b) in bytes.iter().enumerate() {
            let c = class(b);
            bad |= c & stops != 0 || (c == COLON && bytes.get(i + 1) == Some(&b' '));
        }
    }
    (starts && !bad).then_some(text)
}

/// A node in flow context (or a quoted scalar anywhere) and the text after it.
fn flow_node(text: &str, depth: usize) -> Option<(Value, &str)> {
    if depth > MAX_DEPTH {
        return None;
    }
    match text.as_bytes().first()? {
        b'"' => double_quoted(text).map(|(s, rest)| (Value::String(s), rest)),
        b'\'' => single_quoted(text).map(|(s, rest)| (Value::String(s), rest)),
        b'[' => flow_sequence(text, depth),
        b'{' => flow_mapping(text, depth),
        _ => {
            let end = text.bytes().position(|b| matches!(b, b',' | b']' | b'}')).unwrap_or(text.len());
            let scalar = trim_spaces_end(text.get(..end)?);
            Some((plain_value(plain(scalar, true)?)?, text.get(end..)?))
        }
    }
}

/// `text` without its leading spaces (a byte loop: cheaper than a char pattern).
fn skip_spaces(text: &str) -> &str {
    text.get(leading_spaces(text)..).unwrap_or_default()
}

/// How many spaces `text` starts with.
fn leading_spaces(text: &str) -> usize {
    text.bytes().position(|b| b != b' ').unwrap_or(text.len())
}

/// `text` without its trailing spaces.
fn trim_spaces_end(text: &str) -> &str {
    let end = text.bytes().rposition(|b| b != b' ').map_or(0, |i| i + 1);
    text.get(..end).unwrap_or_default()
}

fn flow_sequence(text: &str, depth: usize) -> Option<(Value, &str)> {
    let mut rest = skip_spaces(text.strip_prefix('[')?);
    let mut items = Vec::new();
    if let Some(after) = rest.strip_prefix(']') {
        return Some((Value::Array(items), after));
    }
    loop {
        let (item, after) = flow_node(rest, depth + 1)?;
        items.push(item);
        let after = skip_spaces(after);
        if let Some(after) = after.strip_prefix(']') {
            return Some((Value::Array(items), after));
        }
        rest = skip_spaces(after.strip_prefix(',')?);
    }
}

fn flow_mapping(text: &str, depth: usize) -> Option<(Value, &str)> {
    let mut rest = skip_spaces(text.strip_prefix('{')?);
    let mut map = Map::new();
    if let Some(after) = rest.strip_prefix('}') {
        return Some((Value::Object(map), after));
    }
    loop {
        let (key, after) = match rest.as_bytes().first()? {
            b'"' => {
                let (key, after) = double_quoted(rest)?;
                (key, skip_spaces(after).strip_prefix(':')?)
            }
            _ => {
                let (key, after) = split_key(rest)?;
                // `split_key` took the spaces after the colon; a plain key needs at least one.
                (plain_key(key)?, after)
            }
        };
        let (value, after) = flow_node(skip_spaces(after), depth + 1)?;
        map.insert(key, value);
        let after = skip_spaces(after);
        if let Some(after) = after.strip_prefix('}') {
            return Some((Value::Object(map), after));
        }
        rest = skip_spaces(after.strip_prefix(',')?);
    }
}

/// A double-quoted scalar closed on the same line: its value and the text after it.
fn double_quoted(text: &str) -> Option<(String, &str)> {
    let body = text.strip_prefix('"')?;
    let end = body.bytes().position(|b| b == b'"' || b == b'\\')?;
    if body.as_bytes().get(end) == Some(&b'"') {
        // No escapes: the text between the quotes.
        return Some((body.get(..end)?.to_owned(), body.get(end + 1..)?));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, body.get(i + 1..)?)),
            '\\' => {
                let (_, e) = chars.next()?;
                let unescaped = match e {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    'a' => '\u{7}',
                    'e' => '\u{1b}',
                    '0' => '\0',
                    'x' | 'u' | 'U' => {
                        let width = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let mut code = 0u32;
                        for _ in 0..width {
                            code = code * 16 + chars.next()?.1.to_digit(16)?;
                        }
                        char::from_u32(code)?
                    }
                    _ => return None,
                };
                out.push(unescaped);
            }
            _ => out.push(c),
        }
    }
    None
}

/// A single-quoted scalar closed on the same line: its value and the text after it.
fn single_quoted(text: &str) -> Option<(String, &str)> {
    let body = text.strip_prefix('\'')?;
    let end = body.find('\'')?;
    if body.as_bytes().get(end + 1) != Some(&b'\'') {
        // No doubled quote: the text between the quotes.
        return Some((body.get(..end)?.to_owned(), body.get(end + 1..)?));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            return Some((out, body.get(i + 1..)?));
        }
        out.push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path agrees with the full reader wherever it applies.
    fn same(src: &str) -> bool {
        let full = crate::compose::parse_stream(src, false, false).and_then(crate::single).ok().map(|d| d.value);
        match parse(src) {
            Some(v) => {
                assert_eq!(Some(v), full, "{src:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn reads_block_documents() {
        assert!(same(
            "a: 1\nb:\n  c: yes\n  d: [x, 'y''s', \"z\\n\\u00e9\"]\ne:\n- 1\n- k: v\n  l: 0x10\n-\n-   m: n\n    o: p\n"
        ));
        assert!(same(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {}\nspec:\n  containers:\n  - name: c\n    args:\n    - -p\n    - \"15001\"\n    ports:\n    - containerPort: 80\n      protocol: TCP\n    resources: {\"limits\":{\"cpu\":\"2\"},\"requests\":{}}\n"
        ));
        assert!(same("a:\n  - 1\n  - 2\nb: ~\nc: 1.5\nd: on\ne:\nf: -1\n"));
        assert!(same("a: 1\na: 2\nb: x:y\n"));
        assert!(same("a: |\n  x\n\n    y  \n  # z\n\n\nb: |-\n  {}\nc:\n- |\n  [\n      1\n  ]\n- d\n"));
    }

    /// Every document of the YAML files under `dir` (recursively): the fast path agrees with the full
    /// reader; returns (documents read by the fast path, documents in all).
    fn agree_on_files(dir: &std::path::Path, counts: &mut (usize, usize)) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                agree_on_files(&path, counts);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "injected")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                for doc in text.split("\n---") {
                    counts.1 += 1;
                    counts.0 += usize::from(same(doc));
                }
            }
        }
    }

    #[test]
    fn agrees_with_the_full_reader_on_real_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut counts = (0, 0);
        for dir in ["tests/data", "samples", "../shared/conformance/inject", "../shared/conformance/manifest"] {
            agree_on_files(&root.join(dir), &mut counts);
        }
        println!("fast path read {} of {} documents", counts.0, counts.1);
    }

    #[test]
    fn lines_are_found_across_word_boundaries() {
        // Lines of every length around the eight-byte words of the line scan, keys and plain
        // values of every length around the key scan, and non-ASCII text next to line breaks.
        for n in 0..20 {
            let key = "k".repeat(n + 1);
            let value = "v".repeat(n);
            assert!(same(&format!("{key}: {value}\nz: é\n")), "{n}");
            assert!(same(&format!("a:\n{}- {value}x\nb: ü{value}\n", " ".repeat(n))), "{n}");
            assert!(same(&format!("{key}: {value}")), "{n}");
        }
    }

    #[test]
    fn gives_up_on_a_tab_or_carriage_return_anywhere() {
        for n in 0..20 {
            let text = format!("a: {}b\nc: d\n", "x".repeat(n));
            for at in 0..=text.len() {
                for c in ["\t", "\r"] {
                    if let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) {
                        assert!(parse(&format!("{head}{c}{tail}")).is_none(), "{n} {at} {c:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_read() {
        for src in [
            "a: >\n  x\n",
            "a: |2\n  x\n",
            "a: |+\n  x\n",
            "a: |\n  x",
            "a: |\n\n  x\n",
            "a: |\n  x\n   \n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: b\n  c\n",
            "a: \"x\n  y\"\n",
            "a: 1 # c\n",
            "<<: {a: 1}\n",
            "? a\n: b\n",
            "a:\tb\n",
            "---\na: 1\n",
            "- - a\n",
            "a: [1,\n  2]\n",
            "a: \"\\/\"\n",
            "null: 1\n",
            "{\"a\": 1}\n",
            "a: [1,]\n",
            "a: b: c\n",
        ] {
            assert!(!same(src), "{src:?}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        fn line() -> impl Strategy<Value = String> {
            let indent = prop_oneof![Just(""), Just("  "), Just("    "), Just(" "), Just("   "), Just("      ")];
            let head = prop_oneof![Just(""), Just("- "), Just("-  "), Just("- - ")];
            let key =
                prop_oneof![Just(""), Just("a: "), Just("b:"), Just("a:"), Just("1: "), Just("on: "), Just("x.y/z: "),];
            let value = prop_oneof![
                Just("".to_string()),
                Just("v".to_string()),
                Just("-p".to_string()),
                Just("1".to_string()),
                Just("0o17".to_string()),
                Just("1e3".to_string()),
                Just("yes".to_string()),
                Just("~".to_string()),
                Just("\"q\\\"\\u00e9\"".to_string()),
                Just("'it''s'".to_string()),
                Just("[a, \"b\", [1]]".to_string()),
                Just("{\"k\":\"v\", x: [y]}".to_string()),
                Just("{}".to_string()),
                Just("|".to_string()),
                Just("|-".to_string()),
                Just("# c".to_string()),
                Just("x  ".to_string()),
                Just("[]".to_string()),
                Just("a b".to_string()),
                Just("x:y".to_string()),
                Just("#c".to_string()),
                Just("'".to_string()),
                "[ -~]{0,6}",
            ];
            (indent, head, key, value).prop_map(|(i, h, k, v)| format!("{i}{h}{k}{v}"))
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
            /// Whatever the fast path reads, it reads as the full reader does.
            #[test]
            fn fast_path_agrees(lines in proptest::collection::vec(line(), 1..8)) {
                let _ = super::same(&lines.join("\n"));
            }
        }
    }
}
