#!/usr/bin/env bash
# Timeline charts (issue 3): `folio charts` to PNG for 1k/10k/100k-event timelines, whole process,
# beside matplotlib on the peers' 1k/10k inputs when it is installed. Called by Benchmarks/run.sh
# (FOLIO, WORK, RUNS, BENCH set there) or alone after a release build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO=${FOLIO:-$ROOT/.build/release/folio}; WORK=${WORK:-/tmp/folio-bench}; RUNS=${RUNS:-5}
PEERS=${PEERS:-$ROOT/../shared/peers}; BENCH=${BENCH:-python3 $PEERS/bench.py}
row() { local label=$1 n=$2; shift 2; local out; out=$($BENCH -n "$n" --warmup 1 --timeout 900 -- "$@")
  printf "%-40s median %8.0f ms   peak %7.1f MiB   (%s runs)\n" "$label" \
    "$(echo "$(echo "$out" | awk '/wall s/ {print $5}') * 1000" | bc -l)" "$(echo "$out" | awk '/peak MiB/ {print $5}')" "$n"; }
python3 "$ROOT/Benchmarks/timeline/generate.py" -o "$WORK/timeline" 1000 10000 100000 >/dev/null
for n in 1000 10000 100000; do
  runs=$RUNS; [ "$n" = 100000 ] && runs=3
  row "folio charts, $n events → PNG" "$runs" "$FOLIO" charts "$WORK/timeline/timeline-$n.md" -o "$WORK/timeline/out" --format png
done
if python3 -c "import matplotlib" 2>/dev/null && [ -f /tmp/folio-peers/out/gen/timeline_1000.json ]; then
  row "matplotlib, 1000 events → PNG (peer)" 3 python3 "$PEERS/drive_mpl.py" /tmp/folio-peers/out/gen/timeline_1000.json "$WORK/mpl-1000.png"
  row "matplotlib, 10000 events → PNG (peer)" 1 python3 "$PEERS/drive_mpl.py" /tmp/folio-peers/out/gen/timeline_10000.json "$WORK/mpl-10000.png"
else
  echo "(matplotlib peer not run: pip install matplotlib, then ../shared/peers/run.sh --quick to generate its inputs)"
fi
