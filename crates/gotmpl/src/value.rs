//! The template value model: Go's `interface{}` world as seen by text/template.
//!
//! Maps and lists are shared references (like Go maps and slices held in interfaces), so `set`,
//! `unset` and `mergeOverwrite` mutate data that other templates and variables observe, exactly as
//! Helm charts rely on. Cloning a [`Value`] is cheap (reference counts only).

use std::cmp::Ordering;
use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::{Arc, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// Deepest nesting any recursive walk over values (printing, copying, comparing) will follow.
/// Beyond it the walk stops, which also makes self-referencing maps safe.
pub const MAX_VALUE_DEPTH: usize = 512;

/// A Go value as a template sees it.
#[derive(Clone, Default)]
pub enum Value {
    /// Go `nil` (an empty interface).
    #[default]
    Nil,
    /// Go `bool`.
    Bool(bool),
    /// Go `int` (all integer kinds).
    Int(i64),
    /// Go `float64`.
    Float(f64),
    /// Go `string`.
    String(Arc<str>),
    /// Go `[]interface{}` (shared, mutable through any clone).
    List(List),
    /// Go `map[string]interface{}` (shared, mutable through any clone; keys iterate sorted as Go prints them).
    Map(Map),
    /// A Go method or func value. Reached as the value of a map key in a field chain
    /// (`.Files.Get "x"`, `.Proxy.GetValue`), it is called like a Go method, receiving the
    /// command's arguments when it is the last field; `call` calls it too.
    Method(crate::Func),
}

/// Key type of [`Map`].
pub type Key = Arc<str>;

/// A shared Go `map[string]interface{}` (or, with [`Map::typed`], a typed map such as
/// `map[string]string` whose missing elements read as the element type's zero value).
#[derive(Clone, Default)]
pub struct Map(Arc<MapData>);

#[derive(Default)]
struct MapData {
    entries: RwLock<Entries>,
    /// Zero value of the element type for typed maps; None for `map[string]interface{}`.
    zero: Option<Value>,
}

/// Maps with at least this many entries get a hash index once looked up often enough.
const INDEX_MIN_LEN: usize = 4;
/// Lookups (since the last change of the key set) after which such a map builds its index.
const INDEX_AFTER_LOOKUPS: u32 = 3;

#[derive(Default)]
struct Entries {
    /// Sorted by key, keys unique: iteration needs no sorting, lookups are binary searches.
    sorted: Vec<(Key, Value)>,
    /// Lookups since the key set last changed.
    lookups: AtomicU32,
    /// Hash index of `sorted` for maps looked up often (template data read on every field access);
    /// reset whenever the key set changes.
    index: OnceLock<Option<Index>>,
}

impl Entries {
    /// Position of `key` in `sorted`.
    fn position(&self, key: &str) -> Option<usize> {
        if self.sorted.len() >= INDEX_MIN_LEN {
            let index = match self.index.get() {
                Some(ix) => ix.as_ref(),
                None if self.lookups.fetch_add(1, AtomicOrdering::Relaxed) + 1 >= INDEX_AFTER_LOOKUPS => {
                    self.index.get_or_init(|| Index::build(&self.sorted)).as_ref()
                }
                None => None,
            };
            if let Some(ix) = index {
                return ix.position(&self.sorted, key);
            }
        }
        find(&self.sorted, key).ok()
    }

    /// Forgets the index after the key set changed.
    fn keys_changed(&mut self) {
        self.index = OnceLock::new();
        *self.lookups.get_mut() = 0;
    }
}

/// Open-addressing hash table of positions in a sorted entry list (at most half full, so every
/// probe sequence reaches an empty slot). Keys may come from input data: colliding keys only
/// lengthen probes.
struct Index {
    slots: Vec<u32>,
    mask: usize,
}

impl Index {
    const EMPTY: u32 = u32::MAX;

    fn build(sorted: &[(Key, Value)]) -> Option<Index> {
        if sorted.len() >= Self::EMPTY as usize / 2 {
            return None;
        }
        let cap = (sorted.len() * 2).next_power_of_two();
        let mut ix = Index { slots: vec![Self::EMPTY; cap], mask: cap - 1 };
        for (i, (k, _)) in sorted.iter().enumerate() {
            let mut s = ix.home(k);
            while let Some(slot) = ix.slots.get_mut(s) {
                if *slot == Self::EMPTY {
                    *slot = u32::try_from(i).ok()?;
                    break;
                }
                s = (s + 1) & ix.mask;
            }
        }
        Some(ix)
    }

    fn home(&self, key: &str) -> usize {
        // truncation is fine: only the low bits select the slot
        crate::hash_name(key) as usize & self.mask
    }

    fn position(&self, sorted: &[(Key, Value)], key: &str) -> Option<usize> {
        let mut s = self.home(key);
        loop {
            let p = *self.slots.get(s)?;
            if p == Self::EMPTY {
                return None;
            }
            let p = p as usize;
            if sorted.get(p)?.0.as_ref() == key {
                return Some(p);
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// A shared Go `[]interface{}`.
#[derive(Clone, Default)]
pub struct List(Arc<RwLock<Vec<Value>>>);

fn read<T>(l: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(l: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

impl Map {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }
    /// An empty typed map whose element type has zero value `zero` (e.g. `Value::string("")` for
    /// Go's `map[string]string`): `index` of a missing key, and a missing field under
    /// `missingkey=zero`, give `zero` instead of nil, as in Go.
    pub fn typed(zero: Value) -> Self {
        Map(Arc::new(MapData { entries: RwLock::default(), zero: Some(zero) }))
    }
    /// The element zero value of a typed map.
    pub fn elem_zero(&self) -> Option<&Value> {
        self.0.zero.as_ref()
    }
    /// The value under `key` (a cheap clone), if present.
    pub fn get(&self, key: &str) -> Option<Value> {
        let entries = read(&self.0.entries);
        entries.position(key).and_then(|i| entries.sorted.get(i)).map(|(_, v)| v.clone())
    }
    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        read(&self.0.entries).position(key).is_some()
    }
    /// Inserts or replaces `key`, visible through every clone of this map.
    pub fn insert(&self, key: impl Into<Key>, value: Value) {
        let key = key.into();
        let mut entries = write(&self.0.entries);
        match find(&entries.sorted, &key) {
            Ok(i) => {
                if let Some(slot) = entries.sorted.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => {
                entries.sorted.insert(i, (key, value));
                entries.keys_changed();
            }
        }
    }
    /// Removes `key`, returning its value.
    pub fn remove(&self, key: &str) -> Option<Value> {
        let mut entries = write(&self.0.entries);
        let i = find(&entries.sorted, key).ok()?;
        let (_, v) = entries.sorted.remove(i);
        entries.keys_changed();
        Some(v)
    }
    /// Number of entries.
    pub fn len(&self) -> usize {
        read(&self.0.entries).sorted.len()
    }
    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        read(&self.0.entries).sorted.is_empty()
    }
    /// A snapshot of the entries in sorted key order.
    pub fn entries(&self) -> Vec<(Key, Value)> {
        read(&self.0.entries).sorted.clone()
    }
    /// A snapshot of the keys in sorted order.
    pub fn keys(&self) -> Vec<Key> {
        read(&self.0.entries).sorted.iter().map(|(k, _)| k.clone()).collect()
    }
    /// Whether both handles refer to the same map.
    pub fn ptr_eq(&self, other: &Map) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// Removes every entry.
    pub fn clear(&self) {
        let mut entries = write(&self.0.entries);
        entries.sorted.clear();
        entries.keys_changed();
    }
}

impl FromIterator<(Key, Value)> for Map {
    /// A later entry replaces an earlier one of the same key.
    fn from_iter<I: IntoIterator<Item = (Key, Value)>>(iter: I) -> Self {
        let mut all: Vec<(Key, Value)> = iter.into_iter().collect();
        all.sort_by(|a, b| cmp_keys(&a.0, &b.0));
        let mut entries: Vec<(Key, Value)> = Vec::with_capacity(all.len());
        for (k, v) in all {
            match entries.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => entries.push((k, v)),
            }
        }
        let entries = Entries { sorted: entries, ..Entries::default() };
        Map(Arc::new(MapData { entries: RwLock::new(entries), zero: None }))
    }
}

/// Byte-wise order of keys (`str`'s order), compared inline (keys are short, a call to `memcmp`
/// would cost more), eight bytes at a time while both have them: big-endian words compare in
/// byte order.
fn cmp_keys(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while let (Some((wa, ra)), Some((wb, rb))) = (a.split_first_chunk::<8>(), b.split_first_chunk::<8>()) {
        if wa != wb {
            return u64::from_be_bytes(*wa).cmp(&u64::from_be_bytes(*wb));
        }
        (a, b) = (ra, rb);
    }
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Position of `key` in sorted `entries`, or where it would be inserted.
fn find(entries: &[(Key, Value)], key: &str) -> Result<usize, usize> {
    entries.binary_search_by(|(k, _)| cmp_keys(k, key))
}

impl List {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }
    /// Element `i` (a cheap clone), if in range.
    pub fn get(&self, i: usize) -> Option<Value> {
        read(&self.0).get(i).cloned()
    }
    /// Number of elements.
    pub fn len(&self) -> usize {
        read(&self.0).len()
    }
    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        read(&self.0).is_empty()
    }
    /// A snapshot of the elements.
    pub fn to_vec(&self) -> Vec<Value> {
        read(&self.0).clone()
    }
    /// Appends in place (visible through every clone).
    pub fn push(&self, v: Value) {
        write(&self.0).push(v);
    }
    /// Replaces element `i` in place; false when out of range.
    pub fn set(&self, i: usize, v: Value) -> bool {
        match write(&self.0).get_mut(i) {
            Some(slot) => {
                *slot = v;
                true
            }
            None => false,
        }
    }
    /// Whether both handles refer to the same list.
    pub fn ptr_eq(&self, other: &List) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Vec<Value>> for List {
    fn from(v: Vec<Value>) -> Self {
        List(Arc::new(RwLock::new(v)))
    }
}

impl FromIterator<Value> for List {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Self {
        List::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Value {
    /// A string value.
    pub fn string(s: impl Into<Arc<str>>) -> Value {
        Value::String(s.into())
    }
    /// A new empty map value.
    pub fn new_map() -> Value {
        Value::Map(Map::new())
    }
    /// A map value from entries.
    pub fn map_from<K: Into<Key>>(entries: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    /// A list value from elements.
    pub fn list_from(items: impl IntoIterator<Item = Value>) -> Value {
        Value::List(items.into_iter().collect())
    }
    /// Whether this is Go nil.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The integer, if this is an int.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// The number as f64, if this is an int or a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }
    /// The bool, if this is a bool.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// The map handle, if this is a map.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    /// The list handle, if this is a list.
    pub fn as_list(&self) -> Option<&List> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }
    /// Map lookup (None for non-maps and missing keys).
    pub fn get(&self, key: &str) -> Option<Value> {
        self.as_map().and_then(|m| m.get(key))
    }
    /// Map lookup along a path of keys.
    pub fn get_path(&self, path: &[&str]) -> Option<Value> {
        let mut cur = self.clone();
        for k in path {
            cur = cur.get(k)?;
        }
        Some(cur)
    }

    /// Go's text/template truth: false, 0, nil, and empty strings, lists and maps are false.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::String(s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Method(_) => true,
        }
    }

    /// Go's `%T` of the value (`<nil>`, `bool`, `int`, `float64`, `string`, `[]interface {}`,
    /// `map[string]interface {}`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float64",
            Value::String(_) => "string",
            Value::List(_) => "[]interface {}",
            Value::Map(_) => "map[string]interface {}",
            Value::Method(_) => "func(...) interface {}",
        }
    }

    /// Go's `reflect.Kind` name (`invalid` for nil, `slice`, `map`, ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Nil => "invalid",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float64",
            Value::String(_) => "string",
            Value::List(_) => "slice",
            Value::Map(_) => "map",
            Value::Method(_) => "func",
        }
    }

    /// A recursive copy sharing nothing with `self` (sprig's `deepCopy`).
    pub fn deep_copy(&self) -> Value {
        self.deep_copy_at(0)
    }

    fn deep_copy_at(&self, depth: usize) -> Value {
        if depth > MAX_VALUE_DEPTH {
            return Value::Nil;
        }
        match self {
            Value::List(l) => Value::List(l.to_vec().iter().map(|v| v.deep_copy_at(depth + 1)).collect()),
            Value::Map(m) => {
                let copy = match m.elem_zero() {
                    Some(z) => Map::typed(z.clone()),
                    None => Map::new(),
                };
                for (k, v) in m.entries() {
                    copy.insert(k, v.deep_copy_at(depth + 1));
                }
                Value::Map(copy)
            }
            other => other.clone(),
        }
    }

    /// Go's `reflect.DeepEqual` on these values (an int never equals a float).
    pub fn deep_equal(&self, other: &Value) -> bool {
        self.deep_equal_at(other, 0)
    }

    fn deep_equal_at(&self, other: &Value, depth: usize) -> bool {
        if depth > MAX_VALUE_DEPTH {
            return false;
        }
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Method(a), Value::Method(b)) => std::sync::Arc::ptr_eq(a, b),
            (Value::List(a), Value::List(b)) => {
                if a.ptr_eq(b) {
                    return true;
                }
                let (a, b) = (a.to_vec(), b.to_vec());
                a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x.deep_equal_at(y, depth + 1))
            }
            (Value::Map(a), Value::Map(b)) => {
                if a.ptr_eq(b) {
                    return true;
                }
                let (a, b) = (a.entries(), b.entries());
                a.len() == b.len()
                    && a.iter().zip(&b).all(|((ka, va), (kb, vb))| ka == kb && va.deep_equal_at(vb, depth + 1))
            }
            _ => false,
        }
    }

    /// Converts JSON keeping integers as ints (serde_json's i64/u64) and other numbers as floats.
    pub fn from_json(j: &serde_json::Value) -> Value {
        Self::from_json_with(j, false)
    }

    /// Converts JSON the way Go's `encoding/json` decodes into `interface{}`: every number is a
    /// float64 (this is how Helm sees values and `fromJson`/`fromYaml` results).
    pub fn from_json_f64(j: &serde_json::Value) -> Value {
        Self::from_json_with(j, true)
    }

    fn from_json_with(j: &serde_json::Value, floats: bool) -> Value {
        match j {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => {
                if !floats && let Some(i) = n.as_i64() {
                    return Value::Int(i);
                }
                Value::Float(n.as_f64().unwrap_or(0.0))
            }
            serde_json::Value::String(s) => Value::string(s.as_str()),
            serde_json::Value::Array(a) => Value::List(a.iter().map(|v| Self::from_json_with(v, floats)).collect()),
            serde_json::Value::Object(o) => {
                Value::Map(o.iter().map(|(k, v)| (Key::from(k.as_str()), Self::from_json_with(v, floats))).collect())
            }
        }
    }

    /// Converts to JSON (maps come out in sorted key order; non-finite floats become null;
    /// nesting deeper than [`MAX_VALUE_DEPTH`] is cut to null).
    pub fn to_json(&self) -> serde_json::Value {
        self.to_json_at(0)
    }

    fn to_json_at(&self, depth: usize) -> serde_json::Value {
        if depth > MAX_VALUE_DEPTH {
            return serde_json::Value::Null;
        }
        match self {
            Value::Nil => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map(serde_json::Value::Number).unwrap_or(serde_json::Value::Null)
            }
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Method(_) => serde_json::Value::Null,
            Value::List(l) => serde_json::Value::Array(l.to_vec().iter().map(|v| v.to_json_at(depth + 1)).collect()),
            Value::Map(m) => serde_json::Value::Object(
                m.entries().into_iter().map(|(k, v)| (k.to_string(), v.to_json_at(depth + 1))).collect(),
            ),
        }
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        self.deep_equal(other)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::gofmt::sprint_v(self))
    }
}

