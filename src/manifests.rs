//! The charts and profiles under `manifests/`, embedded at build time, or read from a folder given with
//! `--manifests` (upstream's own `manifests/` works too).

use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_manifests.rs"));
}

/// Where charts and profiles come from.
#[derive(Debug, Clone, Default)]
pub enum ManifestSource {
    /// The copy compiled into the binary.
    #[default]
    Embedded,
    /// A folder laid out like `manifests/` (`charts/`, `profiles/`).
    Dir(PathBuf),
}

/// A file could not be read from the manifest source.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{path} not found in {source_desc}")]
    NotFound { path: String, source_desc: String },
    #[error("reading {path}: {err}")]
    Io { path: PathBuf, err: std::io::Error },
}

impl ManifestSource {
    /// Picks the folder when one is given, else the embedded copy.
    pub fn from_option(dir: Option<&Path>) -> Self {
        dir.map_or(Self::Embedded, |d| Self::Dir(d.to_path_buf()))
    }

    fn describe(&self) -> String {
        match self {
            Self::Embedded => "the built-in manifests".to_string(),
            Self::Dir(d) => d.display().to_string(),
        }
    }

    /// Reads one file by its path relative to the manifests root (`profiles/default.yaml`).
    pub fn read(&self, rel: &str) -> Result<String, ManifestError> {
        match self {
            Self::Embedded => embedded::FILES
                .iter()
                .find(|(p, _)| *p == rel)
                .map(|(_, c)| (*c).to_string())
                .ok_or_else(|| ManifestError::NotFound { path: rel.to_string(), source_desc: self.describe() }),
            Self::Dir(d) => {
                let path = d.join(rel);
                std::fs::read_to_string(&path).map_err(|err| {
                    if err.kind() == std::io::ErrorKind::NotFound {
                        ManifestError::NotFound { path: rel.to_string(), source_desc: self.describe() }
                    } else {
                        ManifestError::Io { path, err }
                    }
                })
            }
        }
    }

    /// Lists the files below `rel_dir` (recursively), as paths relative to the manifests root, sorted.
    pub fn list(&self, rel_dir: &str) -> Result<Vec<String>, ManifestError> {
        let prefix = format!("{}/", rel_dir.trim_end_matches('/'));
        match self {
            Self::Embedded => {
                Ok(embedded::FILES.iter().map(|(p, _)| (*p).to_string()).filter(|p| p.starts_with(&prefix)).collect())
            }
            Self::Dir(d) => {
                let mut out = Vec::new();
                let mut stack = vec![d.join(rel_dir)];
                while let Some(dir) = stack.pop() {
                    let entries =
                        std::fs::read_dir(&dir).map_err(|err| ManifestError::Io { path: dir.clone(), err })?;
                    for entry in entries {
                        let path = entry.map_err(|err| ManifestError::Io { path: dir.clone(), err })?.path();
                        if path.is_dir() {
                            stack.push(path);
                        } else if let Ok(rel) = path.strip_prefix(d) {
                            out.push(rel.to_string_lossy().replace('\\', "/"));
                        }
                    }
                }
                out.sort();
                Ok(out)
            }
        }
    }
}
