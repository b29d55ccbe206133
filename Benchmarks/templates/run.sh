#!/usr/bin/env bash
# Templates benchmark (issue 10): 1,000 reports from one 1,000-row CSV, `folio batch --jobs 2`.
#
# Measures, with the release build:
#   1. one `folio render` of the same template (mean of RENDER_SAMPLE runs, each another region)
#   2. `folio batch --jobs 2` over all rows: wall time per report, peak memory (/usr/bin/time),
#      and the time spent rendering templates (FOLIO_TRACE_TEMPLATES=1, summed over both workers)
# Targets: per report ≤ 0.25 of one render; templates < 5% of the total; peak < 400 MB.
# Usage: bash Benchmarks/templates/run.sh   (FOLIO=path/to/folio, ROWS=1000, RENDER_SAMPLE=20)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO="${FOLIO:-$ROOT/.build/release/folio}"
[[ -x "$FOLIO" ]] || { echo "build first: swift build -c release --product folio (or set FOLIO=)"; exit 1; }
ROWS="${ROWS:-1000}"
RENDER_SAMPLE="${RENDER_SAMPLE:-20}"
WORK="$(mktemp -d /tmp/folio-templates-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/Benchmarks/templates/generate.py" "$WORK" "$ROWS"
now() { date +%s.%N; }
py() { python3 -c "print($1)"; }

echo "folio: $FOLIO"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $ROWS reports from a $ROWS-row CSV"

# 1. One process per report.
start=$(now)
for i in $(seq 1 "$RENDER_SAMPLE"); do
  region=$(printf "Region %04d" "$i")
  "$FOLIO" render "$WORK/report.md" --param "region=$region" -o "$WORK/single-$i.pdf" > /dev/null
done
end=$(now)
single=$(py "($end - $start) / $RENDER_SAMPLE")
pages=$(pdfinfo "$WORK/single-1.pdf" | awk '/^Pages/ {print $2}')
echo "folio render, one process per report: $(py "f'{$single * 1000:.0f}'") ms per report ($pages pages; mean of $RENDER_SAMPLE)"

# 2. The batch, two workers, template time traced.
start=$(now)
FOLIO_TRACE_TEMPLATES=1 /usr/bin/time -f "%M %U %S" -o "$WORK/mem" "$FOLIO" batch "$WORK/reports.yaml" --jobs 2 > "$WORK/batch.log" 2> "$WORK/trace.log"
end=$(now)
wall=$(py "$end - $start")
read -r kb user sys < "$WORK/mem"
template_ms=$(awk '/trace: templates/ {print $3}' "$WORK/trace.log")
renders=$(awk '/trace: templates/ {print $6}' "$WORK/trace.log")
per=$(py "$wall / $ROWS")
cpu=$(py "$user + $sys")
tail -1 "$WORK/batch.log"
echo "folio batch --jobs 2: $(py "f'{$wall:.2f}'") s, $(py "f'{$per * 1000:.1f}'") ms per report, CPU $(py "f'{$cpu:.1f}'") s"
echo "  per-report cost / one render: $(py "f'{$per / $single:.3f}'") (target <= 0.25)"
echo "  template rendering: $(py "f'{$template_ms:.0f}'") ms CPU in $renders renders = $(py "f'{$template_ms / 1000 / $cpu * 100:.2f}'")% of the batch's CPU time, $(py "f'{$template_ms / 1000 / 2 / $wall * 100:.2f}'")% of its wall time over 2 workers (target < 5%)"
echo "  peak memory: $((kb / 1024)) MB (target < 400 MB)"

# 3. One row changed: only its report is rebuilt.
python3 - "$WORK/regions.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().split("\n")
cells = lines[500].split(",")
cells[3] = str(int(cells[3]) + 1)
lines[500] = ",".join(cells)
open(path, "w").write("\n".join(lines))
PY
start=$(now)
"$FOLIO" batch "$WORK/reports.yaml" --jobs 2 > "$WORK/rerun.log"
end=$(now)
echo "one CSV row changed: $(tail -1 "$WORK/rerun.log" | sed 's/ · .*//') in $(py "f'{$end - $start:.2f}'") s"
