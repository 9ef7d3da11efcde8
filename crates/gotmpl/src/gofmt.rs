//! Go `fmt` and `strconv` behaviour for template values: `%v` printing of maps, lists and floats,
//! `Sprint`/`Sprintln`/`Sprintf` with Go's verbs, flags and error forms, and Go string quoting.

use crate::value::{MAX_VALUE_DEPTH, Value};

/// `fmt.Sprint(v)` of one value (its `%v` form).
pub fn sprint_v(v: &Value) -> String {
    if let Value::Float(x) = v
        && let Some(whole) = small_whole(*x)
    {
        return whole;
    }
    let mut p = Printer::default();
    p.print_arg(v, 'v');
    p.buf
}

/// `fmt.Sprint(args...)`: spaces between operands when neither side is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut p = Printer::default();
    for (i, a) in args.iter().enumerate() {
        let is_str = matches!(a, Value::String(_));
        if i > 0 && !is_str && !matches!(args.get(i - 1), Some(Value::String(_))) {
            p.buf.push(' ');
        }
        p.print_arg(a, 'v');
    }
    p.buf
}

/// `fmt.Sprintln(args...)`: operands separated by spaces, newline appended.
pub fn sprintln(args: &[Value]) -> String {
    let mut p = Printer::default();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(' ');
        }
        p.print_arg(a, 'v');
    }
    p.buf.push('\n');
    p.buf
}

/// `fmt.Sprintf(format, args...)` with Go's verbs, flags, widths, precisions and error forms
/// (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA ...)`, `%!(NOVERB)`).
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut p = Printer::default();
    p.do_printf(format, args);
    p.buf
}

#[derive(Default, Clone, Copy)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

