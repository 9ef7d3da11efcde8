//! go-yaml v2's implicit typing of plain scalars (YAML 1.1 flavoured).
//!
//! The same rules decide what a plain scalar means when reading and whether a string must be quoted
//! when writing (a string is written plain only if it would read back as a string).

/// What a scalar's text resolves to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// Looks like a timestamp; go-yaml hands these to `interface{}` targets as strings.
    Timestamp,
    Str,
}

/// The longest of the fixed spellings [`lookup`] knows (`false`, `+.inf` ...).
const LONGEST_SPELLING: usize = 5;

/// The fixed spellings go-yaml v2 looks up before trying numbers.
fn lookup(s: &str) -> Option<Resolved> {
    if s.len() > LONGEST_SPELLING {
        return None;
    }
    Some(match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => Resolved::Bool(true),
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => Resolved::Bool(false),
        "" | "~" | "null" | "Null" | "NULL" => Resolved::Null,
        ".nan" | ".NaN" | ".NAN" => Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Resolved::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Resolved::Float(f64::NEG_INFINITY),
        _ => return None,
    })
}

/// Whether a plain scalar's first byte (and length) alone make it a string for [`resolve_plain`]
/// (most keys and values): it cannot start a number, nor be one of the fixed spellings.
pub(crate) fn plainly_string(s: &str) -> bool {
    match s.as_bytes().first() {
        None | Some(b'+' | b'-' | b'0'..=b'9' | b'.') => false,
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => s.len() > LONGEST_SPELLING,
        Some(_) => true,
    }
}

/// Resolves an untagged plain scalar the way go-yaml v2's `resolve("", s)` does.
pub(crate) fn resolve_plain(s: &str) -> Resolved {
    // The first byte is a hint of what the scalar may be: a number, a fixed spelling or a string.
    if plainly_string(s) {
        return Resolved::Str;
    }
    if let Some(r) = lookup(s) {
        return r;
    }
    match s.as_bytes().first() {
        Some(b'.') => go_parse_float(s).map_or(Resolved::Str, Resolved::Float),
        Some(b'+' | b'-' | b'0'..=b'9') => resolve_number(s),
        _ => Resolved::Str,
    }
}

fn resolve_number(s: &str) -> Resolved {
    if is_timestamp(s) {
        return Resolved::Timestamp;
    }
    // Underscores are digit separators; most numbers have none, and are read in place.
    let plain: std::borrow::Cow<'_, str> =
        if s.as_bytes().contains(&b'_') { s.replace('_', "").into() } else { s.into() };
    if let Some(i) = go_parse_int(&plain) {
        return Resolved::Int(i);
    }
    if let Some(u) = parse_uint_base0(&plain) {
        return Resolved::UInt(u);
    }
    if is_yaml_style_float(&plain)
        && let Some(f) = go_parse_float(&plain)
    {
        return Resolved::Float(f);
    }
    // Legacy binary forms go-yaml still tries after the general parse (`0b-1` included).
    if let Some(rest) = plain.strip_prefix("0b") {
        if let Some(i) = parse_signed(rest, |d| parse_uint_radix(d, 2)) {
            return Resolved::Int(i);
        }
        if let Some(u) = parse_uint_radix(rest, 2) {
            return Resolved::UInt(u);
        }
    } else if let Some(rest) = plain.strip_prefix("-0b")
        && let Some(i) = parse_signed(&format!("-{rest}"), |d| parse_uint_radix(d, 2))
    {
        return Resolved::Int(i);
    }
    Resolved::Str
}

fn u64_to_neg_i64(u: u64) -> Option<i64> {
    if u <= 1u64 << 63 { Some(0i64.wrapping_sub_unsigned(u)) } else { None }
}

/// Go's `strconv.ParseInt(s, 0, 64)` (underscores already removed).
pub(crate) fn go_parse_int(s: &str) -> Option<i64> {
    parse_signed(s, parse_uint_base0)
}

/// Go's `strconv.ParseInt`: an optional sign, then the unsigned digits, range-checked for i64.
fn parse_signed(s: &str, unsigned: impl Fn(&str) -> Option<u64>) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let u = unsigned(body)?;
    if neg { u64_to_neg_i64(u) } else { i64::try_from(u).ok() }
}

