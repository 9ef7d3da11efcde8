//! Flag value syntax shared by every command, following Go's pflag so existing scripts keep parsing:
//! booleans written `--flag`, `--flag=true` or `--flag=false` (Go `strconv.ParseBool` spellings) and durations
//! in Go's `time.ParseDuration` form (`5m0s`, `1h30m`, `300ms`).

use std::time::Duration;

use istioctl::version::go_quote;

/// Parses a boolean flag value the way Go's `strconv.ParseBool` does.
pub fn go_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!("strconv.ParseBool: parsing {}: invalid syntax", go_quote(s))),
    }
}

/// Parses an integer flag value the way pflag's int flags do (Go `strconv.ParseInt` with base prefixes:
/// `0x`, `0o`, `0b`, a leading `0` for octal, `_` between digits).
pub fn go_int(s: &str) -> Result<i64, String> {
    let syntax = || format!("strconv.ParseInt: parsing {}: invalid syntax", go_quote(s));
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits, prefixed) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d, true)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d, true)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d, true)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..], true)
    } else {
        (10, lower.as_str(), false)
    };
    // Underscores are allowed only with a base prefix, and only between digits.
    if digits.contains('_') && (!prefixed || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__"))
    {
        return Err(syntax());
    }
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(syntax());
    }
    let range = || format!("strconv.ParseInt: parsing {}: value out of range", go_quote(s));
    // The digits are valid, so the only possible failure left is overflow.
    let magnitude = u64::from_str_radix(&digits, radix).map_err(|_| range())?;
    if negative {
        0i64.checked_sub_unsigned(magnitude).ok_or_else(range)
    } else {
        i64::try_from(magnitude).map_err(|_| range())
    }
}

/// Parses a duration the way Go's `time.ParseDuration` does. A negative duration means "no time at all".
pub fn go_duration(orig: &str) -> Result<Duration, String> {
    let invalid = || format!("time: invalid duration {}", go_quote(orig));
    let mut s = orig;
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-') {
        negative = true;
        s = rest;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    if s == "0" {
        return Ok(Duration::ZERO);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u128 = 0;
    while !s.is_empty() {
        if !s.starts_with(|c: char| c == '.' || c.is_ascii_digit()) {
            return Err(invalid());
        }
        let int_len = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (int_part, rest) = s.split_at(int_len);
        s = rest;
        let mut frac_part = "";
        let mut has_dot = false;
        if let Some(rest) = s.strip_prefix('.') {
            has_dot = true;
            let frac_len = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            (frac_part, s) = rest.split_at(frac_len);
        }
        if int_part.is_empty() && (!has_dot || frac_part.is_empty()) {
            return Err(invalid());
        }
        let unit_len = s.find(|c: char| c == '.' || c.is_ascii_digit()).unwrap_or(s.len());
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", go_quote(orig)));
        }
        let (unit, rest) = s.split_at(unit_len);
        s = rest;
        let nanos_per_unit: u128 = match unit {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return Err(format!("time: unknown unit {} in duration {}", go_quote(unit), go_quote(orig))),
        };
        let whole: u128 = if int_part.is_empty() { 0 } else { int_part.parse().map_err(|_| invalid())? };
        let mut nanos = whole.checked_mul(nanos_per_unit).ok_or_else(invalid)?;
        // The fraction contributes digit by digit, as Go does, truncating below a nanosecond.
        let mut scale = nanos_per_unit;
        for digit in frac_part.bytes() {
            scale /= 10;
            if scale == 0 {
                break;
            }
            nanos += u128::from(digit - b'0') * scale;
        }
        total = total.checked_add(nanos).ok_or_else(invalid)?;
        if total > i64::MAX as u128 {
            return Err(invalid());
        }
    }
    if negative {
        return Ok(Duration::ZERO);
    }
    u64::try_from(total).map(Duration::from_nanos).map_err(|_| invalid())
}

/// Formats a list of strings like Go's `%#v` of a `[]string` (used in upstream's argument errors).
pub fn go_string_slice(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| go_quote(s)).collect();
    format!("[]string{{{}}}", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_follow_parse_bool() {
        for t in ["1", "t", "T", "TRUE", "true", "True"] {
            assert_eq!(go_bool(t), Ok(true), "{t}");
        }
        for f in ["0", "f", "F", "FALSE", "false", "False"] {
            assert_eq!(go_bool(f), Ok(false), "{f}");
        }
        assert_eq!(go_bool("yes"), Err(r#"strconv.ParseBool: parsing "yes": invalid syntax"#.to_string()));
    }

    #[test]
    fn ints_follow_parse_int() {
        assert_eq!(go_int("15012"), Ok(15012));
        assert_eq!(go_int("-1"), Ok(-1));
        assert_eq!(go_int("0x10"), Ok(16));
        assert_eq!(go_int("010"), Ok(8));
        assert_eq!(go_int("0b1_0"), Ok(2));
        assert_eq!(go_int("0"), Ok(0));
        assert_eq!(go_int("http"), Err(r#"strconv.ParseInt: parsing "http": invalid syntax"#.to_string()));
        assert_eq!(go_int("1_0"), Err(r#"strconv.ParseInt: parsing "1_0": invalid syntax"#.to_string()));
        assert_eq!(go_int("09"), Err(r#"strconv.ParseInt: parsing "09": invalid syntax"#.to_string()));
        assert_eq!(go_int("-9223372036854775808"), Ok(i64::MIN));
        assert!(go_int("9223372036854775808").is_err());
        assert!(go_int("340282366920938463463374607431768211451").is_err());
        assert_eq!(
            go_int("99999999999999999999"),
            Err(r#"strconv.ParseInt: parsing "99999999999999999999": value out of range"#.to_string())
        );
    }

    #[test]
    fn durations_follow_parse_duration() {
        assert_eq!(go_duration("5m0s"), Ok(Duration::from_secs(300)));
        assert_eq!(go_duration("300s"), Ok(Duration::from_secs(300)));
        assert_eq!(go_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(go_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(go_duration(".5s"), Ok(Duration::from_millis(500)));
        assert_eq!(go_duration("100ms"), Ok(Duration::from_millis(100)));
        assert_eq!(go_duration("2us"), Ok(Duration::from_micros(2)));
        assert_eq!(go_duration("2µs"), Ok(Duration::from_micros(2)));
        assert_eq!(go_duration("0"), Ok(Duration::ZERO));
        assert_eq!(go_duration("-3s"), Ok(Duration::ZERO));
        assert_eq!(go_duration("abc"), Err(r#"time: invalid duration "abc""#.to_string()));
        assert_eq!(go_duration(""), Err(r#"time: invalid duration """#.to_string()));
        assert_eq!(go_duration("."), Err(r#"time: invalid duration ".""#.to_string()));
        assert_eq!(go_duration("5"), Err(r#"time: missing unit in duration "5""#.to_string()));
        assert_eq!(go_duration("5x"), Err(r#"time: unknown unit "x" in duration "5x""#.to_string()));
        assert!(go_duration("9999999999h").is_err());
    }

    #[test]
    fn string_slices_print_like_go() {
        assert_eq!(go_string_slice(&["x".into(), "y\"".into()]), r#"[]string{"x", "y\""}"#);
    }
}
