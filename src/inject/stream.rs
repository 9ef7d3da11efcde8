//! Splitting a YAML/JSON stream into documents the way apimachinery's `YAMLReader` does.
//!
//! A line that *starts* with `---` ends a document; after the marker only spaces or a `#` comment
//! may follow. Every line is re-terminated with `\n` (so `\r\n` becomes `\n`), and a separator that
//! ends a non-empty chunk is dropped. Chunks keep their exact text so pass-through documents are echoed byte for byte.

/// The document separator.
const SEPARATOR: &str = "---";

/// A separator line with trailing content that is not a comment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid Yaml document separator: {0}")]
pub struct SeparatorError(pub String);

/// Splits `input` into raw document chunks, each ending with `\n`.
pub fn split_documents(input: &str) -> Result<Vec<String>, SeparatorError> {
    let mut docs = Vec::new();
    let mut buffer = String::new();
    let mut rest = input;
    while !rest.is_empty() {
        let (line, tail) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        rest = tail;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(after) = line.strip_prefix(SEPARATOR) {
            let trimmed = after.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return Err(SeparatorError(trimmed.to_string()));
            }
            if !buffer.is_empty() {
                docs.push(std::mem::take(&mut buffer));
                continue;
            }
            // Go writes a separator line met with an empty buffer into the next chunk.
        }
        buffer.push_str(line);
        buffer.push('\n');
    }
    if !buffer.is_empty() {
        docs.push(buffer);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_separator_lines() {
        let docs = split_documents("a: 1\n---\nb: 2\n--- # c\nc: 3").unwrap();
        assert_eq!(docs, vec!["a: 1\n", "b: 2\n", "c: 3\n"]);
    }

    #[test]
    fn skips_empty_chunks() {
        let docs = split_documents("a: 1\n---\n").unwrap();
        assert_eq!(docs, vec!["a: 1\n"]);
        // A separator met with an empty buffer stays in the next chunk, as in Go.
        let docs = split_documents("---\na: 1\n").unwrap();
        assert_eq!(docs, vec!["---\na: 1\n"]);
    }

    #[test]
    fn bad_separator_is_an_error() {
        let e = split_documents("a: 1\n--- b\n").unwrap_err();
        assert_eq!(e.to_string(), "invalid Yaml document separator: b");
    }

    #[test]
    fn blank_chunk_is_kept() {
        let docs = split_documents("a: 1\n---\n\n---\nb: 1\n").unwrap();
        assert_eq!(docs, vec!["a: 1\n", "\n", "b: 1\n"]);
    }
}