/// Go's `strconv.ParseUint(s, 0, 64)`: optional `0x`/`0o`/`0b` prefix, a leading `0` means octal.
fn parse_uint_base0(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.first() == Some(&b'0') {
        if b.len() >= 3 {
            match b.get(1).map(u8::to_ascii_lowercase) {
                Some(b'b') => return parse_uint_radix(&s[2..], 2),
                Some(b'o') => return parse_uint_radix(&s[2..], 8),
                Some(b'x') => return parse_uint_radix(&s[2..], 16),
                _ => {}
            }
        }
        // "0" alone is zero; otherwise the rest must be octal digits.
        return if b.len() == 1 { Some(0) } else { parse_uint_radix(&s[1..], 8) };
    }
    parse_uint_radix(s, 10)
}

fn parse_uint_radix(s: &str, radix: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for c in s.chars() {
        let d = c.to_digit(radix)?;
        n = n.checked_mul(u64::from(radix))?.checked_add(u64::from(d))?;
    }
    Some(n)
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseFloat(s, 64)` restricted to decimal forms: an out-of-range value is an error.
fn go_parse_float(s: &str) -> Option<f64> {
    if !is_yaml_style_float(s) {
        return None;
    }
    s.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: YAML 1.1 sexagesimal floats, which go-yaml quotes.
pub(crate) fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        match (b.get(i), b.get(i + 1)) {
            (Some(b'0'..=b'5'), Some(b'0'..=b'9')) => i += 2,
            (Some(b'0'..=b'9'), _) => i += 1,
            _ => return false,
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// Whether Go's `time.Parse` accepts `s` in one of go-yaml's timestamp layouts
/// (`2006-1-2T15:4:5.999999999Z07:00`, the same with `t` or a space and no zone, or `2006-1-2`).
pub(crate) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let mut p = Cursor { b, i: 0 };
    let year_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if year_digits != 4 || b.get(4) != Some(&b'-') {
        return false;
    }
    let year = p.num(4).unwrap_or(0);
    p.i = 5;
    let Some(month) = p.num12() else { return false };
    if !p.eat(b'-') {
        return false;
    }
    let Some(day) = p.num12() else { return false };
    if !(1..=12).contains(&month) || day < 1 || day > days_in(month, year) {
        return false;
    }
    let sep = match b.get(p.i) {
        None => return true,
        Some(&c @ (b'T' | b't' | b' ')) => c,
        Some(_) => return false,
    };
    p.i += 1;
    let Some(hour) = p.num12() else { return false };
    if !p.eat(b':') {
        return false;
    }
    let Some(min) = p.num12() else { return false };
    if !p.eat(b':') {
        return false;
    }
    let Some(sec) = p.num12() else { return false };
    if hour >= 24 || min >= 60 || sec >= 60 {
        return false;
    }
    if matches!(b.get(p.i), Some(b'.' | b',')) && b.get(p.i + 1).is_some_and(u8::is_ascii_digit) {
        p.i += 1;
        while b.get(p.i).is_some_and(u8::is_ascii_digit) {
            p.i += 1;
        }
    }
    if sep == b' ' {
        return p.i == b.len();
    }
    // The T/t layouts require a zone: `Z` or `±hh:mm`.
    if p.eat(b'Z') {
        return p.i == b.len();
    }
    if !matches!(b.get(p.i), Some(b'+' | b'-')) {
        return false;
    }
    p.i += 1;
    let (Some(zh), true, Some(zm)) = (p.num(2), p.eat(b':'), p.num(2)) else { return false };
    zh <= 24 && zm < 60 && p.i == b.len()
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn eat(&mut self, c: u8) -> bool {
        let ok = self.b.get(self.i) == Some(&c);
        self.i += usize::from(ok);
        ok
    }
    /// Exactly `n` digits.
    fn num(&mut self, n: usize) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + n)?;
        let mut v = 0u32;
        for d in digits {
            if !d.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(d - b'0');
        }
        self.i += n;
        Some(v)
    }
    /// One or two digits, greedily (Go's `getnum(value, false)`).
    fn num12(&mut self) -> Option<u32> {
        let two = self.b.get(self.i + 1).is_some_and(u8::is_ascii_digit);
        self.num(if two { 2 } else { 1 })
    }
}

fn days_in(month: u32, year: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_nulls_and_specials() {
        for s in ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"] {
            assert_eq!(resolve_plain(s), Resolved::Bool(true), "{s}");
        }
        for s in ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"] {
            assert_eq!(resolve_plain(s), Resolved::Bool(false), "{s}");
        }
        for s in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(resolve_plain(s), Resolved::Null, "{s}");
        }
        for s in ["yES", "nULL", "tRUE", "Yesterday", "oN", "none", "nil"] {
            assert_eq!(resolve_plain(s), Resolved::Str, "{s}");
        }
        assert_eq!(resolve_plain(".inf"), Resolved::Float(f64::INFINITY));
        assert_eq!(resolve_plain("-.Inf"), Resolved::Float(f64::NEG_INFINITY));
        assert!(matches!(resolve_plain(".NaN"), Resolved::Float(f) if f.is_nan()));
    }

    #[test]
    fn integers() {
        let cases: &[(&str, Resolved)] = &[
            ("0", Resolved::Int(0)),
            ("-0", Resolved::Int(0)),
            ("+12", Resolved::Int(12)),
            ("1_000", Resolved::Int(1000)),
            ("0x1F", Resolved::Int(31)),
            ("0X1f", Resolved::Int(31)),
            ("-0x10", Resolved::Int(-16)),
            ("0o17", Resolved::Int(15)),
            ("0777", Resolved::Int(511)),
            ("0b101", Resolved::Int(5)),
            ("-0b101", Resolved::Int(-5)),
            ("0b-1", Resolved::Int(-1)),
            ("9223372036854775807", Resolved::Int(i64::MAX)),
            ("-9223372036854775808", Resolved::Int(i64::MIN)),
            ("9223372036854775808", Resolved::UInt(1 << 63)),
            ("18446744073709551615", Resolved::UInt(u64::MAX)),
            ("18446744073709551616", Resolved::Float(18446744073709551616.0)),
            ("08", Resolved::Float(8.0)),
            ("0x", Resolved::Str),
            ("0xFFFFFFFFFFFFFFFFFF", Resolved::Str),
            ("_1", Resolved::Str),
            ("1_", Resolved::Int(1)),
            ("12:30", Resolved::Str),
            ("1.2.3", Resolved::Str),
        ];
        for (s, want) in cases {
            assert_eq!(resolve_plain(s), *want, "{s}");
        }
    }

    #[test]
    fn floats() {
        let cases: &[(&str, f64)] =
            &[("1.5", 1.5), ("-1.5", -1.5), (".5", 0.5), ("+.5", 0.5), ("1.", 1.0), ("1e3", 1000.0), ("1.5E-2", 0.015)];
        for (s, want) in cases {
            assert_eq!(resolve_plain(s), Resolved::Float(*want), "{s}");
        }
        for s in ["1e400", ".", "1e", "e5", ".e5", "1.5e+", "0x1p3", "inf", "NaN"] {
            assert_eq!(resolve_plain(s), Resolved::Str, "{s}");
        }
    }

    #[test]
    fn timestamps_and_sexagesimal() {
        for s in
            ["2001-12-14", "2001-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2002-12-14T1:2:3Z"]
        {
            assert!(is_timestamp(s), "{s}");
            assert_eq!(resolve_plain(s), Resolved::Timestamp, "{s}");
        }
        for s in ["2001-13-14", "2001-02-30", "2001-12-14T21:59:43", "01-12-14", "2001-12-14 25:00:00", "2001-12-14x"] {
            assert!(!is_timestamp(s), "{s}");
        }
        for s in ["190:20:30.15", "12:30", "-1:00", "1_0:59"] {
            assert!(is_base60_float(s), "{s}");
        }
        for s in ["12:60", "12:", ":30", "a:30", "12:30:"] {
            assert!(!is_base60_float(s), "{s}");
        }
    }
}
