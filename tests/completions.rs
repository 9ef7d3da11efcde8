//! The completion scripts checked in under `completions/` must be what `istioctl completion <shell>` prints.
//! Refresh them with `UPDATE_COMPLETIONS=1 cargo test --test completions`.

use std::path::PathBuf;

/// Each shell and the file its script is kept in.
const SCRIPTS: &[(&str, &str)] =
    &[("bash", "istioctl.bash"), ("zsh", "_istioctl"), ("fish", "istioctl.fish"), ("powershell", "_istioctl.ps1")];

#[test]
fn checked_in_completions_are_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("istioctl"))
            .args(["completion", shell])
            .output()
            .unwrap_or_else(|e| panic!("running istioctl completion {shell}: {e}"));
        assert!(out.status.success(), "istioctl completion {shell} failed: {}", String::from_utf8_lossy(&out.stderr));
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
            std::fs::write(&path, &out.stdout).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        } else if std::fs::read(&path).ok().as_deref() != Some(out.stdout.as_slice()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "completion scripts are missing or stale: {}\nrefresh them with: UPDATE_COMPLETIONS=1 cargo test --test completions",
        stale.join(", ")
    );
}
