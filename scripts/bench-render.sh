#!/usr/bin/env bash
# Rendering benchmarks (docs/benchmarks.md):
#  1. in-process: `istioctl::render::generate` of the default profile, N times, embedded charts and
#     upstream's charts (`cargo bench --bench render`);
#  2. as processes, in one hyperfine run: `istioctl manifest generate --manifests UPSTREAM` against
#     `helm template` of the same charts with the values istioctl passes (one helm process per chart,
#     run one after the other by a generated script), and the ratio of the two.
#
# Usage: scripts/bench-render.sh [N]   (N in-process renders, default 20; RUNS hyperfine runs, default 20)
# Env: UPSTREAM_MANIFESTS (upstream Istio `manifests/` dir; default ../upstream/manifests or
#      ../../upstream/manifests from the repo root), HELM (a helm binary; else scripts/bench-helm.sh
#      finds or fetches one), CPU (taskset CPU list, default 0: one core), OUT (output dir).
# Without upstream charts or helm the corresponding parts are skipped with a message; exit status 0.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N="${1:-20}"
RUNS="${RUNS:-20}"
CPU="${CPU:-0}"
OUT="${OUT:-$ROOT/target/bench-render}"
mkdir -p "$OUT"

pin() { if command -v taskset >/dev/null 2>&1; then taskset -c "$CPU" "$@"; else "$@"; fi; }

UP="${UPSTREAM_MANIFESTS:-}"
if [[ -z "$UP" ]]; then
  for cand in "$ROOT/../upstream/manifests" "$ROOT/../../upstream/manifests"; do
    if [[ -d "$cand/charts" ]]; then UP="$(cd "$cand" && pwd)"; break; fi
  done
fi

echo "== build (release)"
# One build for the binary and the bench (benches pull in dev-dependencies; building the binary
# alone would resolve features differently and rebuild everything).
cargo build --release --quiet --bin istioctl --bench render
ISTIOCTL="$ROOT/target/release/istioctl"

echo "== 1. in-process render, embedded charts ($N renders, pinned to CPU $CPU)"
pin env -u UPSTREAM_MANIFESTS cargo bench --quiet --bench render -- "$N"
if [[ -n "$UP" && -d "$UP/charts" ]]; then
  echo "== 1. in-process render, upstream charts at $UP"
  UPSTREAM_MANIFESTS="$UP" pin cargo bench --quiet --bench render -- "$N"
else
  echo "== skipped: upstream charts (set UPSTREAM_MANIFESTS to Istio's manifests/ directory)"
  exit 0
fi

if ! HELM_BIN="$(bash "$ROOT/scripts/bench-helm.sh")"; then
  echo "== skipped: helm comparison (no helm; scripts/bench-helm.sh could not provide one)"
  exit 0
fi
echo "== helm: $HELM_BIN ($("$HELM_BIN" version --short 2>/dev/null || echo unknown version))"

# The charts and values istioctl renders for the default profile, then one helm call per chart.
VALUES="$OUT/values"
rm -rf "$VALUES"
UPSTREAM_MANIFESTS="$UP" cargo bench --quiet --bench render -- --write-values "$VALUES"
HELM_SCRIPT="$OUT/helm-template.sh"
{
  echo "#!/usr/bin/env bash"
  echo "# helm template of the default profile's charts with istioctl's values (generated)."
  echo "set -e"
  while IFS=$'\t' read -r chart ns values; do
    printf '%q template istio %q -n %q --kube-version 1.32.0 -f %q\n' "$HELM_BIN" "$UP/$chart" "$ns" "$values"
  done < "$VALUES/plan.tsv"
} > "$HELM_SCRIPT"
chmod +x "$HELM_SCRIPT"
OURS=("$ISTIOCTL" manifest generate --manifests "$UP")

# Sanity check: both produce the same set of objects (kind and name).
objects() {
  python3 -c '
import re, sys
for doc in re.split(r"^---.*$", sys.stdin.read(), flags=re.M):
    kind = re.search(r"^kind: *(\S+)", doc, re.M)
    meta = re.search(r"^metadata:\n((?:[ #].*\n?)*)", doc, re.M)
    name = meta and re.search(r"^  name: *(\S+)", meta.group(1), re.M)
    if kind:
        print(kind.group(1), name.group(1) if name else "")
' | sort
}
"${OURS[@]}" > "$OUT/ours.yaml"
"$HELM_SCRIPT" > "$OUT/helm.yaml"
ours_n="$(objects < "$OUT/ours.yaml" | wc -l)"
helm_n="$(objects < "$OUT/helm.yaml" | wc -l)"
echo "== objects: istioctl $ours_n, helm template $helm_n ($(wc -c < "$OUT/ours.yaml") vs $(wc -c < "$OUT/helm.yaml") bytes)"
if ! diff <(objects < "$OUT/ours.yaml") <(objects < "$OUT/helm.yaml") > "$OUT/objects.diff"; then
  echo "   object sets differ, see $OUT/objects.diff"
fi

echo "== 2. processes, pinned to CPU $CPU ($RUNS runs each)"
if command -v hyperfine >/dev/null 2>&1; then
  pin hyperfine --warmup 2 --runs "$RUNS" --export-json "$OUT/hyperfine.json" --export-markdown "$OUT/hyperfine.md" \
    -n "istioctl manifest generate --manifests upstream" "$(printf '%q ' "${OURS[@]}")" \
    -n "istioctl manifest generate (embedded charts)" "$(printf '%q ' "$ISTIOCTL" manifest generate)" \
    -n "helm template (3 upstream charts)" "$HELM_SCRIPT"
  python3 - "$OUT/hyperfine.json" <<'EOF'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
med = [statistics.median(x["times"]) * 1000 for x in r]
helm = med[-1]
for x, m in zip(r[:-1], med):
    print(f"== median {m:.1f} ms: {x['command']}: {helm / m:.1f}x faster than helm ({helm:.1f} ms; goal >= 30x)")
EOF
else
  echo "hyperfine not installed (apt-get install -y hyperfine); plain loop, medians:"
  median_ms() {
    local t=()
    for _ in $(seq "$RUNS"); do
      local s; s=$(date +%s%N); "$@" > /dev/null; t+=($(( ($(date +%s%N) - s) / 1000 )))
    done
    printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
  }
  a="$(median_ms pin "${OURS[@]}")"; b="$(median_ms pin "$HELM_SCRIPT")"
  echo "istioctl $a ms, helm $b ms -> $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f", b/a}')x"
fi
