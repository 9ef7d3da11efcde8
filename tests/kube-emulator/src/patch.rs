//! Patches: JSON merge patch (RFC 7386), JSON patch (RFC 6902), and an approximation of server-side apply.
//!
//! Strategic merge patch is treated as a merge patch: lists are replaced whole instead of merged by key.
//!
//! Server-side apply approximation: a manager's applied configuration is reduced to its set of leaf
//! paths (scalars, lists and empty maps are leaves; lists are atomic, there is no merge by key). Applying
//! deep-merges the configuration over the live object, removes the leaves this manager owned before but no
//! longer sets (unless another manager owns them), and records the manager's set in `managedFields` as
//! `FieldsV1` (`{"f:data":{"f:mesh":{}}}`). A leaf owned by another Apply manager whose live value differs
//! is a conflict (409) unless `force=true`, which transfers ownership. Update operations (PUT, merge
//! patch) are not tracked as owners.

use crate::util::now_rfc3339;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

/// RFC 7386 merge patch.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(t) = target {
        for (k, v) in patch_map {
            if v.is_null() {
                t.remove(k);
            } else {
                merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    }
}

/// Why a JSON patch could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonPatchError {
    #[error("the JSON patch must be a list of operations")]
    NotAList,
    #[error("unknown or malformed JSON patch operation {0}")]
    BadOperation(String),
    #[error("the path {0:?} does not exist")]
    MissingPath(String),
    #[error("test operation failed at {0:?}")]
    TestFailed(String),
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn split_pointer(ptr: &str) -> Result<Vec<String>, JsonPatchError> {
    if ptr.is_empty() {
        return Ok(Vec::new());
    }
    let rest = ptr.strip_prefix('/').ok_or_else(|| JsonPatchError::MissingPath(ptr.to_string()))?;
    Ok(rest.split('/').map(unescape).collect())
}

fn parent_mut<'a>(doc: &'a mut Value, tokens: &[String], ptr: &str) -> Result<&'a mut Value, JsonPatchError> {
    let mut cur = doc;
    for t in tokens {
        cur = match cur {
            Value::Object(m) => m.get_mut(t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        }
        .ok_or_else(|| JsonPatchError::MissingPath(ptr.to_string()))?;
    }
    Ok(cur)
}

fn remove_at(doc: &mut Value, ptr: &str) -> Result<Value, JsonPatchError> {
    let tokens = split_pointer(ptr)?;
    let (last, parents) = tokens.split_last().ok_or_else(|| JsonPatchError::MissingPath(ptr.to_string()))?;
    let missing = || JsonPatchError::MissingPath(ptr.to_string());
    match parent_mut(doc, parents, ptr)? {
        Value::Object(m) => m.shift_remove(last).ok_or_else(missing),
        Value::Array(a) => {
            let i = last.parse::<usize>().ok().filter(|i| *i < a.len()).ok_or_else(missing)?;
            Ok(a.remove(i))
        }
        _ => Err(missing()),
    }
}

fn add_at(doc: &mut Value, ptr: &str, value: Value, replace: bool) -> Result<(), JsonPatchError> {
    let tokens = split_pointer(ptr)?;
    let Some((last, parents)) = tokens.split_last() else {
        *doc = value;
        return Ok(());
    };
    let missing = || JsonPatchError::MissingPath(ptr.to_string());
    match parent_mut(doc, parents, ptr)? {
        Value::Object(m) => {
            if replace && !m.contains_key(last) {
                return Err(missing());
            }
            m.insert(last.clone(), value);
        }
        Value::Array(a) => {
            let i = if last == "-" { a.len() } else { last.parse::<usize>().map_err(|_| missing())? };
            if replace {
                *a.get_mut(i).ok_or_else(missing)? = value;
            } else if i <= a.len() {
                a.insert(i, value);
            } else {
                return Err(missing());
            }
        }
        _ => return Err(missing()),
    }
    Ok(())
}

/// RFC 6902 JSON patch.
pub fn json_patch(doc: &mut Value, patch: &Value) -> Result<(), JsonPatchError> {
    let ops = patch.as_array().ok_or(JsonPatchError::NotAList)?;
    for op in ops {
        let field = |k: &str| op.get(k).and_then(Value::as_str);
        let path = field("path").ok_or_else(|| JsonPatchError::BadOperation(op.to_string()))?;
        let value = || op.get("value").cloned().ok_or_else(|| JsonPatchError::BadOperation(op.to_string()));
        let from = || field("from").ok_or_else(|| JsonPatchError::BadOperation(op.to_string()));
        match field("op") {
            Some("add") => add_at(doc, path, value()?, false)?,
            Some("replace") => add_at(doc, path, value()?, true)?,
            Some("remove") => {
                remove_at(doc, path)?;
            }
            Some("move") => {
                let v = remove_at(doc, from()?)?;
                add_at(doc, path, v, false)?;
            }
            Some("copy") => {
                let v = doc.pointer(from()?).cloned().ok_or_else(|| JsonPatchError::MissingPath(path.to_string()))?;
                add_at(doc, path, v, false)?;
            }
            Some("test") => {
                if doc.pointer(path) != Some(&value()?) {
                    return Err(JsonPatchError::TestFailed(path.to_string()));
                }
            }
            _ => return Err(JsonPatchError::BadOperation(op.to_string())),
        }
    }
    Ok(())
}