#[derive(Default)]
struct Printer {
    buf: String,
    f: Flags,
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

impl Printer {
    fn write_padding(&mut self, n: usize, zero: bool) {
        let c = if zero { '0' } else { ' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    /// Pads `s` to the width (zero padding applies to numbers only).
    fn pad(&mut self, s: &str, zero_ok: bool) {
        let Some(w) = self.f.wid else {
            self.buf.push_str(s);
            return;
        };
        let n = char_count(s);
        if n >= w {
            self.buf.push_str(s);
            return;
        }
        if self.f.minus {
            self.buf.push_str(s);
            self.write_padding(w - n, false);
        } else {
            self.write_padding(w - n, zero_ok && self.f.zero);
            self.buf.push_str(s);
        }
    }

    fn do_printf(&mut self, format: &str, args: &[Value]) {
        let b = format.as_bytes();
        let mut i = 0;
        let mut argi = 0;
        let mut reordered = false;
        while i < b.len() {
            let start = i;
            while i < b.len() && b[i] != b'%' {
                i += 1;
            }
            self.buf.push_str(&format[start..i]);
            if i >= b.len() {
                break;
            }
            i += 1; // skip %
            self.f = Flags::default();
            // flags
            while i < b.len() {
                match b[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // argument index [n]
            let (ni, na, ok) = arg_number(format, i, argi, args.len());
            if !ok {
                reordered = true;
            }
            i = ni;
            argi = na;
            // width
            if i < b.len() && b[i] == b'*' {
                i += 1;
                match args.get(argi) {
                    Some(Value::Int(n)) => {
                        let n = *n;
                        if n < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        let w = n.unsigned_abs() as usize;
                        if w > 1_000_000 {
                            self.buf.push_str("%!(BADWIDTH)");
                        } else {
                            self.f.wid = Some(w);
                        }
                    }
                    _ => self.buf.push_str("%!(BADWIDTH)"),
                }
                argi += 1;
            } else {
                let (n, ni) = parse_num(b, i);
                if let Some(n) = n {
                    self.f.wid = Some(n);
                }
                i = ni;
            }
            // precision
            if i < b.len() && b[i] == b'.' {
                i += 1;
                if i < b.len() && b[i] == b'*' {
                    i += 1;
                    match args.get(argi) {
                        Some(Value::Int(n)) if *n >= 0 && *n <= 1_000_000 => self.f.prec = Some(*n as usize),
                        _ => self.buf.push_str("%!(BADPREC)"),
                    }
                    argi += 1;
                } else {
                    let (n, ni) = parse_num(b, i);
                    self.f.prec = Some(n.unwrap_or(0));
                    i = ni;
                }
            }
            if i >= b.len() {
                self.buf.push_str("%!(NOVERB)");
                break;
            }
            let verb = format[i..].chars().next().unwrap_or('?');
            i += verb.len_utf8();
            match verb {
                '%' => self.buf.push('%'),
                _ if argi >= args.len() => {
                    self.buf.push_str("%!");
                    self.buf.push(verb);
                    self.buf.push_str("(MISSING)");
                }
                'w' => {
                    self.buf.push_str("%!w(");
                    let a = &args[argi];
                    self.write_bad_inner(a);
                    self.buf.push(')');
                    argi += 1;
                }
                'v' => {
                    if self.f.sharp {
                        self.f.sharp = false;
                        self.f.sharp_v = true;
                    }
                    if self.f.plus {
                        self.f.plus = false;
                        self.f.plus_v = true;
                    }
                    let a = args[argi].clone();
                    self.print_arg(&a, 'v');
                    argi += 1;
                }
                _ => {
                    let a = args[argi].clone();
                    self.print_arg(&a, verb);
                    argi += 1;
                }
            }
        }
        if !reordered && argi < args.len() {
            self.f = Flags::default();
            self.buf.push_str("%!(EXTRA ");
            for (k, a) in args[argi..].iter().enumerate() {
                if k > 0 {
                    self.buf.push_str(", ");
                }
                match a {
                    Value::Nil => self.buf.push_str("<nil>"),
                    _ => {
                        self.buf.push_str(a.type_name());
                        self.buf.push('=');
                        self.print_arg(a, 'v');
                    }
                }
            }
            self.buf.push(')');
        }
    }

    fn write_bad_inner(&mut self, a: &Value) {
        match a {
            Value::Nil => self.buf.push_str("<nil>"),
            _ => {
                self.buf.push_str(a.type_name());
                self.buf.push('=');
                let saved = self.f;
                self.f = Flags::default();
                self.print_value(a, 'v', 0);
                self.f = saved;
            }
        }
    }

    fn bad_verb(&mut self, verb: char, a: &Value) {
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        self.write_bad_inner(a);
        self.buf.push(')');
    }

    fn print_arg(&mut self, a: &Value, verb: char) {
        if let Value::Nil = a {
            match verb {
                'T' | 'v' => self.pad("<nil>", false),
                _ => self.bad_verb(verb, a),
            }
            return;
        }
        if verb == 'T' {
            self.pad(a.type_name(), false);
            return;
        }
        self.print_value(a, verb, 0);
    }

    fn print_value(&mut self, v: &Value, verb: char, depth: usize) {
        if depth > MAX_VALUE_DEPTH {
            self.buf.push_str("<...>");
            return;
        }
        match v {
            Value::Nil => {
                if depth == 0 {
                    self.print_arg(v, verb)
                } else if self.f.sharp_v {
                    self.buf.push_str("interface {}(nil)");
                } else {
                    self.pad("<nil>", false)
                }
            }
            Value::Bool(b) => match verb {
                't' | 'v' => self.pad(if *b { "true" } else { "false" }, false),
                _ => self.bad_verb(verb, v),
            },
            Value::Int(i) => self.fmt_int(*i, verb, v),
            Value::Float(x) => self.fmt_float_verb(*x, verb, v),
            Value::String(s) => self.fmt_string(s, verb, v),
            Value::Method(_) => match verb {
                'v' | 'p' => self.pad("0x0", false),
                _ => self.bad_verb(verb, v),
            },
            Value::List(l) => {
                if self.f.sharp_v {
                    self.buf.push_str("[]interface {}{");
                    for (i, e) in l.to_vec().iter().enumerate() {
                        if i > 0 {
                            self.buf.push_str(", ");
                        }
                        self.print_value(e, verb, depth + 1);
                    }
                    self.buf.push('}');
                    return;
                }
                self.buf.push('[');
                for (i, e) in l.to_vec().iter().enumerate() {
                    if i > 0 {
                        self.buf.push(' ');
                    }
                    self.print_value(e, verb, depth + 1);
                }
                self.buf.push(']');
            }
            Value::Map(m) => {
                if self.f.sharp_v {
                    self.buf.push_str("map[string]interface {}{");
                } else {
                    self.buf.push_str("map[");
                }
                for (i, (k, e)) in m.entries().iter().enumerate() {
                    if i > 0 {
                        self.buf.push_str(if self.f.sharp_v { ", " } else { " " });
                    }
                    self.print_value(&Value::String(k.clone()), verb, depth + 1);
                    self.buf.push(':');
                    self.print_value(e, verb, depth + 1);
                }
                self.buf.push(if self.f.sharp_v { '}' } else { ']' });
            }
        }
    }

    fn fmt_string(&mut self, s: &str, verb: char, v: &Value) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    let q = quote(s);
                    self.pad(&q, false)
                } else {
                    self.fmt_s(s)
                }
            }
            's' => self.fmt_s(s),
            'x' | 'X' => {
                let s = self.truncate(s);
                let mut out = String::new();
                let bytes = s.as_bytes();
                for (i, byte) in bytes.iter().enumerate() {
                    if self.f.space && i > 0 {
                        out.push(' ');
                    }
                    if self.f.sharp && (self.f.space || i == 0) {
                        out.push_str(if verb == 'x' { "0x" } else { "0X" });
                    }
                    if verb == 'x' {
                        out.push_str(&format!("{byte:02x}"));
                    } else {
                        out.push_str(&format!("{byte:02X}"));
                    }
                }
                self.pad(&out, false);
            }
            'q' => {
                let s = self.truncate(s);
                let q = if self.f.sharp
                    && !s.contains('`')
                    && s.chars().all(|c| c == '\t' || (is_print(c) && c != '\u{FEFF}'))
                {
                    format!("`{s}`")
                } else if self.f.plus {
                    quote_ascii(&s)
                } else {
                    quote(&s)
                };
                self.pad(&q, false);
            }
            _ => self.bad_verb(verb, v),
        }
    }

