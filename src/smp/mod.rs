//! Kubernetes strategic merge patch over `serde_json::Value`.
//!
//! `istioctl` applies each `k8s.<field>` setting of a component as a strategic merge patch onto the
//! rendered object (`k8s.io/apimachinery` `strategicpatch.StrategicMergePatch` with the typed patch
//! metadata of the object's Go type). This module reproduces that behaviour for the kinds Istio patches:
//! maps merge recursively, `null` deletes, lists replace unless the type declares a merge key
//! (containers/env/ports/volumes/volumeMounts ...), in which case items merge by key and the result is
//! ordered the way apimachinery orders it; the `$patch`, `$retainKeys` and
//! `$deleteFromPrimitiveList/<field>` directives are honoured.

mod schema;

pub use schema::{ListStrategy, Schema};

use serde_json::{Map, Value};

/// The key of the `$patch` directive.
const DIRECTIVE: &str = "$patch";
/// The key of the `$retainKeys` directive.
const RETAIN_KEYS: &str = "$retainKeys";
/// Prefix of the `$deleteFromPrimitiveList/<field>` directive.
const DELETE_FROM_PRIMITIVE_LIST: &str = "$deleteFromPrimitiveList/";
/// Prefix of the `$setElementOrder/<field>` directive (accepted and ignored).
const SET_ELEMENT_ORDER: &str = "$setElementOrder/";

/// A patch that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmpError {
    /// The object or the patch is not a JSON object.
    #[error("strategic merge patch: {what} is not an object")]
    NotAnObject { what: &'static str },
    /// A list item of a merge-by-key list lacks the key.
    #[error("map: {item} does not contain declared merge key: {key}")]
    NoMergeKey { item: String, key: String },
    /// An unknown `$patch` value.
    #[error("unknown patch type: {value} in map: {item}")]
    BadPatchType { value: String, item: String },
    /// `$patch: merge` inside a list.
    #[error("merging lists cannot yet be specified in the patch")]
    MergeInList,
    /// A directive whose value has the wrong shape.
    #[error("invalid {directive} directive: {detail}")]
    BadDirective { directive: String, detail: String },
}

/// Applies `patch` onto `original` (both objects) with the patch metadata of `schema`.
pub fn strategic_merge_patch(original: &Value, patch: &Value, schema: Schema) -> Result<Value, SmpError> {
    if !original.is_object() {
        return Err(SmpError::NotAnObject { what: "original" });
    }
    strategic_merge_patch_owned(original.clone(), patch.clone(), schema)
}

/// [`strategic_merge_patch`] that merges into `original` in place and moves the parts of `patch` it
/// keeps instead of copying them (the injector's hot path: one pod and one overlay per workload).
pub fn strategic_merge_patch_owned(original: Value, patch: Value, schema: Schema) -> Result<Value, SmpError> {
    let Value::Object(orig) = original else { return Err(SmpError::NotAnObject { what: "original" }) };
    let Value::Object(p) = patch else { return Err(SmpError::NotAnObject { what: "patch" }) };
    merge_map(orig, p, schema).map(Value::Object)
}

fn compact(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// `mergeMap`: merges a patch map into the original map.
fn merge_map(
    mut original: Map<String, Value>,
    mut patch: Map<String, Value>,
    schema: Schema,
) -> Result<Map<String, Value>, SmpError> {
    if let Some(directive) = patch.get(DIRECTIVE) {
        return match directive.as_str() {
            Some("replace") => {
                patch.remove(DIRECTIVE);
                Ok(patch)
            }
            Some("delete") => Ok(Map::new()),
            _ => Err(SmpError::BadPatchType { value: compact(directive), item: compact(&Value::Object(patch)) }),
        };
    }
    if let Some(retain) = patch.get(RETAIN_KEYS) {
        let Value::Array(keys) = retain else {
            return Err(SmpError::BadDirective { directive: RETAIN_KEYS.into(), detail: compact(retain) });
        };
        let keep: Vec<&str> = keys.iter().filter_map(Value::as_str).collect();
        original.retain(|k, _| keep.contains(&k.as_str()));
    }
    for (k, patch_v) in patch {
        if k == RETAIN_KEYS || k.starts_with(SET_ELEMENT_ORDER) {
            continue;
        }
        if let Some(field) = k.strip_prefix(DELETE_FROM_PRIMITIVE_LIST) {
            let Value::Array(remove) = patch_v else {
                return Err(SmpError::BadDirective { directive: k.clone(), detail: compact(&patch_v) });
            };
            if let Some(Value::Array(list)) = original.get_mut(field) {
                list.retain(|item| !remove.iter().any(|r| json_eq(r, item)));
            }
            continue;
        }
        if patch_v.is_null() {
            original.remove(&k);
            continue;
        }
        let Some(orig_v) = original.get_mut(&k) else {
            original.insert(k, discard_nulls(patch_v));
            continue;
        };
        // The merged value replaces the original one in its place.
        let child = schema.field(&k);
        *orig_v = match (std::mem::take(orig_v), patch_v) {
            (Value::Object(o), Value::Object(p)) => Value::Object(merge_map(o, p, child.schema)?),
            (Value::Array(o), Value::Array(p)) => match child.list {
                ListStrategy::Replace => Value::Array(p),
                ListStrategy::MergePrimitive => Value::Array(merge_primitive_list(o, &p)),
                ListStrategy::MergeByKey(key) => Value::Array(merge_keyed_list(o, p, key, child.schema)?),
            },
            // Scalars, or a change of type: the patch value wins (without its nulls).
            (_, p) => discard_nulls(p),
        };
    }
    Ok(original)
}

/// Go's `==` on decoded JSON: numbers compare by value whatever their Rust representation.
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || (x.as_f64().is_some() && x.as_f64() == y.as_f64()),
        _ => a == b,
    }
}