/// A field path: object keys from the root.
pub(crate) type FieldPath = Vec<String>;

/// Top-level and metadata fields that are never owned by a manager.
fn unowned(path: &[String]) -> bool {
    match path {
        [first] => matches!(first.as_str(), "apiVersion" | "kind"),
        [first, ..] if first == "status" => true,
        [m, field, ..] if m == "metadata" => matches!(
            field.as_str(),
            "name"
                | "namespace"
                | "uid"
                | "resourceVersion"
                | "generation"
                | "creationTimestamp"
                | "managedFields"
                | "deletionTimestamp"
                | "selfLink"
        ),
        _ => false,
    }
}

/// The leaf paths of an applied configuration.
pub(crate) fn leaves(v: &Value) -> BTreeSet<FieldPath> {
    fn walk(v: &Value, path: &mut FieldPath, out: &mut BTreeSet<FieldPath>) {
        match v {
            Value::Object(m) if !m.is_empty() => {
                for (k, child) in m {
                    path.push(k.clone());
                    walk(child, path, out);
                    path.pop();
                }
            }
            _ if path.is_empty() || unowned(path) => {}
            _ => {
                out.insert(path.clone());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

/// Encodes a set of paths as `FieldsV1`.
pub(crate) fn fields_v1(paths: &BTreeSet<FieldPath>) -> Value {
    let mut root = Map::new();
    for path in paths {
        let mut cur = &mut root;
        for key in path {
            let entry = cur.entry(format!("f:{key}")).or_insert_with(|| Value::Object(Map::new()));
            match entry {
                Value::Object(m) => cur = m,
                _ => break,
            }
        }
    }
    Value::Object(root)
}

/// Decodes `FieldsV1` back into leaf paths (keys other than `f:` ones, such as `k:` and `.`, are ignored).
pub(crate) fn parse_fields_v1(v: &Value) -> BTreeSet<FieldPath> {
    fn walk(v: &Value, path: &mut FieldPath, out: &mut BTreeSet<FieldPath>) {
        let children: Vec<(&String, &Value)> =
            v.as_object().map(|m| m.iter().filter(|(k, _)| k.starts_with("f:")).collect()).unwrap_or_default();
        if children.is_empty() {
            if !path.is_empty() {
                out.insert(path.clone());
            }
            return;
        }
        for (k, child) in children {
            path.push(k.get(2..).unwrap_or("").to_string());
            walk(child, path, out);
            path.pop();
        }
    }
    let mut out = BTreeSet::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn value_at<'a>(v: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(v, |cur, k| cur.get(k))
}

fn remove_path(v: &mut Value, path: &[String]) {
    let Some((last, parents)) = path.split_last() else { return };
    let mut cur = v;
    for k in parents {
        match cur.get_mut(k) {
            Some(next) => cur = next,
            None => return,
        }
    }
    if let Value::Object(m) = cur {
        m.shift_remove(last);
    }
}

/// Deep merge for apply: objects merge key by key, everything else replaces.
fn apply_merge(target: &mut Value, applied: &Value) {
    match (target, applied) {
        (Value::Object(t), Value::Object(a)) => {
            for (k, v) in a {
                match t.get_mut(k) {
                    Some(existing) => apply_merge(existing, v),
                    None => {
                        t.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (t, a) => *t = a.clone(),
    }
}

fn overlaps(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// One manager's `Apply` entry.
#[derive(Debug, Clone)]
struct Owner {
    entry: Value,
    apply: bool,
    manager: String,
    fields: BTreeSet<FieldPath>,
}

fn owners(live: &Value) -> Vec<Owner> {
    let entries = value_at(live, &["metadata".into(), "managedFields".into()])
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    entries
        .into_iter()
        .map(|entry| Owner {
            apply: entry.get("operation").and_then(Value::as_str) == Some("Apply"),
            manager: entry.get("manager").and_then(Value::as_str).unwrap_or("").to_string(),
            fields: entry.get("fieldsV1").map(parse_fields_v1).unwrap_or_default(),
            entry,
        })
        .collect()
}

/// A field owned by another manager that this apply would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyConflict {
    pub manager: String,
    /// Dotted path, as Kubernetes prints it (`.data.mesh`).
    pub field: String,
}

/// Applies `applied` as `manager` over `live` (or over nothing), per the approximation described above.
/// Returns the new object, with `metadata.managedFields` updated.
pub fn server_side_apply(
    live: Option<&Value>,
    applied: &Value,
    manager: &str,
    api_version: &str,
    force: bool,
) -> Result<Value, Vec<ApplyConflict>> {
    let new_fields = leaves(applied);
    let mut obj = live.cloned().unwrap_or_else(|| json!({}));
    let mut all = live.map(owners).unwrap_or_default();
    // Conflicts with other appliers.
    let mut conflicts = Vec::new();
    for owner in all.iter_mut().filter(|o| o.apply && o.manager != manager) {
        let clashing: Vec<FieldPath> = owner
            .fields
            .iter()
            .filter(|p| new_fields.contains(*p) && value_at(&obj, p) != value_at(applied, p))
            .cloned()
            .collect();
        if force {
            for p in &clashing {
                owner.fields.remove(p);
            }
        } else {
            conflicts.extend(
                clashing
                    .iter()
                    .map(|p| ApplyConflict { manager: owner.manager.clone(), field: format!(".{}", p.join(".")) }),
            );
        }
    }
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    // Fields this manager no longer sets.
    let previous = all.iter().find(|o| o.apply && o.manager == manager).map(|o| o.fields.clone()).unwrap_or_default();
    for p in previous.iter().filter(|p| !new_fields.iter().any(|n| overlaps(n, p))) {
        let owned_elsewhere = all.iter().any(|o| o.manager != manager && o.fields.iter().any(|q| overlaps(q, p)));
        if !owned_elsewhere {
            remove_path(&mut obj, p);
        }
    }
    apply_merge(&mut obj, applied);
    // Record ownership.
    let mut entries: Vec<Value> = Vec::new();
    let mut placed = false;
    for owner in all {
        if owner.apply && owner.manager == manager {
            placed = true;
            entries.push(apply_entry(manager, api_version, &new_fields));
        } else if owner.fields.is_empty() && owner.apply {
            continue;
        } else if owner.apply {
            let mut e = owner.entry.clone();
            if let Some(m) = e.as_object_mut() {
                m.insert("fieldsV1".into(), fields_v1(&owner.fields));
            }
            entries.push(e);
        } else {
            entries.push(owner.entry);
        }
    }
    if !placed {
        entries.push(apply_entry(manager, api_version, &new_fields));
    }
    if let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.insert("managedFields".into(), Value::Array(entries));
    }
    Ok(obj)
}

fn apply_entry(manager: &str, api_version: &str, fields: &BTreeSet<FieldPath>) -> Value {
    json!({
        "manager": manager,
        "operation": "Apply",
        "apiVersion": api_version,
        "time": now_rfc3339(),
        "fieldsType": "FieldsV1",
        "fieldsV1": fields_v1(fields),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_patch_rfc7386() {
        let mut t = json!({"a": "b", "c": {"d": "e", "f": "g"}, "l": [1, 2]});
        merge_patch(&mut t, &json!({"a": "z", "c": {"f": null}, "l": [3]}));
        assert_eq!(t, json!({"a": "z", "c": {"d": "e"}, "l": [3]}));
    }

    #[test]
    fn json_patch_ops() {
        let mut d = json!({"a": {"b": [1, 2]}, "c": 1});
        json_patch(
            &mut d,
            &json!([
                {"op": "add", "path": "/a/b/-", "value": 3},
                {"op": "replace", "path": "/c", "value": 2},
                {"op": "copy", "from": "/c", "path": "/d"},
                {"op": "move", "from": "/d", "path": "/e"},
                {"op": "remove", "path": "/a/b/0"},
                {"op": "test", "path": "/e", "value": 2}
            ]),
        )
        .map_err(|e| e.to_string())
        .ok();
        assert_eq!(d, json!({"a": {"b": [2, 3]}, "c": 2, "e": 2}));
        assert_eq!(
            json_patch(&mut d, &json!([{"op": "test", "path": "/e", "value": 3}])),
            Err(JsonPatchError::TestFailed("/e".into()))
        );
        assert!(json_patch(&mut d, &json!([{"op": "replace", "path": "/zz", "value": 3}])).is_err());
    }

    #[test]
    fn fields_round_trip() {
        let l = leaves(&json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "x", "labels": {"a": "b"}}, "data": {"k": "v", "e": {}}}));
        let f = fields_v1(&l);
        assert_eq!(f, json!({"f:metadata": {"f:labels": {"f:a": {}}}, "f:data": {"f:e": {}, "f:k": {}}}));
        assert_eq!(parse_fields_v1(&f), l);
    }

    #[test]
    fn apply_removes_dropped_fields_and_detects_conflicts() {
        let cfg1 =
            json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "1", "b": "2"}});
        let o1 = server_side_apply(None, &cfg1, "m1", "v1", false);
        let o1 = o1.unwrap_or_default();
        let cfg2 = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "1"}});
        let o2 = server_side_apply(Some(&o1), &cfg2, "m1", "v1", false).unwrap_or_default();
        assert_eq!(o2["data"], json!({"a": "1"}));
        let cfg3 = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "9"}});
        let err = server_side_apply(Some(&o2), &cfg3, "m2", "v1", false);
        assert_eq!(err.err(), Some(vec![ApplyConflict { manager: "m1".into(), field: ".data.a".into() }]));
        let forced = server_side_apply(Some(&o2), &cfg3, "m2", "v1", true).unwrap_or_default();
        assert_eq!(forced["data"]["a"], "9");
        let managers: Vec<&str> = forced["metadata"]["managedFields"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["manager"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(managers, ["m2"]);
    }
}