    fn truncate(&self, s: &str) -> String {
        match self.f.prec {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        }
    }

    fn fmt_s(&mut self, s: &str) {
        let t = self.truncate(s);
        self.pad(&t, false);
    }

    fn fmt_int(&mut self, i: i64, verb: char, v: &Value) {
        match verb {
            'v' | 'd' => self.fmt_integer(i, 10, verb),
            'b' => self.fmt_integer(i, 2, verb),
            'o' | 'O' => self.fmt_integer(i, 8, verb),
            'x' => self.fmt_integer(i, 16, verb),
            'X' => self.fmt_integer(i, 16, verb),
            'c' => {
                let c = u32::try_from(i).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                self.pad(&c.to_string(), false);
            }
            'q' => {
                let c = u32::try_from(i).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                let q = if self.f.sharp && is_print(c) && c != '\'' {
                    format!("'{c}'")
                } else {
                    quote_rune(c, self.f.plus)
                };
                self.pad(&q, false);
            }
            'U' => {
                let mut s = format!("U+{:04X}", i);
                if i < 0 {
                    s = format!("U+-{:04X}", i.unsigned_abs());
                }
                if self.f.sharp
                    && let Some(c) = u32::try_from(i).ok().and_then(char::from_u32)
                    && is_print(c)
                {
                    s.push_str(&format!(" '{c}'"));
                }
                self.pad(&s, false);
            }
            _ => self.bad_verb(verb, v),
        }
    }

