#!/usr/bin/env bash
# Batch benchmark (issue 5): 200 small reports, the sample briefing with 200 different subtitles.
#
# Measures, with the release build:
#   1. per-report cost of `folio render` run once per report (RENDER_SAMPLE of them, default 50)
#   2. one `folio batch --jobs 1` over all 200, and one with --jobs 2 (peak memory via /usr/bin/time)
#   3. a re-run with nothing changed
# Usage: bash Benchmarks/batch/run.sh   (FOLIO=path/to/folio, COUNT=200, RENDER_SAMPLE=50, REPEAT=3)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO="${FOLIO:-}"
if [[ -z "$FOLIO" ]]; then
  for candidate in "$ROOT/.build-batch/release/folio" "$ROOT/.build/release/folio"; do
    if [[ -x "$candidate" ]]; then FOLIO="$candidate"; break; fi
  done
fi
[[ -x "$FOLIO" ]] || { echo "build first: swift build -c release (or set FOLIO=)"; exit 1; }
COUNT="${COUNT:-200}"
RENDER_SAMPLE="${RENDER_SAMPLE:-50}"
WORK="$(mktemp -d /tmp/folio-batch-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
SOURCE="$ROOT/Assets/briefings/llama-journey.md"

# The config: one matrix entry, one source, COUNT sets of front-matter overrides.
{
  echo "output: out"
  echo "matrix:"
  echo "  name: \"report-{set}\""
  echo "  sources: [\"$SOURCE\"]"
  echo "  layouts: [briefing]"
  echo "  sets:"
  for i in $(seq 1 "$COUNT"); do echo "    - { subtitle: \"Edition $i for audience $i\" }"; done
} > "$WORK/reports.yaml"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
now() { date +%s.%N; }

echo "folio: $FOLIO"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $COUNT reports of $(basename "$SOURCE")"

# 1. One process per report.
mkdir -p "$WORK/single"
start=$(now)
for i in $(seq 1 "$RENDER_SAMPLE"); do
  "$FOLIO" render "$SOURCE" --set "subtitle=Edition $i for audience $i" -o "$WORK/single/report-$i.pdf" > /dev/null
done
end=$(now)
single=$(python3 -c "print(($end - $start) / $RENDER_SAMPLE)")
echo "folio render, one process per report: $(seconds "$single") s per report (mean of $RENDER_SAMPLE)"

# 2. One batch process, one worker then two.
# The machine may be shared: each batch figure is the best of REPEAT runs (default 3).
REPEAT="${REPEAT:-3}"
run_batch() { # $1: jobs; prints the best wall seconds, the largest peak KB, the least CPU seconds
  local best="" peak=0 cpu="" start end wall
  for _ in $(seq 1 "$REPEAT"); do
    rm -rf "$WORK/out"
    start=$(now)
    /usr/bin/time -f "%M %U %S" -o "$WORK/mem" "$FOLIO" batch "$WORK/reports.yaml" --jobs "$1" > "$WORK/batch.log"
    end=$(now)
    wall=$(python3 -c "print($end - $start)")
    best=$(python3 -c "print(min(float('${best:-1e9}'), $wall))")
    read -r kb user sys < "$WORK/mem"
    peak=$(python3 -c "print(max($peak, $kb))")
    cpu=$(python3 -c "print(min(float('${cpu:-1e9}'), $user + $sys))")
  done
  echo "$best $peak $cpu"
}
read -r wall1 mem1 cpu1 < <(run_batch 1)
read -r wall2 mem2 cpu2 < <(run_batch 2)
per1=$(python3 -c "print($wall1 / $COUNT)")
per2=$(python3 -c "print($wall2 / $COUNT)")
echo "folio batch --jobs 1: $(seconds "$wall1") s, $(seconds "$per1") s per report, peak $((mem1 / 1024)) MB"
echo "folio batch --jobs 2: $(seconds "$wall2") s, $(seconds "$per2") s per report, peak $((mem2 / 1024)) MB"
echo "  CPU per report: --jobs 1 $(python3 -c "print(f'{$cpu1 / $COUNT * 1000:.0f}')") ms, --jobs 2 $(python3 -c "print(f'{$cpu2 / $COUNT * 1000:.0f}')") ms"
echo "  per-report cost, batch --jobs 1 / render: $(python3 -c "print(f'{$per1 / $single:.2f}')") (target <= 0.50)"
echo "  per-report cost, batch --jobs 2 / render: $(python3 -c "print(f'{$per2 / $single:.2f}')")"
echo "  throughput --jobs 2 / --jobs 1: $(python3 -c "print(f'{$wall1 / $wall2:.2f}')")x (target >= 1.7x)"
echo "  peak memory: $((mem2 / 1024)) MB (target < 400 MB)"
tail -1 "$WORK/batch.log"

# 3. Nothing changed (best of REPEAT).
best=""
for _ in $(seq 1 "$REPEAT"); do
  start=$(now)
  "$FOLIO" batch "$WORK/reports.yaml" > "$WORK/rerun.log"
  end=$(now)
  best=$(python3 -c "print(min(float('${best:-1e9}'), $end - $start))")
done
echo "re-run, nothing changed: $(seconds "$best") s (target < 0.5 s)"
tail -1 "$WORK/rerun.log"