/// `discardNullValuesFromPatch`: a patch value added where the original has nothing keeps no nulls.
fn discard_nulls(mut v: Value) -> Value {
    match &mut v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            for x in m.values_mut() {
                *x = discard_nulls(std::mem::take(x));
            }
        }
        Value::Array(a) => {
            for x in a.iter_mut() {
                *x = discard_nulls(std::mem::take(x));
            }
        }
        _ => {}
    }
    v
}

/// Merge of a list of scalars declared `patchStrategy: merge`: union without duplicates, then ordered.
fn merge_primitive_list(original: Vec<Value>, patch: &[Value]) -> Vec<Value> {
    let mut merged: Vec<Value> = Vec::with_capacity(original.len() + patch.len());
    for v in original.iter().chain(patch) {
        if !merged.iter().any(|m| json_eq(m, v)) {
            merged.push(v.clone());
        }
    }
    order_like_apimachinery(merged, patch, &original, json_eq)
}

fn key_of<'a>(item: &'a Value, key: &str) -> Option<&'a Value> {
    item.as_object().and_then(|m| m.get(key))
}

/// Merge of a list of maps declared `patchStrategy: merge` with a merge key.
fn merge_keyed_list(
    mut original: Vec<Value>,
    patch: Vec<Value>,
    key: &str,
    schema: Schema,
) -> Result<Vec<Value>, SmpError> {
    let no_key = |item: &Value| SmpError::NoMergeKey { item: compact(item), key: key.to_string() };
    // Whether a list item (by its merge key) is the item with merge key value `k`.
    let same = |k: &Option<Value>, item: &Value| matches!((k, key_of(item, key)), (Some(x), Some(y)) if json_eq(x, y));
    // Special elements: `$patch: delete` removes by key, `$patch: replace` replaces the whole list.
    let mut replace = false;
    for item in &patch {
        let Some(m) = item.as_object() else {
            // Not a map: apimachinery cannot merge by key; take the patch as it is.
            return Ok(patch);
        };
        match m.get(DIRECTIVE) {
            None => {}
            Some(Value::String(d)) if d == "delete" => {
                let Some(k) = m.get(key) else { return Err(no_key(item)) };
                let k = Some(k.clone());
                original.retain(|o| !same(&k, o));
            }
            Some(Value::String(d)) if d == "replace" => replace = true,
            Some(Value::String(d)) if d == "merge" => return Err(SmpError::MergeInList),
            Some(other) => return Err(SmpError::BadPatchType { value: compact(other), item: compact(item) }),
        }
    }
    let plain: Vec<Value> = patch.into_iter().filter(|item| key_of(item, DIRECTIVE).is_none()).collect();
    if replace {
        return Ok(plain);
    }
    // The orders only need each item's merge key.
    let merge_keys = |list: &[Value]| -> Vec<Option<Value>> { list.iter().map(|o| key_of(o, key).cloned()).collect() };
    let server_order = merge_keys(&original);
    let patch_order = merge_keys(&plain);
    let mut merged = original;
    for item in plain {
        let Value::Object(p) = item else { continue };
        let Some(k) = p.get(key).cloned() else { return Err(no_key(&Value::Object(p))) };
        let k = Some(k);
        match merged.iter().position(|o| same(&k, o)) {
            Some(idx) => {
                if let Some(slot) = merged.get_mut(idx) {
                    let base = match std::mem::take(slot) {
                        Value::Object(m) => m,
                        _ => Map::new(),
                    };
                    *slot = Value::Object(merge_map(base, p, schema)?);
                }
            }
            None => merged.push(Value::Object(p)),
        }
    }
    Ok(order_like_apimachinery(merged, &patch_order, &server_order, same))
}

/// `normalizeElementOrder` + `mergeSortedSlice`: items present in the patch come in patch order, items only
/// on the server keep server order, and the two sequences are interleaved by server position (an item the
/// server does not know goes before the remaining server-only items). `patch` and `server` hold what
/// identifies an item (the item itself, or its merge key); `same(id, item)` matches them.
fn order_like_apimachinery<I>(
    merged: Vec<Value>,
    patch: &[I],
    server: &[I],
    same: impl Fn(&I, &Value) -> bool,
) -> Vec<Value> {
    let index_in = |list: &[I], v: &Value| list.iter().position(|x| same(x, v));
    let (mut from_patch, mut server_only): (Vec<Value>, Vec<Value>) =
        merged.into_iter().partition(|m| index_in(patch, m).is_some());
    from_patch.sort_by_key(|v| index_in(patch, v));
    server_only.sort_by_key(|v| index_in(server, v).unwrap_or(usize::MAX));
    let mut out = Vec::with_capacity(from_patch.len() + server_only.len());
    let mut left = server_only.into_iter().peekable();
    let mut right = from_patch.into_iter().peekable();
    loop {
        match (left.peek(), right.peek()) {
            (Some(l), Some(r)) => {
                let take_left = match (index_in(server, l), index_in(server, r)) {
                    (Some(li), Some(ri)) => li < ri,
                    _ => false,
                };
                let next = if take_left { left.next() } else { right.next() };
                out.extend(next);
            }
            (Some(_), None) => out.extend(left.next()),
            (None, Some(_)) => out.extend(right.next()),
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests;