    fn fmt_integer(&mut self, i: i64, base: u32, verb: char) {
        let neg = i < 0;
        let u = i.unsigned_abs();
        let mut digits = match base {
            2 => format!("{u:b}"),
            8 => format!("{u:o}"),
            16 if verb == 'X' => format!("{u:X}"),
            16 => format!("{u:x}"),
            _ => u.to_string(),
        };
        let mut zero_pad_to = None;
        if let Some(p) = self.f.prec {
            if p == 0 && u == 0 {
                // Go prints nothing but padding.
                let save_zero = self.f.zero;
                self.f.zero = false;
                self.pad("", false);
                self.f.zero = save_zero;
                return;
            }
            if digits.len() < p {
                digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
            }
        } else if self.f.zero && !self.f.minus && self.f.wid.is_some() {
            zero_pad_to = self.f.wid;
        }
        let mut prefix = String::new();
        if neg {
            prefix.push('-');
        } else if self.f.plus {
            prefix.push('+');
        } else if self.f.space {
            prefix.push(' ');
        }
        match (base, verb) {
            (8, 'O') => prefix.push_str("0o"),
            (8, _) if self.f.sharp && !digits.starts_with('0') => digits.insert(0, '0'),
            (16, 'x') if self.f.sharp => prefix.push_str("0x"),
            (16, 'X') if self.f.sharp => prefix.push_str("0X"),
            (2, _) if self.f.sharp => prefix.push_str("0b"),
            _ => {}
        }
        if let Some(w) = zero_pad_to {
            let total = prefix.len() + digits.len();
            if total < w {
                digits = format!("{}{}", "0".repeat(w - total), digits);
            }
            let s = format!("{prefix}{digits}");
            self.buf.push_str(&s);
            return;
        }
        let s = format!("{prefix}{digits}");
        self.pad(&s, false);
    }

    fn fmt_float_verb(&mut self, x: f64, verb: char, v: &Value) {
        match verb {
            'v' => self.fmt_float(x, 'g', None),
            'g' | 'G' | 'b' | 'x' | 'X' => self.fmt_float(x, verb, None),
            'f' | 'F' | 'e' | 'E' => self.fmt_float(x, verb, Some(6)),
            _ => self.bad_verb(verb, v),
        }
    }

    fn fmt_float(&mut self, x: f64, verb: char, default_prec: Option<usize>) {
        let prec = if self.f.prec.is_some() { self.f.prec } else { default_prec };
        let mut num = format_float(x, verb, prec);
        if self.f.sharp && verb != 'b' && x.is_finite() {
            num = sharp_float(&num, verb, prec);
        }
        let (sign, body) = match num.as_bytes().first() {
            Some(b'-') => ("-", &num[1..]),
            Some(b'+') => ("+", &num[1..]),
            _ => ("+", num.as_str()),
        };
        let sign = if sign == "+" && self.f.space && !self.f.plus { " " } else { sign };
        if !x.is_finite() {
            let s = if x.is_nan() {
                if self.f.plus || self.f.space { format!("{sign}NaN") } else { "NaN".to_string() }
            } else if sign == "+" && !self.f.plus {
                // strconv writes +Inf; fmt keeps it
                format!("+{body}")
            } else {
                format!("{sign}{body}")
            };
            self.pad(&s, false);
            return;
        }
        if self.f.plus || sign != "+" {
            if self.f.zero
                && !self.f.minus
                && let Some(w) = self.f.wid
                && w > 1 + body.len()
            {
                self.buf.push_str(sign);
                self.write_padding(w - 1 - body.len(), true);
                self.buf.push_str(body);
                return;
            }
            let s = format!("{sign}{body}");
            self.pad(&s, true);
            return;
        }
        let body = body.to_string();
        self.pad(&body, true);
    }
}

/// Go's `#` flag for floats: keep the decimal point (and trailing zeros for %g).
fn sharp_float(num: &str, verb: char, prec: Option<usize>) -> String {
    let (mant, exp) = match num.find(['e', 'E']) {
        Some(i) => (&num[..i], &num[i..]),
        None => (num, ""),
    };
    let mut mant = mant.to_string();
    if !mant.contains('.') {
        mant.push('.');
    }
    if matches!(verb, 'g' | 'G') {
        let digits = prec.unwrap_or(6).max(1);
        let have = mant.chars().filter(|c| c.is_ascii_digit()).count();
        let lead_zeros = {
            let t = mant.trim_start_matches(['-', '+']);
            let t = t.trim_start_matches('0');
            let t = t.strip_prefix('.').map(|r| r.len() - r.trim_start_matches('0').len()).unwrap_or(0);
            t + usize::from(mant.trim_start_matches(['-', '+']).starts_with('0'))
        };
        let sig = have.saturating_sub(lead_zeros);
        if sig < digits {
            mant.push_str(&"0".repeat(digits - sig));
        }
    }
    format!("{mant}{exp}")
}

fn parse_num(b: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let start = i;
    let mut n: usize = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add(usize::from(b[i] - b'0'));
        if n > 1_000_000 {
            n = 1_000_000;
        }
        i += 1;
    }
    if i == start { (None, i) } else { (Some(n), i) }
}

