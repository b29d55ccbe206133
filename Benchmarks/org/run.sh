#!/usr/bin/env bash
# Org charts (issue 4): the peers' 1k and 10k-node trees rendered to PDF, whole process, beside
# Graphviz `dot -Tpdf` on the same trees when it is installed. Called by Benchmarks/run.sh or alone.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO=${FOLIO:-$ROOT/.build/release/folio}; WORK=${WORK:-/tmp/folio-bench}; RUNS=${RUNS:-5}
PEERS=${PEERS:-$ROOT/../shared/peers}; BENCH=${BENCH:-python3 $PEERS/bench.py}
row() { local label=$1 n=$2; shift 2; local out; out=$($BENCH -n "$n" --warmup 1 --timeout 900 -- "$@")
  printf "%-40s median %8.0f ms   peak %7.1f MiB   (%s runs)\n" "$label" \
    "$(echo "$(echo "$out" | awk '/wall s/ {print $5}') * 1000" | bc -l)" "$(echo "$out" | awk '/peak MiB/ {print $5}')" "$n"; }
for n in 1000 10000; do
  python3 "$ROOT/Benchmarks/org/generate.py" "$n" --out "$WORK/org" >/dev/null
  pages=$("$FOLIO" render "$WORK/org/org-$n.md" -o "$WORK/org/org-$n.pdf" | sed -E 's/.*\(([0-9]+) pages\)/\1/')
  row "folio render, $n-node org → PDF ($pages pp)" "$RUNS" "$FOLIO" render "$WORK/org/org-$n.md" -o "$WORK/org/org-$n.pdf"
  if command -v dot >/dev/null && [ -f "/tmp/folio-peers/out/gen/org_$n.dot" ]; then
    runs=$RUNS; [ "$n" = 10000 ] && runs=1
    row "dot -Tpdf, $n nodes (peer)" "$runs" dot -Tpdf "/tmp/folio-peers/out/gen/org_$n.dot" -o "$WORK/org/dot-$n.pdf"
  fi
done
