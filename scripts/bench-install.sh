#!/usr/bin/env bash
# Install benchmark of issue #6 (docs/benchmarks.md, "install vs kubectl apply --server-side"):
# wall time of `istioctl install -y -f samples/istio.yaml` against the Kubernetes API emulator with LATENCY
# (default 20ms) added to every request, compared in the same run with `kubectl apply --server-side` of
# the same rendered objects. Every run gets a fresh emulator, so both sides always write into an empty
# cluster; the two sides alternate within each run so that load from other processes hits both alike.
#
#   istioctl: checks/creates the istio-system namespace, applies each component (CRDs first, waited for
#             until Established), waits for readiness, prunes, applies the default revision tag webhooks.
#   kubectl:  one `kubectl apply --server-side --validate=false --force-conflicts
#             --field-manager=istio-operator` of a file holding a Namespace istio-system followed by the
#             objects `istioctl manifest generate -f samples/istio.yaml` prints; cold discovery cache
#             (a fresh --cache-dir per run: istioctl has no disk cache either); no waiting, no prune.
#
# Usage: scripts/bench-install.sh   (RUNS default 7; LATENCY default 20ms; OUT default target/bench-install;
#        KUBECTL overrides target/tools/kubectl, which scripts/install-kubectl.sh provides;
#        NO_BUILD=1 uses the release binaries as they are; ISTIOCTL=path measures another istioctl build)
# Prints each run, then medians, min–max and request counts (from the emulator's --log-requests).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-7}"
LATENCY="${LATENCY:-20ms}"
OUT="${OUT:-$ROOT/target/bench-install}"
IOP="$ROOT/samples/istio.yaml"
mkdir -p "$OUT"

if [[ -z "${NO_BUILD:-}" ]]; then
  echo "== build (release)"
  cargo build --release --quiet --bin istioctl --example kube-emulator </dev/null
fi
ISTIOCTL="${ISTIOCTL:-$ROOT/target/release/istioctl}"
EMULATOR="$ROOT/target/release/examples/kube-emulator"
KUBECTL="${KUBECTL:-$ROOT/target/tools/kubectl}"
if [[ ! -x "$KUBECTL" ]]; then
  scripts/install-kubectl.sh >&2
  KUBECTL="$ROOT/target/tools/kubectl"
fi

MANIFEST="$OUT/manifest.yaml"
{
  printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\n'
  "$ISTIOCTL" manifest generate -f "$IOP"
} > "$MANIFEST"
echo "== $(grep -c '^kind:' "$MANIFEST") objects (Namespace + rendered), latency $LATENCY per request, $RUNS runs"

EMU_PID=""
stop_emulator() {
  if [[ -n "$EMU_PID" ]]; then
    kill "$EMU_PID" 2>/dev/null || true
    wait "$EMU_PID" 2>/dev/null || true
    EMU_PID=""
  fi
}
trap stop_emulator EXIT

# start_emulator DIR: a fresh emulator logging requests to DIR/requests; its kubeconfig is DIR/kubeconfig.
start_emulator() {
  local dir="$1"
  rm -rf "$dir" && mkdir -p "$dir"
  "$EMULATOR" --listen 127.0.0.1:0 --kubeconfig "$dir/kubeconfig" --latency "$LATENCY" --log-requests \
    > "$dir/stdout" 2> "$dir/requests" &
  EMU_PID=$!
  until grep -q '^ready$' "$dir/stdout" 2>/dev/null; do
    kill -0 "$EMU_PID" 2>/dev/null || { echo "emulator died: $(cat "$dir/requests")" >&2; exit 1; }
    sleep 0.02
  done
}

# finish DIR: lets the emulator print its last log batch (every 100 ms), stops it, prints the request count.
finish() {
  sleep 0.3
  stop_emulator
  grep -c '' "$1/requests" || true
}

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }

# run_side NAME: one timed run of one side against a fresh emulator; appends "ms requests" to OUT/NAME.
run_side() {
  local name="$1" dir="$OUT/$1" start end
  start_emulator "$dir"
  start=$(now_ms)
  case "$name" in
    istioctl)
      "$ISTIOCTL" install -y -f "$IOP" --kubeconfig "$dir/kubeconfig" > "$dir/out" 2>&1 \
        || { cat "$dir/out" >&2; exit 1; } ;;
    kubectl)
      "$KUBECTL" --kubeconfig "$dir/kubeconfig" --cache-dir "$dir/cache" apply --server-side \
        --validate=false --force-conflicts --field-manager=istio-operator -f "$MANIFEST" > "$dir/out" 2>&1 \
        || { cat "$dir/out" >&2; exit 1; } ;;
  esac
  end=$(now_ms)
  local requests
  requests=$(finish "$dir")
  echo "$((end - start)) $requests" >> "$OUT/$name.times"
  cp "$dir/requests" "$OUT/$name.requests.last"
  printf '   %-8s %6d ms  %4d requests\n' "$name" "$((end - start))" "$requests"
}

rm -f "$OUT"/istioctl.times "$OUT"/kubectl.times
for i in $(seq "$RUNS"); do
  echo "-- run $i"
  if (( i % 2 )); then run_side istioctl; run_side kubectl; else run_side kubectl; run_side istioctl; fi
done

# summary FILE: "median min max" of the times, and the median request count.
summary() {
  python3 - "$1" <<'EOF'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
ms = [r[0] for r in rows]; req = [r[1] for r in rows]
print(statistics.median(ms), min(ms), max(ms), statistics.median(req))
EOF
}
read -r i_med i_min i_max i_req < <(summary "$OUT/istioctl.times")
read -r k_med k_min k_max k_req < <(summary "$OUT/kubectl.times")
echo "== medians over $RUNS runs (min–max), requests per run"
printf '   istioctl install        %7s ms (%s–%s)  %s requests\n' "$i_med" "$i_min" "$i_max" "$i_req"
printf '   kubectl apply --server-side %3s ms (%s–%s)  %s requests\n' "$k_med" "$k_min" "$k_max" "$k_req"
python3 -c "import sys; r=float(sys.argv[1])/float(sys.argv[2]); print(f'   ratio istioctl/kubectl: {r:.2f}x (goal <= 0.5x: {\"met\" if r <= 0.5 else \"not met\"})')" \
  "$i_med" "$k_med"
echo "   request logs of the last run: $OUT/istioctl.requests.last, $OUT/kubectl.requests.last"
