//! Kubernetes `resource.Quantity` parsing and canonical printing.
//!
//! Upstream round-trips every resource quantity through the Go `Quantity` type, which prints the
//! canonical form (`2000m` -> `2`, `1024Mi` -> `1Gi`, `0.5` -> `500m`). Output must match that.

/// Binary (power of 1024) suffixes in increasing order; index = power.
const BINARY_SUFFIXES: [&str; 7] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
/// Decimal SI suffixes with their base-10 exponent.
const DECIMAL_SUFFIXES: [(&str, i32); 10] =
    [("n", -9), ("u", -6), ("m", -3), ("", 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18)];

/// How the input spelled its suffix (Go's `resource.Format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    DecimalSi,
    BinarySi,
    DecimalExponent,
}

/// A parsed quantity: `negative`, `mantissa * 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parsed {
    negative: bool,
    mantissa: u128,
    exp: i32,
    format: Format,
}

/// Why a quantity did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    /// Go's `ErrFormatWrong`.
    #[error("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    Format,
    /// Too large for this implementation.
    #[error("quantity too large")]
    Overflow,
}

fn pow10(e: u32) -> Option<u128> {
    10u128.checked_pow(e)
}

fn parse(s: &str) -> Result<Parsed, QuantityError> {
    let s = s.trim();
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let (num, suffix) = rest.split_at(num_end);
    if num.is_empty() || num == "." || num.matches('.').count() > 1 {
        return Err(QuantityError::Format);
    }
    let (int_part, frac_part) = num.split_once('.').unwrap_or((num, ""));
    let digits = format!("{int_part}{frac_part}");
    let digits = digits.trim_start_matches('0');
    let mut mantissa: u128 = 0;
    for d in digits.bytes() {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d - b'0')))
            .ok_or(QuantityError::Overflow)?;
    }
    let frac_len = i32::try_from(frac_part.len()).map_err(|_| QuantityError::Overflow)?;
    let mut exp = -frac_len;
    let format;
    if let Some(power) = BINARY_SUFFIXES.iter().position(|b| !b.is_empty() && *b == suffix) {
        format = Format::BinarySi;
        let factor = 1024u128.checked_pow(u32::try_from(power).unwrap_or(0)).ok_or(QuantityError::Overflow)?;
        mantissa = mantissa.checked_mul(factor).ok_or(QuantityError::Overflow)?;
    } else if let Some((_, e)) = DECIMAL_SUFFIXES.iter().find(|(d, _)| *d == suffix) {
        format = Format::DecimalSi;
        exp += e;
    } else if let Some(e) = suffix.strip_prefix(['e', 'E']) {
        format = Format::DecimalExponent;
        let e: i32 = e.parse().map_err(|_| QuantityError::Format)?;
        exp = exp.checked_add(e).ok_or(QuantityError::Overflow)?;
    } else {
        return Err(QuantityError::Format);
    }
    // Go rounds anything finer than nano up to the next nano.
    if exp < -9 {
        let shift = u32::try_from(-9 - exp).map_err(|_| QuantityError::Overflow)?;
        let div = pow10(shift).ok_or(QuantityError::Overflow)?;
        let q = mantissa / div;
        mantissa = if mantissa.is_multiple_of(div) { q } else { q + 1 };
        exp = -9;
    }
    Ok(Parsed { negative, mantissa, exp, format })
}

/// Checks that `s` is a valid Kubernetes quantity.
pub fn validate(s: &str) -> Result<(), QuantityError> {
    parse(s).map(|_| ())
}

/// Whether `s` is its own canonical form by its shape alone: one to three digits without a leading
/// zero and a known suffix (`100m`, `128Mi`, `2`), which is how pod specs usually spell resources.
/// A shortcut past the full parse; a test checks every such string against it.
fn already_canonical(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = s.split_at(digits);
    (1..=3).contains(&num.len())
        && !num.starts_with('0')
        && (BINARY_SUFFIXES.contains(&suffix) || DECIMAL_SUFFIXES.iter().any(|(x, _)| *x == suffix))
}

