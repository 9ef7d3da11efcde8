//! Splitting a YAML/JSON stream into documents the way apimachinery's `YAMLReader` does, one
//! document at a time, so memory does not grow with the length of the stream.
//!
//! A line that *starts* with `---` ends a document; after the marker only spaces or a `#` comment
//! may follow. Every line is re-terminated with `\n` (so `\r\n` becomes `\n`), and a separator that
//! ends a non-empty chunk is dropped. Chunks keep their exact text so pass-through documents are echoed byte for byte.

use std::io::BufRead;

/// The document separator.
const SEPARATOR: &str = "---";

/// Why the next document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// A separator line with trailing content that is not a comment.
    #[error("invalid Yaml document separator: {0}")]
    Separator(String),
    /// The input is not UTF-8; the text is Rust's for the same check over the whole input
    /// (`invalid utf-8 sequence of 1 bytes from index 7`), with the index counted from the start.
    #[error("input is not UTF-8: {0}")]
    Utf8(String),
    /// Reading failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Reads raw document chunks (each ending with `\n`) from a buffered reader, one at a time.
pub struct DocumentReader<R> {
    reader: R,
    /// Bytes consumed so far (for the position in UTF-8 errors).
    offset: usize,
    /// The current line, reused.
    line: Vec<u8>,
    done: bool,
}

impl<R: BufRead> DocumentReader<R> {
    /// A reader of the documents of `reader`.
    pub fn new(reader: R) -> Self {
        Self { reader, offset: 0, line: Vec::new(), done: false }
    }

    /// The next document, `None` at the end of the stream.
    pub fn next_document(&mut self) -> Result<Option<String>, StreamError> {
        let mut buffer = String::new();
        while !self.done {
            self.line.clear();
            let n = self.reader.read_until(b'\n', &mut self.line)?;
            if n == 0 {
                self.done = true;
                break;
            }
            let line = std::str::from_utf8(&self.line).map_err(|e| StreamError::Utf8(utf8_message(&e, self.offset)))?;
            self.offset += n;
            let line = line.strip_suffix('\n').unwrap_or(line);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if let Some(after) = line.strip_prefix(SEPARATOR) {
                let trimmed = after.trim();
                if !trimmed.is_empty() && !trimmed.starts_with('#') {
                    return Err(StreamError::Separator(trimmed.to_string()));
                }
                if !buffer.is_empty() {
                    return Ok(Some(buffer));
                }
                // Go writes a separator line met with an empty buffer into the next chunk.
            }
            buffer.push_str(line);
            buffer.push('\n');
        }
        Ok((!buffer.is_empty()).then_some(buffer))
    }
}

/// `std::str::Utf8Error`'s text with the position moved by `offset`.
fn utf8_message(e: &std::str::Utf8Error, offset: usize) -> String {
    let at = offset + e.valid_up_to();
    match e.error_len() {
        Some(len) => format!("invalid utf-8 sequence of {len} bytes from index {at}"),
        None => format!("incomplete utf-8 byte sequence from index {at}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_documents(input: &str) -> Result<Vec<String>, StreamError> {
        let mut reader = DocumentReader::new(input.as_bytes());
        let mut docs = Vec::new();
        while let Some(doc) = reader.next_document()? {
            docs.push(doc);
        }
        Ok(docs)
    }

    #[test]
    fn splits_on_separator_lines() {
        let docs = split_documents("a: 1\n---\nb: 2\n--- # c\nc: 3").unwrap();
        assert_eq!(docs, vec!["a: 1\n", "b: 2\n", "c: 3\n"]);
        let docs = split_documents("a: 1\r\n---\r\nb: 2\r\n").unwrap();
        assert_eq!(docs, vec!["a: 1\n", "b: 2\n"]);
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

    #[test]
    fn utf8_errors_count_from_the_start_of_the_stream() {
        for bytes in [&b"a: 1\n---\nb: \xff\n"[..], b"a: 1\nb: \xe2\x82"] {
            let whole = String::from_utf8(bytes.to_vec()).unwrap_err().utf8_error();
            let mut reader = DocumentReader::new(bytes);
            let e = std::iter::from_fn(|| reader.next_document().transpose()).find_map(Result::err).unwrap();
            assert_eq!(e.to_string(), format!("input is not UTF-8: {whole}"));
        }
    }
}
