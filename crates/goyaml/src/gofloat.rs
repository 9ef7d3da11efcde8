//! Go's `strconv.FormatFloat(f, 'g', -1, bits)`: shortest round-trip digits, `%e` form when the
//! decimal exponent is below -4 or at least 6 (`1e+21`, `1.5e-07`), otherwise `%f` form.

/// Formats a float64 like `strconv.FormatFloat(f, 'g', -1, 64)`.
pub(crate) fn format_g64(f: f64) -> String {
    if !f.is_finite() {
        return non_finite(f);
    }
    from_sci(&format!("{f:e}"))
}

/// Formats like `strconv.FormatFloat(f, 'g', -1, 32)` (shortest digits that identify the float32).
pub(crate) fn format_g32(f: f64) -> String {
    if !f.is_finite() {
        return non_finite(f);
    }
    // Go rounds to float32 first; out-of-range values become infinities.
    #[allow(clippy::cast_possible_truncation)]
    let f32v = f as f32;
    if !f32v.is_finite() {
        return non_finite(f64::from(f32v));
    }
    from_sci(&format!("{f32v:e}"))
}

fn non_finite(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f > 0.0 {
        "+Inf".into()
    } else {
        "-Inf".into()
    }
}

/// Rewrites Rust's shortest scientific form (`-1.25e-7`) into Go's `'g'` layout.
fn from_sci(sci: &str) -> String {
    let (neg, sci) = match sci.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, sci),
    };
    let (mant, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if digits.bytes().all(|d| d == b'0') {
        out.push('0');
        return out;
    }
    let nd = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    // `exp` is the exponent of the first digit: the decimal point sits after `exp + 1` digits.
    if !(-4..6).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
        return out;
    }
    let dp = exp + 1;
    if dp <= 0 {
        out.push_str("0.");
        for _ in 0..-dp {
            out.push('0');
        }
        out.push_str(&digits);
    } else if dp >= nd {
        out.push_str(&digits);
        for _ in 0..dp - nd {
            out.push('0');
        }
    } else {
        let (int, frac) = digits.split_at(usize::try_from(dp).unwrap_or(0));
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_g_format() {
        let cases: &[(f64, &str)] = &[
            (0.5, "0.5"),
            (2.0, "2"),
            (-0.0, "-0"),
            (0.0, "0"),
            (100000.0, "100000"),
            (1e6, "1e+06"),
            (1234567.5, "1.2345675e+06"),
            (123456.5, "123456.5"),
            (1e21, "1e+21"),
            (1e-7, "1e-07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e300, "1.5e+300"),
            (-3.25, "-3.25"),
            (f64::INFINITY, "+Inf"),
        ];
        for (f, want) in cases {
            assert_eq!(format_g64(*f), *want, "{f}");
        }
        assert_eq!(format_g32(0.1), "0.1");
        assert_eq!(format_g32(123456789.0), "1.2345679e+08");
        assert_eq!(format_g32(1e39), "+Inf");
    }
}
