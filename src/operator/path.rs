//! Field paths as users read them (`spec.components.ingressGateways[0].k8s`) and as JSON pointers
//! (`/spec/components/ingressGateways/0/k8s`, the key of `goyaml::Spans`).

use std::fmt;

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// An object key.
    Key(String),
    /// A list index.
    Index(usize),
}

/// A path from the document root.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    /// A path of object keys (`["spec", "hub"]`).
    pub fn keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        FieldPath(keys.into_iter().map(|k| Seg::Key(k.to_string())).collect())
    }
    /// Appends an object key.
    pub fn push_key(&mut self, k: &str) {
        self.0.push(Seg::Key(k.to_string()));
    }
    /// Appends a list index.
    pub fn push_index(&mut self, i: usize) {
        self.0.push(Seg::Index(i));
    }
    /// Removes the last step.
    pub fn pop(&mut self) {
        self.0.pop();
    }
    /// This path with `other` appended.
    pub fn join(&self, other: &FieldPath) -> FieldPath {
        FieldPath(self.0.iter().chain(other.0.iter()).cloned().collect())
    }
    /// Whether `prefix` is a prefix of this path.
    pub fn starts_with(&self, prefix: &FieldPath) -> bool {
        self.0.starts_with(&prefix.0)
    }
    /// The RFC 6901 pointer of this path.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for seg in &self.0 {
            out.push('/');
            match seg {
                Seg::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
                Seg::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
    /// The value at this path, if present.
    pub fn get<'a>(&self, root: &'a serde_json::Value) -> Option<&'a serde_json::Value> {
        let mut cur = root;
        for seg in &self.0 {
            cur = match seg {
                Seg::Key(k) => cur.as_object()?.get(k)?,
                Seg::Index(i) => cur.as_array()?.get(*i)?,
            };
        }
        Some(cur)
    }
    /// The parent path (the root is its own parent).
    pub fn parent(&self) -> FieldPath {
        let mut p = self.clone();
        p.pop();
        p
    }
    /// Whether this is the root.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_pointer() {
        let mut p = FieldPath::keys(["spec", "components", "ingressGateways"]);
        p.push_index(0);
        p.push_key("a/b~c");
        assert_eq!(p.to_string(), "spec.components.ingressGateways[0].a/b~c");
        assert_eq!(p.pointer(), "/spec/components/ingressGateways/0/a~1b~0c");
    }
}
