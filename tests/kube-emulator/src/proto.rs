//! Just enough of Kubernetes' protobuf encoding to read the bodies kubectl's typed clients send
//! (`kubectl create namespace|configmap|secret|serviceaccount`): the `k8s\0` envelope (`runtime.Unknown`),
//! `ObjectMeta` (name, generateName, namespace, labels, annotations, finalizers), and the data maps of
//! ConfigMap and Secret. Anything else in a body makes it unreadable (the server answers 415).

use serde_json::{Map, Value, json};

const MAGIC: &[u8] = b"k8s\0";

/// One field of a message: number and either a varint or bytes.
enum Field<'a> {
    Varint(u64, u64),
    Bytes(u64, &'a [u8]),
}

fn varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut out = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*pos)?;
        *pos += 1;
        out |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(out);
        }
    }
    None
}

fn fields(buf: &[u8]) -> Option<Vec<Field<'_>>> {
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < buf.len() {
        let tag = varint(buf, &mut pos)?;
        match tag & 7 {
            0 => out.push(Field::Varint(tag >> 3, varint(buf, &mut pos)?)),
            2 => {
                let len = usize::try_from(varint(buf, &mut pos)?).ok()?;
                let bytes = buf.get(pos..pos.checked_add(len)?)?;
                pos += len;
                out.push(Field::Bytes(tag >> 3, bytes));
            }
            _ => return None,
        }
    }
    Some(out)
}

fn text(b: &[u8]) -> Option<String> {
    String::from_utf8(b.to_vec()).ok()
}

/// A `map<string, string>` (or bytes, base64-encoded as JSON does) entry.
fn map_entry(b: &[u8], base64: bool) -> Option<(String, Value)> {
    let (mut k, mut v) = (String::new(), Value::String(String::new()));
    for f in fields(b)? {
        match f {
            Field::Bytes(1, x) => k = text(x)?,
            Field::Bytes(2, x) if base64 => v = json!(base64_encode(x)),
            Field::Bytes(2, x) => v = json!(text(x)?),
            _ => return None,
        }
    }
    Some((k, v))
}

fn base64_encode(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(T[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn object_meta(b: &[u8]) -> Option<Value> {
    let mut meta = Map::new();
    let mut labels = Map::new();
    let mut annotations = Map::new();
    let mut finalizers = Vec::new();
    for f in fields(b)? {
        match f {
            Field::Bytes(1, x) if !x.is_empty() => {
                meta.insert("name".into(), json!(text(x)?));
            }
            Field::Bytes(2, x) if !x.is_empty() => {
                meta.insert("generateName".into(), json!(text(x)?));
            }
            Field::Bytes(3, x) if !x.is_empty() => {
                meta.insert("namespace".into(), json!(text(x)?));
            }
            Field::Bytes(11, x) => {
                let (k, v) = map_entry(x, false)?;
                labels.insert(k, v);
            }
            Field::Bytes(12, x) => {
                let (k, v) = map_entry(x, false)?;
                annotations.insert(k, v);
            }
            Field::Bytes(14, x) => finalizers.push(json!(text(x)?)),
            // Server-owned fields a client may echo: selfLink, uid, resourceVersion, generation, timestamps.
            Field::Bytes(1..=6 | 8 | 9, _) | Field::Varint(7 | 10, _) => {}
            _ => return None,
        }
    }
    if !labels.is_empty() {
        meta.insert("labels".into(), Value::Object(labels));
    }
    if !annotations.is_empty() {
        meta.insert("annotations".into(), Value::Object(annotations));
    }
    if !finalizers.is_empty() {
        meta.insert("finalizers".into(), Value::Array(finalizers));
    }
    Some(Value::Object(meta))
}

/// Decodes a protobuf request body into the JSON object it stands for, if it is one of the shapes above.
pub(crate) fn decode(body: &[u8]) -> Option<Value> {
    let envelope = body.strip_prefix(MAGIC)?;
    let (mut api_version, mut kind, mut raw) = (String::new(), String::new(), &[][..]);
    for f in fields(envelope)? {
        match f {
            Field::Bytes(1, tm) => {
                for t in fields(tm)? {
                    match t {
                        Field::Bytes(1, x) => api_version = text(x)?,
                        Field::Bytes(2, x) => kind = text(x)?,
                        _ => return None,
                    }
                }
            }
            Field::Bytes(2, x) => raw = x,
            Field::Bytes(3 | 4, []) => {}
            _ => return None,
        }
    }
    let mut obj = json!({"apiVersion": api_version, "kind": kind});
    let mut data = Map::new();
    for f in fields(raw)? {
        match (kind.as_str(), f) {
            (_, Field::Bytes(1, x)) => obj["metadata"] = object_meta(x)?,
            // Empty spec/status messages are always written; a new Namespace's spec and status say nothing.
            (_, Field::Bytes(_, [])) => {}
            ("Namespace", Field::Bytes(2 | 3, _)) => {}
            ("ConfigMap", Field::Bytes(2, x)) => {
                let (k, v) = map_entry(x, false)?;
                data.insert(k, v);
            }
            ("Secret", Field::Bytes(2, x)) => {
                let (k, v) = map_entry(x, true)?;
                data.insert(k, v);
            }
            ("Secret", Field::Bytes(3, x)) => obj["type"] = json!(text(x)?),
            ("ConfigMap" | "Secret", Field::Varint(_, v)) => obj["immutable"] = json!(v != 0),
            _ => return None,
        }
    }
    if !data.is_empty() {
        obj["data"] = Value::Object(data);
    }
    Some(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(n: u8, bytes: &[u8]) -> Vec<u8> {
        let mut v = vec![n << 3 | 2, u8::try_from(bytes.len()).unwrap_or(0)];
        v.extend_from_slice(bytes);
        v
    }

    #[test]
    fn decodes_a_namespace() {
        let meta = [field(1, b"foo"), field(11, &[field(1, b"a"), field(2, b"b")].concat())].concat();
        let raw = [field(1, &meta), field(2, &[]), field(3, &[])].concat();
        let tm = [field(1, b"v1"), field(2, b"Namespace")].concat();
        let body = [MAGIC.to_vec(), field(1, &tm), field(2, &raw), field(3, b""), field(4, b"")].concat();
        // As kubectl 1.35 sends it for `kubectl create namespace foo`.
        let real = b"k8s\0\x0a\x0f\x0a\x02v1\x12\x09Namespace\x12\x1b\x0a\x13\x0a\x03foo\x12\x00\x1a\x00\x22\x00\x2a\x00\x32\x00\x38\x00\x42\x00\x12\x00\x1a\x02\x0a\x00\x1a\x00\x22\x00";
        assert_eq!(decode(real), Some(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "foo"}})));
        assert_eq!(
            decode(&body),
            Some(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "foo", "labels": {"a": "b"}}}))
        );
        assert_eq!(decode(b"k8s\0\xff"), None);
        assert_eq!(base64_encode(b"hi!?"), "aGkhPw==");
    }
}
