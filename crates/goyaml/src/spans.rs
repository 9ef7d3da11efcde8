//! Node positions by JSON pointer, stored as a tree of pointer segments so that composing a large
//! document does not build (and hash) one long pointer string per node.

use crate::Mark;

/// Where each node of a parsed document starts, keyed by JSON pointer (`/spec/meshConfig/meshMTLS`).
/// For a map entry the mark is the key's position.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// Node 0 is the document root.
    nodes: Vec<SpanNode>,
}

#[derive(Debug, Clone, Default)]
struct SpanNode {
    mark: Option<Mark>,
    /// Children by unescaped segment; a later duplicate shadows an earlier one.
    children: Vec<(Box<str>, usize)>,
}

/// The root node's id.
pub(crate) const ROOT: usize = 0;

impl Spans {
    /// The mark of the node at `pointer` (RFC 6901, `""` for the root), if known.
    pub fn get(&self, pointer: &str) -> Option<Mark> {
        let mut id = ROOT;
        if !pointer.is_empty() {
            let rest = pointer.strip_prefix('/')?;
            for seg in rest.split('/') {
                id = self.find_child(id, &unescape(seg))?;
            }
        }
        self.nodes.get(id)?.mark
    }

    /// Records the mark of a node.
    pub fn insert(&mut self, pointer: String, mark: Mark) {
        let mut id = self.root();
        if let Some(rest) = pointer.strip_prefix('/') {
            for seg in rest.split('/') {
                let seg = unescape(seg);
                id = match self.find_child(id, &seg) {
                    Some(child) => child,
                    None => self.child(id, seg),
                };
            }
        } else if !pointer.is_empty() {
            return;
        }
        self.set(id, mark);
    }

    /// The number of nodes with a recorded position.
    pub fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.mark.is_some()).count()
    }

    /// Whether no position is recorded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The root's id, creating it if needed.
    pub(crate) fn root(&mut self) -> usize {
        if self.nodes.is_empty() {
            self.nodes.push(SpanNode::default());
        }
        ROOT
    }

    /// Adds a child node under `parent` and returns its id.
    pub(crate) fn child(&mut self, parent: usize, seg: impl Into<Box<str>>) -> usize {
        let id = self.nodes.len();
        self.nodes.push(SpanNode::default());
        if let Some(p) = self.nodes.get_mut(parent) {
            p.children.push((seg.into(), id));
        }
        id
    }

    pub(crate) fn find_child(&self, parent: usize, seg: &str) -> Option<usize> {
        let node = self.nodes.get(parent)?;
        node.children.iter().rev().find(|(s, _)| s.as_ref() == seg).map(|&(_, id)| id)
    }

    pub(crate) fn set(&mut self, id: usize, mark: Mark) {
        if let Some(n) = self.nodes.get_mut(id) {
            n.mark = Some(mark);
        }
    }

    pub(crate) fn mark_of(&self, id: usize) -> Option<Mark> {
        self.nodes.get(id)?.mark
    }
}

/// RFC 6901 unescaping of one segment (`~1` is `/`, `~0` is `~`).
fn unescape(seg: &str) -> std::borrow::Cow<'_, str> {
    if seg.contains('~') { seg.replace("~1", "/").replace("~0", "~").into() } else { seg.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_and_get_by_pointer() {
        let mut s = Spans::default();
        assert_eq!(s.get(""), None);
        s.insert("/a~1b/0".into(), Mark { line: 2, column: 3 });
        s.insert(String::new(), Mark { line: 1, column: 1 });
        assert_eq!(s.get("/a~1b/0"), Some(Mark { line: 2, column: 3 }));
        assert_eq!(s.get(""), Some(Mark { line: 1, column: 1 }));
        assert_eq!(s.get("/a~1b"), None);
        assert_eq!(s.get("a"), None);
        assert_eq!(s.len(), 2);
    }
}