/// Parses an optional `[n]` argument index; returns (new pos, arg index, ok-not-reordered).
fn arg_number(format: &str, i: usize, argi: usize, nargs: usize) -> (usize, usize, bool) {
    let b = format.as_bytes();
    if i >= b.len() || b[i] != b'[' {
        return (i, argi, true);
    }
    let Some(close) = format[i..].find(']') else { return (i, argi, true) };
    let inner = &format[i + 1..i + close];
    match inner.parse::<usize>() {
        Ok(n) if n >= 1 && n <= nargs => (i + close + 1, n - 1, false),
        _ => (i + close + 1, nargs, false),
    }
}

/// Decimal digits of |x| and the decimal point position (Go's strconv `decimalSlice`).
fn digits_of(s: &str) -> (Vec<u8>, i32) {
    // s is Rust scientific output like "1.2345e-7" (no sign)
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return (d, 0);
    }
    (d, exp + 1)
}

/// `strconv.FormatFloat(x, fmt, prec, 64)` for fmt in e, E, f, F, g, G, b, x, X (`prec` None = -1).
/// Shortest %g (and %v) of a whole number below 1e6 (the %e threshold): its integer form.
fn small_whole(x: f64) -> Option<String> {
    let whole = x.fract() == 0.0 && x.abs() < 1e6 && !(x == 0.0 && x.is_sign_negative());
    whole.then(|| (x as i64).to_string())
}

pub fn format_float(x: f64, fmt: char, prec: Option<usize>) -> String {
    if fmt == 'g'
        && prec.is_none()
        && let Some(whole) = small_whole(x)
    {
        return whole;
    }
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf".into() } else { "-Inf".into() };
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    match fmt {
        'b' => {
            let bits = a.to_bits();
            let mant = bits & ((1u64 << 52) - 1);
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let (m, e) = if exp == 0 { (mant, -1074) } else { (mant | (1u64 << 52), exp - 1075) };
            out.push_str(&format!("{m}p{}{e}", if e >= 0 { "+" } else { "" }));
            return out;
        }
        'x' | 'X' => {
            out.push_str(&hex_float(a, prec, fmt == 'X'));
            return out;
        }
        _ => {}
    }
    let shortest = prec.is_none();
    let (digs, dp, prec) = match (fmt, prec) {
        (_, None) => {
            let (d, dp) = digits_of(&format!("{a:e}"));
            let nd = d.len() as i32;
            let p = match fmt {
                'e' | 'E' => (nd - 1).max(0),
                'f' | 'F' => (nd - dp).max(0),
                _ => nd,
            };
            (d, dp, p)
        }
        ('e' | 'E', Some(p)) => {
            let (d, dp) = digits_of(&format!("{a:.p$e}"));
            (d, dp, p as i32)
        }
        ('f' | 'F', Some(p)) => {
            let s = format!("{a:.p$}");
            let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
            let mut d: Vec<u8> = format!("{ip}{fp}").into_bytes();
            let mut dp = ip.len() as i32;
            while d.first() == Some(&b'0') {
                d.remove(0);
                dp -= 1;
            }
            while d.last() == Some(&b'0') {
                d.pop();
            }
            if d.is_empty() {
                dp = 0;
            }
            (d, dp, p as i32)
        }
        (_, Some(p)) => {
            let p = p.max(1);
            let (d, dp) = digits_of(&format!("{a:.*e}", p - 1));
            (d, dp, p as i32)
        }
    };
    let nd = digs.len() as i32;
    match fmt {
        'e' | 'E' => fmt_e(&mut out, &digs, dp, prec, fmt),
        'f' | 'F' => fmt_f(&mut out, &digs, dp, prec),
        _ => {
            let mut eprec = prec;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec {
                let p = if prec > nd { nd } else { prec };
                fmt_e(&mut out, &digs, dp, p - 1, if fmt == 'G' { 'E' } else { 'e' });
            } else {
                let p = if prec > dp { nd } else { prec };
                fmt_f(&mut out, &digs, dp, (p - dp).max(0));
            }
        }
    }
    out
}

