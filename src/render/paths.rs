//! Dotted-path access to JSON trees (`spec.values.global.hub`), plain map keys only.

use serde_json::{Map, Value};

/// The value at a dotted map path, if every step is a map holding the key.
pub fn get_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(root, |cur, key| cur.as_object()?.get(key))
}

/// The string at a dotted path (None when absent or not a string).
pub fn get_str<'a>(root: &'a Value, path: &str) -> Option<&'a str> {
    get_path(root, path).and_then(Value::as_str)
}

/// Sets the value at a dotted map path, creating (or replacing non-map) intermediate maps.
pub fn set_path(root: &mut Value, path: &str, value: Value) {
    let mut cur = root;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        if !cur.is_object() {
            *cur = Value::Object(Map::new());
        }
        let Value::Object(map) = cur else { return };
        if keys.peek().is_none() {
            map.insert(key.to_string(), value);
            return;
        }
        cur = map.entry(key.to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn get_and_set() {
        let mut v = json!({"spec": {"values": {"revision": "x"}}});
        assert_eq!(get_str(&v, "spec.values.revision"), Some("x"));
        assert_eq!(get_path(&v, "spec.nope.x"), None);
        set_path(&mut v, "spec.values.gateways.istio-ingressgateway.name", json!("gw"));
        set_path(&mut v, "spec.values.revision.sub", json!(1));
        assert_eq!(
            v,
            json!({"spec": {"values": {"revision": {"sub": 1}, "gateways": {"istio-ingressgateway": {"name": "gw"}}}}})
        );
    }
}
