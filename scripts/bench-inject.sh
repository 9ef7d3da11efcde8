#!/usr/bin/env bash
# kube-inject benchmarks (docs/benchmarks.md), all pinned to one core:
#  1. in-process (`cargo bench --bench inject`): workloads/s of kube-inject over a generated stream of
#     Deployments, the fixed configuration cost, and parsing + re-emitting the same stream as baseline;
#  2. the release binary, `istioctl kube-inject -f FILE`, for streams of N and 4N Deployments:
#     median wall time over RUNS runs and peak memory (max RSS from /usr/bin/time -v), so that memory
#     growth with stream length is visible.
#
# Usage: scripts/bench-inject.sh [N]   (default 1000; RUNS default 5; CPU default 0; OUT output dir)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N="${1:-1000}"
RUNS="${RUNS:-5}"
CPU="${CPU:-0}"
OUT="${OUT:-$ROOT/target/bench-inject}"
mkdir -p "$OUT"
# No cluster: kube-inject uses the default profile's configuration, as the in-process bench does.
export KUBECONFIG=/nonexistent ENABLE_NATIVE_SIDECARS=false

pin() { if command -v taskset >/dev/null 2>&1; then taskset -c "$CPU" "$@"; else "$@"; fi; }

echo "== build (release)"
# One build for the binary and the bench (benches pull in dev-dependencies; building the binary
# alone would resolve features differently and rebuild everything).
cargo build --release --quiet --bin istioctl --bench inject
ISTIOCTL="$ROOT/target/release/istioctl"

echo "== 1. in-process, CPU $CPU"
pin cargo bench --quiet --bench inject -- "$N" --runs "$RUNS"

echo "== 2. istioctl kube-inject -f FILE > /dev/null, CPU $CPU, median of $RUNS runs"
TIME=/usr/bin/time
if [[ ! -x "$TIME" ]]; then echo "   (no /usr/bin/time: apt-get install -y time; max RSS not measured)"; fi
for n in "$N" $((N * 4)); do
  file="$OUT/deployments-$n.yaml"
  cargo bench --quiet --bench inject -- "$n" --write "$file" > /dev/null
  walls=() rss=() cpus=()
  for _ in $(seq "$RUNS"); do
    if [[ -x "$TIME" ]]; then
      pin "$TIME" -v "$ISTIOCTL" kube-inject -f "$file" > /dev/null 2> "$OUT/time.txt"
      walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s * 1000}' "$OUT/time.txt")")
      rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")")
      cpus+=("$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s * 1000}' "$OUT/time.txt")")
    else
      s=$(date +%s%N); pin "$ISTIOCTL" kube-inject -f "$file" > /dev/null 2>&1; walls+=($(( ($(date +%s%N) - s) / 1000000 )))
      rss+=(0) cpus+=(0)
    fi
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
  wall="$(med "${walls[@]}")"; kb="$(med "${rss[@]}")"; cpu="$(med "${cpus[@]}")"
  awk -v n="$n" -v w="$wall" -v c="$cpu" -v kb="$kb" -v b="$(wc -c < "$file")" 'BEGIN {
    printf "   %5d Deployments (%.1f MB in): wall %.0f ms -> %.0f workloads/s; cpu (user+sys) %.0f ms -> %.0f workloads/s; max RSS %.1f MB\n",
      n, b / 1e6, w, (w > 0 ? n / (w / 1000) : 0), c, (c > 0 ? n / (c / 1000) : 0), kb / 1024 }'
done