fn fmt_e(out: &mut String, d: &[u8], dp: i32, prec: i32, e: char) {
    out.push(char::from(*d.first().unwrap_or(&b'0')));
    if prec > 0 {
        out.push('.');
        let mut i = 1usize;
        let m = (d.len()).min(prec as usize + 1);
        while i < m {
            out.push(char::from(d[i]));
            i += 1;
        }
        while i <= prec as usize {
            out.push('0');
            i += 1;
        }
    }
    out.push(e);
    let exp = if d.is_empty() { 0 } else { dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let ea = exp.unsigned_abs();
    if ea < 10 {
        out.push('0');
    }
    out.push_str(&ea.to_string());
}

fn fmt_f(out: &mut String, d: &[u8], dp: i32, prec: i32) {
    if dp > 0 {
        let m = (d.len()).min(dp as usize);
        out.extend(d[..m].iter().map(|&c| char::from(c)));
        for _ in m..dp as usize {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = dp + i - 1;
            let c = if j < 0 || j >= d.len() as i32 { b'0' } else { d[j as usize] };
            out.push(char::from(c));
        }
    }
}

fn hex_float(a: f64, prec: Option<usize>, upper: bool) -> String {
    if a == 0.0 {
        let mut s = String::from("0x0");
        if let Some(p) = prec
            && p > 0
        {
            s.push('.');
            s.push_str(&"0".repeat(p));
        }
        s.push_str("p+00");
        return if upper { s.to_uppercase() } else { s };
    }
    let bits = a.to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mut mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        // subnormal: normalise
        exp = -1022;
        while mant & (1u64 << 52) == 0 {
            mant <<= 1;
            exp -= 1;
        }
        mant &= (1u64 << 52) - 1;
    } else {
        exp -= 1023;
    }
    let mut frac = format!("{mant:013x}");
    match prec {
        None => {
            while frac.ends_with('0') {
                frac.pop();
            }
        }
        Some(p) if p < 13 => {
            // round to p hex digits (half to even)
            let full = (1u64 << 52) | mant;
            let shift = 4 * (13 - p as u32);
            let mut q = full >> shift;
            let rem = full & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            if rem > half || (rem == half && q & 1 == 1) {
                q += 1;
            }
            if q >> (4 * p as u32) >= 2 {
                q >>= 1;
                exp += 1;
            }
            let f = q & ((1u64 << (4 * p as u32)) - 1);
            frac = if p == 0 { String::new() } else { format!("{f:0width$x}", width = p) };
        }
        Some(p) => frac.push_str(&"0".repeat(p - 13)),
    }
    let mut s = String::from("0x1");
    if !frac.is_empty() {
        s.push('.');
        s.push_str(&frac);
    }
    s.push('p');
    s.push(if exp < 0 { '-' } else { '+' });
    let ea = exp.unsigned_abs();
    if ea < 10 {
        s.push('0');
    }
    s.push_str(&ea.to_string());
    if upper { s.to_uppercase() } else { s }
}

/// Go's `unicode.IsPrint` (approximation adequate for quoting).
pub(crate) fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E
        | 0x2060..=0x206F | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xFFFE | 0xFFFF | 0xF0000.. )
}

