//! Encodings Sprig/Helm functions need, matching Go's output: `encoding/json` (sorted keys, HTML
//! escaping, Go float formatting, `MarshalIndent`), standard base64 and SHA-256.

use crate::gofmt::format_float;
use crate::value::{MAX_VALUE_DEPTH, Value};

/// Go's `json.Marshal` (or `MarshalIndent(v, "", "  ")` when `pretty`); `html` escapes `<`, `>`,
/// `&` as `\u003c` etc. like `json.Marshal` does. Errors carry Go's message.
pub fn json_encode(v: &Value, html: bool, pretty: bool) -> Result<String, String> {
    let mut out = String::new();
    enc(&mut out, v, html, if pretty { Some(0) } else { None }, 0)?;
    Ok(out)
}

fn newline(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn enc(out: &mut String, v: &Value, html: bool, indent: Option<usize>, depth: usize) -> Result<(), String> {
    if depth > MAX_VALUE_DEPTH {
        return Err("json: unsupported value: encountered a cycle".into());
    }
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&json_float(*f)?),
        Value::String(s) => json_string(out, s, html),
        Value::Method(_) => return Err("json: unsupported type: func(...) interface {}".into()),
        Value::List(l) => {
            let items = l.to_vec();
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, e) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(lv) = indent {
                    newline(out, lv + 1);
                }
                enc(out, e, html, indent.map(|l| l + 1), depth + 1)?;
            }
            if let Some(lv) = indent {
                newline(out, lv);
            }
            out.push(']');
        }
        Value::Map(m) => {
            let entries = m.entries();
            if entries.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            for (i, (k, e)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(lv) = indent {
                    newline(out, lv + 1);
                }
                json_string(out, k, html);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                enc(out, e, html, indent.map(|l| l + 1), depth + 1)?;
            }
            if let Some(lv) = indent {
                newline(out, lv);
            }
            out.push('}');
        }
    }
    Ok(())
}

/// Go's encoding/json float64 text.
pub fn json_float(f: f64) -> Result<String, String> {
    if !f.is_finite() {
        return Err(format!("json: unsupported value: {}", format_float(f, 'g', None)));
    }
    let a = f.abs();
    let e = a != 0.0 && !(1e-6..1e21).contains(&a);
    let mut s = format_float(f, if e { 'e' } else { 'f' }, None);
    if e {
        // e-09 -> e-9
        let b = s.as_bytes();
        let n = b.len();
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
            s.remove(n - 2);
        }
    }
    Ok(s)
}

fn json_string(out: &mut String, s: &str, html: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' if html => {
                let b = c as u8;
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
            c if (c as u32) < 0x20 => {
                let b = c as u8;
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's `json.Unmarshal` into `interface{}` (numbers become float64). Errors carry a message.
pub fn json_decode(s: &str) -> Result<Value, String> {
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(j) => Ok(Value::from_json_f64(&j)),
        Err(e) => Err(if e.is_eof() { "unexpected end of JSON input".to_string() } else { e.to_string() }),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (Go's `base64.StdEncoding.EncodeToString`).
pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base64.StdEncoding.DecodeString` (newlines ignored, strict padding); the error is Go's
/// `illegal base64 data at input byte N`.
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let bytes: Vec<(usize, u8)> = s.bytes().enumerate().filter(|(_, b)| *b != b'\n' && *b != b'\r').collect();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let err = |i: usize| format!("illegal base64 data at input byte {i}");
    let mut i = 0;
    while i < bytes.len() {
        let mut vals = [0u32; 4];
        let mut n = 0;
        while n < 4 {
            let Some(&(pos, b)) = bytes.get(i + n) else {
                return Err(err(bytes.get(i).map(|p| p.0).unwrap_or(s.len())));
            };
            if b == b'=' {
                // padding: need at least 2 data chars, and the rest must be '=' and end of input
                if n < 2 {
                    return Err(err(pos));
                }
                let pads_needed = 4 - n;
                for k in 0..pads_needed {
                    match bytes.get(i + n + k) {
                        Some(&(_, b'=')) => {}
                        Some(&(p, _)) => return Err(err(p)),
                        None => return Err(err(s.len())),
                    }
                }
                if let Some(&(p, _)) = bytes.get(i + 4) {
                    return Err(err(p));
                }
                break;
            }
            let Some(v) = B64.iter().position(|c| *c == b) else { return Err(err(pos)) };
            vals[n] = v as u32;
            n += 1;
        }
        let word = (vals[0] << 18) | (vals[1] << 12) | (vals[2] << 6) | vals[3];
        let full = [(word >> 16) as u8, (word >> 8) as u8, word as u8];
        out.extend_from_slice(&full[..n.saturating_sub(1).min(3)]);
        i += 4;
    }
    Ok(out)
}

/// SHA-256 digest as lower-case hex (Sprig's `sha256sum`).
pub fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}