/// Go's `%v` formatting (strings raw, maps `map[k:v]` with sorted keys, floats like Go).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::gofmt::sprint_v(self))
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&Value::Map(self.clone()), f)
    }
}

impl fmt::Debug for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&Value::List(self.clone()), f)
    }
}

impl From<&serde_json::Value> for Value {
    fn from(j: &serde_json::Value) -> Self {
        Value::from_json(j)
    }
}
impl From<serde_json::Value> for Value {
    fn from(j: serde_json::Value) -> Self {
        Value::from_json(&j)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::string(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::string(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Self {
        Value::Int(i64::from(i))
    }
}
impl From<usize> for Value {
    fn from(i: usize) -> Self {
        Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}
impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Self {
        Value::List(List::from(v))
    }
}
impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Map(m)
    }
}
impl From<List> for Value {
    fn from(l: List) -> Self {
        Value::List(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keep_sorted_unique_keys() {
        let m: Map =
            [("b", 1), ("a", 2), ("b", 3), ("ab", 4)].into_iter().map(|(k, v)| (Key::from(k), Value::Int(v))).collect();
        let keys = |m: &Map| m.keys().iter().map(|k| k.to_string()).collect::<Vec<_>>();
        assert_eq!(keys(&m), ["a", "ab", "b"]);
        assert_eq!(m.get("b"), Some(Value::Int(3)), "a later entry wins");
        m.insert("B", Value::Int(5));
        m.insert("a", Value::Int(6));
        m.insert("", Value::Int(7));
        assert_eq!(keys(&m), ["", "B", "a", "ab", "b"]);
        assert_eq!(m.get("a"), Some(Value::Int(6)));
        assert_eq!(m.remove("ab"), Some(Value::Int(4)));
        assert_eq!(m.remove("ab"), None);
        assert!(!m.contains_key("ab") && m.contains_key(""));
        assert_eq!(m.len(), 4);
    }

    #[test]
    fn often_read_maps_find_every_key_through_their_index() {
        let m: Map = (0..40).map(|i| (Key::from(format!("key{i}")), Value::Int(i))).collect();
        for round in 0..3 {
            for i in 0..40 {
                assert_eq!(m.get(&format!("key{i}")), Some(Value::Int(i)), "round {round}");
            }
            assert_eq!(m.get("key40"), None);
            assert!(!m.contains_key("key"));
            // changes of the key set rebuild the index
            m.insert(format!("new{round}"), Value::Int(100 + round));
            m.remove("key0");
            m.insert("key0", Value::Int(0));
            assert_eq!(m.get(&format!("new{round}")), Some(Value::Int(100 + round)));
        }
        m.clear();
        assert_eq!(m.get("key1"), None);
    }

    #[test]
    fn key_order_is_byte_order() {
        for (a, b) in [
            ("a", "b"),
            ("a", "ab"),
            ("", "a"),
            ("Z", "a"),
            ("é", "z"),
            ("ab", "ab"),
            ("sidecar.istio.io/proxyCPU", "sidecar.istio.io/proxyCPULimit"),
            ("sidecar.istio.io/a", "sidecar.istio.io/b"),
            ("abcdefgh", "abcdefgi"),
            ("abcdefgh", "abcdefgh"),
            ("abcdefghé", "abcdefghz"),
        ] {
            assert_eq!(cmp_keys(a, b), a.cmp(b), "{a} {b}");
            assert_eq!(cmp_keys(b, a), b.cmp(a), "{b} {a}");
        }
    }
}