fn push_escaped(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        '\\' => out.push_str("\\\\"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x80 && is_print(c) => out.push(c),
        c if !ascii_only && is_print(c) => out.push(c),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// Go's `strconv.Quote`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    if s.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\') {
        // printable ASCII other than the quote and the backslash stands for itself
        out.push_str(s);
    } else {
        for c in s.chars() {
            push_escaped(&mut out, c, '"', false);
        }
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteToASCII`.
pub fn quote_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"', true);
    }
    out.push('"');
    out
}

fn quote_rune(c: char, ascii: bool) -> String {
    let mut out = String::from("'");
    push_escaped(&mut out, c, '\'', ascii);
    out.push('\'');
    out
}

/// Go's `strconv.Unquote` for `"..."` and `` `...` `` literals (None when invalid).
pub(crate) fn unquote(s: &str) -> Option<String> {
    if s.len() >= 2 && s.starts_with('`') && s.ends_with('`') {
        let inner = &s[1..s.len() - 1];
        if inner.contains('`') {
            return None;
        }
        return Some(inner.replace('\r', ""));
    }
    if s.len() < 2 || !s.starts_with('"') || !s.ends_with('"') {
        return None;
    }
    let inner = &s[1..s.len() - 1];
    let mut bytes: Vec<u8> = Vec::with_capacity(inner.len());
    let mut rest = inner;
    while !rest.is_empty() {
        let (piece, tail) = unquote_one(rest, '"')?;
        match piece {
            Piece::Char(c) => {
                let mut b = [0u8; 4];
                bytes.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
            Piece::Byte(b) => bytes.push(b),
        }
        rest = tail;
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Decodes a single (possibly escaped) character that must be all of `s` (char constants).
pub(crate) fn unquote_char(s: &str, quote: char) -> Option<char> {
    let (piece, tail) = unquote_one(s, quote)?;
    if !tail.is_empty() {
        return None;
    }
    match piece {
        Piece::Char(c) => Some(c),
        Piece::Byte(b) => Some(char::from(b)),
    }
}

enum Piece {
    Char(char),
    Byte(u8),
}

fn unquote_one(s: &str, quote: char) -> Option<(Piece, &str)> {
    let mut it = s.chars();
    let c = it.next()?;
    if c == quote && (quote == '\'' || quote == '"') {
        return None;
    }
    if c != '\\' {
        if c == '\n' {
            return None;
        }
        return Some((Piece::Char(c), it.as_str()));
    }
    let e = it.next()?;
    let rest = it.as_str();
    let simple = |ch: char| Some((Piece::Char(ch), rest));
    match e {
        'a' => simple('\u{7}'),
        'b' => simple('\u{8}'),
        'f' => simple('\u{c}'),
        'n' => simple('\n'),
        'r' => simple('\r'),
        't' => simple('\t'),
        'v' => simple('\u{b}'),
        '\\' => simple('\\'),
        '\'' | '"' => {
            if e != quote {
                return None;
            }
            simple(e)
        }
        'x' => {
            let h = rest.get(..2)?;
            let v = u8::from_str_radix(h, 16).ok()?;
            if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            Some((Piece::Byte(v), &rest[2..]))
        }
        'u' | 'U' => {
            let n = if e == 'u' { 4 } else { 8 };
            let h = rest.get(..n)?;
            if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let v = u32::from_str_radix(h, 16).ok()?;
            let c = char::from_u32(v)?;
            Some((Piece::Char(c), &rest[n..]))
        }
        '0'..='7' => {
            let o = s.get(1..4)?;
            if !o.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                return None;
            }
            let v = u32::from_str_radix(o, 8).ok()?;
            let b = u8::try_from(v).ok()?;
            Some((Piece::Byte(b), &s[4..]))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::format_float;

    #[test]
    fn quote_escapes_only_what_go_escapes() {
        assert_eq!(super::quote("plain text: 1/2 'x'"), r#""plain text: 1/2 'x'""#);
        assert_eq!(super::quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(super::quote("tab\there\u{7f}é"), r#""tab\there\x7fé""#);
    }

    #[test]
    fn percent_v_of_whole_floats() {
        use crate::Value;
        for (x, want) in [(15020.0, "15020"), (-0.0, "-0"), (1e6, "1e+06"), (2.5, "2.5")] {
            assert_eq!(super::sprint_v(&Value::Float(x)), want, "{x}");
        }
    }

    #[test]
    fn shortest_g_of_whole_numbers() {
        for (x, want) in [
            (15020.0, "15020"),
            (999_999.0, "999999"),
            (100_000.0, "100000"),
            (1e6, "1e+06"),
            (-3.0, "-3"),
            (0.0, "0"),
            (-0.0, "-0"),
            (0.5, "0.5"),
            (-1e7, "-1e+07"),
        ] {
            assert_eq!(format_float(x, 'g', None), want, "{x}");
        }
    }
}
