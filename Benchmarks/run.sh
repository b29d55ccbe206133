#!/usr/bin/env bash
# Prints the figures the issues name: whole-process time (median) and peak memory of folio on the
# sample briefing, PNG pages, 10/100/1000-page documents, and (when the peers are installed) Typst
# on the same briefing in the same run.  Usage: Benchmarks/run.sh [--quick]
# Timer: ../shared/peers/bench.py (stdlib only; median wall and peak RSS over N runs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
BENCH="python3 $PEERS/bench.py"
RUNS=10; [ "${1:-}" = "--quick" ] && RUNS=3
WORK=${BENCH_WORK:-/tmp/folio-bench}
mkdir -p "$WORK"
swift build -c release --product folio --static-swift-stdlib >/dev/null
swift build -c release --product FolioHighlight --static-swift-stdlib >/dev/null  # highlighting, loaded on demand
swift build -c release --product FolioPDFTags --static-swift-stdlib >/dev/null  # tagging, loaded on the first PDF
FOLIO=$ROOT/.build/release/folio
SAMPLE=$ROOT/Assets/briefings/llama-journey.md

row() { # LABEL RUNS CMD...
  local label=$1 n=$2; shift 2
  local out; out=$($BENCH -n "$n" --warmup 1 --timeout 600 -- "$@")
  local wall peak
  wall=$(echo "$out" | awk '/wall s/ {print $5}')
  peak=$(echo "$out" | awk '/peak MiB/ {print $5}')
  printf "%-34s median %8.1f ms   peak %7.1f MiB   (%s runs)\n" "$label" "$(echo "$wall * 1000" | bc -l)" "$peak" "$n"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); load now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sample briefing ($(basename "$SAMPLE"))"
row "folio render → PDF" "$RUNS" "$FOLIO" render "$SAMPLE" -o "$WORK/sample.pdf"
row "folio render → PNG pages, 150 dpi" "$RUNS" "$FOLIO" render "$SAMPLE" --format png --dpi 150 -o "$WORK/png"
if python3 -c "import typst" 2>/dev/null; then
  row "typst (Python) → PDF (peer)" "$RUNS" python3 "$PEERS/drive_typst.py" "$PEERS/inputs/briefing.typ" "$WORK/typst.pdf"
  row "typst (Python) → PNG 150 ppi (peer)" "$RUNS" python3 "$PEERS/drive_typst.py" "$PEERS/inputs/briefing.typ" "$WORK/typst-{p}.png" --ppi 150
else
  echo "(typst peer not installed: python3 -m pip install typst)"
fi

echo "== scaling: the article body repeated"
for pages in 10 100 1000; do
  python3 Benchmarks/document/make_doc.py "$pages" "$WORK/doc$pages/doc.md"
  n=$RUNS; [ "$pages" = 1000 ] && n=3
  actual=$("$FOLIO" render "$WORK/doc$pages/doc.md" -o "$WORK/doc$pages.pdf" | sed -E 's/.*\(([0-9]+) pages\)/\1/')
  row "folio render, $actual pages → PDF" "$n" "$FOLIO" render "$WORK/doc$pages/doc.md" -o "$WORK/doc$pages.pdf"
done

for extra in Benchmarks/*/run.sh; do
  [ -x "$extra" ] || continue
  echo "== $(basename "$(dirname "$extra")")"
  FOLIO=$FOLIO WORK=$WORK RUNS=$RUNS BENCH="$BENCH" bash "$extra"
done
