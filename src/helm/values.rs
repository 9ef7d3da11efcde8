//! Helm's coalescing of a chart's `values.yaml` defaults with user values (`chartutil.CoalesceValues`):
//! user values win, maps merge recursively, a user `null` removes the default key, and when one side is
//! a map and the other is not, the user's value stays as it is.

use serde_json::{Map, Value};

/// Coalesces `user` (higher precedence) over the chart `defaults`.
pub fn coalesce(defaults: &Map<String, Value>, user: &Map<String, Value>) -> Map<String, Value> {
    let mut out = user.clone();
    for (key, default) in defaults {
        match out.get_mut(key) {
            None => {
                out.insert(key.clone(), default.clone());
            }
            Some(Value::Null) => {
                out.shift_remove(key);
            }
            Some(Value::Object(dst)) => {
                if let Value::Object(src) = default {
                    coalesce_tables(dst, src);
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// `coalesceTablesFullKey`: fills `dst` from `src` where `dst` has nothing; `dst` wins.
fn coalesce_tables(dst: &mut Map<String, Value>, src: &Map<String, Value>) {
    for (key, val) in src {
        match dst.get_mut(key) {
            Some(Value::Null) => {
                dst.shift_remove(key);
            }
            None => {
                dst.insert(key.clone(), val.clone());
            }
            Some(Value::Object(d)) => {
                if let Value::Object(s) = val {
                    coalesce_tables(d, s);
                }
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn user_wins_maps_merge_nulls_delete() {
        let defaults = obj(json!({"a": 1, "b": {"c": 2, "d": 3, "e": {"f": 1}}, "g": {"h": 1}, "k": 5, "t": {"x": 1}}));
        let user = obj(json!({"a": 9, "b": {"c": null, "e": {"z": 2}}, "g": null, "new": null, "k": {"m": 1}, "t": 7}));
        let out = coalesce(&defaults, &user);
        assert_eq!(
            Value::Object(out),
            json!({"a": 9, "b": {"e": {"z": 2, "f": 1}, "d": 3}, "new": null, "k": {"m": 1}, "t": 7})
        );
    }

    #[test]
    fn empty_user_gives_defaults() {
        let defaults = obj(json!({"_internal_defaults_do_not_set": {"hub": "x"}}));
        assert_eq!(coalesce(&defaults, &Map::new()), defaults);
    }
}