/// The canonical spelling of a quantity, or `None` when it does not parse.
pub fn canonical(s: &str) -> Option<String> {
    if already_canonical(s) {
        return Some(s.to_string());
    }
    canonical_parsed(s)
}

/// [`canonical`] by the full parse.
fn canonical_parsed(s: &str) -> Option<String> {
    let p = parse(s).ok()?;
    if p.mantissa == 0 {
        return Some("0".to_string());
    }
    let sign = if p.negative { "-" } else { "" };
    let mut format = p.format;
    if format == Format::BinarySi {
        let integer = if p.exp >= 0 {
            pow10(u32::try_from(p.exp).ok()?).and_then(|f| p.mantissa.checked_mul(f))
        } else {
            let div = pow10(u32::try_from(-p.exp).ok()?)?;
            (p.mantissa % div == 0).then(|| p.mantissa / div)
        };
        match integer {
            Some(v) if v >= 1024 => {
                let mut v = v;
                let mut power = 0;
                while v % 1024 == 0 && power < BINARY_SUFFIXES.len() - 1 {
                    v /= 1024;
                    power += 1;
                }
                return Some(format!("{sign}{v}{}", BINARY_SUFFIXES.get(power).copied().unwrap_or("")));
            }
            _ => format = Format::DecimalSi,
        }
    }
    let (mut mantissa, mut exp) = (p.mantissa, p.exp);
    while mantissa % 10 == 0 {
        mantissa /= 10;
        exp += 1;
    }
    match exp.rem_euclid(3) {
        1 => {
            mantissa = mantissa.checked_mul(10)?;
            exp -= 1;
        }
        2 => {
            mantissa = mantissa.checked_mul(100)?;
            exp -= 2;
        }
        _ => {}
    }
    let suffix = match format {
        Format::DecimalSi => match DECIMAL_SUFFIXES.iter().find(|(_, e)| *e == exp) {
            Some((s, _)) => (*s).to_string(),
            None => format!("e{exp}"),
        },
        _ if exp == 0 => String::new(),
        _ => format!("e{exp}"),
    };
    Some(format!("{sign}{mantissa}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcut_agrees_with_the_full_parse() {
        let suffixes = BINARY_SUFFIXES.iter().copied().chain(DECIMAL_SUFFIXES.iter().map(|(x, _)| *x));
        for suffix in suffixes {
            for n in 0..=1000 {
                let q = format!("{n}{suffix}");
                if already_canonical(&q) {
                    assert_eq!(canonical_parsed(&q).as_deref(), Some(q.as_str()), "{q}");
                }
            }
            assert!(already_canonical(&format!("999{suffix}")));
            assert!(!already_canonical(&format!("1000{suffix}")));
            assert!(!already_canonical(&format!("01{suffix}")));
        }
        assert!(!already_canonical("1x"));
        assert!(!already_canonical("Mi"));
    }

    #[test]
    fn canonical_forms_match_go() {
        for (i, o) in [
            ("2000m", "2"),
            ("1024Mi", "1Gi"),
            ("100m", "100m"),
            ("128Mi", "128Mi"),
            ("4000m", "4"),
            ("0", "0"),
            ("0.5", "500m"),
            ("1000", "1k"),
            ("1", "1"),
            ("1.5Gi", "1536Mi"),
            ("512", "512"),
            ("1e3", "1e3"),
            ("1500m", "1500m"),
            ("1000Mi", "1000Mi"),
            ("500Mi", "500Mi"),
        ] {
            assert_eq!(canonical(i).as_deref(), Some(o), "{i}");
        }
    }

    #[test]
    fn rejects_garbage() {
        assert!(validate("abc").is_err());
        assert!(validate("1Xi").is_err());
        assert!(validate("").is_err());
        assert!(validate("10m").is_ok());
    }
}
