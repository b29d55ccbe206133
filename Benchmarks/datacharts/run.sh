#!/usr/bin/env bash
# Data charts (issue 14): `folio charts` to PNG for a 10,000-point line, a 1,000-bar chart and a
# 100,000-point line, whole process, beside matplotlib and Vega-Lite (vl-convert) on the same data
# when they are installed (../shared/peers/setup.sh). Called by Benchmarks/run.sh or alone after a release build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO=${FOLIO:-$ROOT/.build/release/folio}; WORK=${WORK:-/tmp/folio-bench}; RUNS=${RUNS:-5}
PEERS=${PEERS:-$ROOT/../shared/peers}; BENCH=${BENCH:-python3 $PEERS/bench.py}
HERE="$ROOT/Benchmarks/datacharts"; IN="$WORK/datacharts"
row() { local label=$1 n=$2; shift 2; local out; out=$($BENCH -n "$n" --warmup 1 --timeout 900 -- "$@")
  printf "%-44s median %8.0f ms   peak %7.1f MiB   (%s runs)\n" "$label" \
    "$(echo "$(echo "$out" | awk '/wall s/ {print $5}') * 1000" | bc -l)" "$(echo "$out" | awk '/peak MiB/ {print $5}')" "$n"; }
python3 "$HERE/generate.py" -o "$IN"
for name in line-10000 bars-1000 line-100000; do
  row "folio charts, $name → PNG" "$RUNS" "$FOLIO" charts "$IN/$name.md" -o "$IN/out" --format png
done
if python3 -c "import matplotlib" 2>/dev/null; then
  row "matplotlib, line-10000 → PNG (peer)" 3 python3 "$HERE/drive_mpl.py" "$IN/line-10000.csv" line "$IN/mpl-line.png"
  row "matplotlib, bars-1000 → PNG (peer)" 3 python3 "$HERE/drive_mpl.py" "$IN/bars-1000.csv" bar "$IN/mpl-bars.png"
else echo "(matplotlib not installed: python3 -m pip install matplotlib)"; fi
if python3 -c "import vl_convert" 2>/dev/null; then
  row "vl-convert, line-10000 → PNG (peer)" 3 python3 "$PEERS/drive_vl.py" "$IN/line-10000.vl.json" "$IN/vl-line.png"
  row "vl-convert, bars-1000 → PNG (peer)" 3 python3 "$PEERS/drive_vl.py" "$IN/bars-1000.vl.json" "$IN/vl-bars.png"
else echo "(vl-convert not installed: python3 -m pip install vl-convert-python)"; fi
