#!/usr/bin/env bash
# Markdown benchmark (issue 11): a generated manual of about 300 pages that uses section 7 of the
# contract throughout (highlighted code in 11 languages, tables, alerts, task lists, links and
# cross-references), rendered to PDF. Target: under 1 s. Prints the median wall time and the
# median CPU time (user + system) of RUNS runs, and the page count.
# Usage: bash Benchmarks/markdown/run.sh   (FOLIO=path/to/folio, RUNS=10, PAGES=300)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO="${FOLIO:-$ROOT/.build/release/folio}"
[[ -x "$FOLIO" ]] || { echo "build first: swift build -c release --product folio (or set FOLIO=)"; exit 1; }
RUNS="${RUNS:-10}"
PAGES="${PAGES:-300}"
WORK="$(mktemp -d /tmp/folio-markdown-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/Benchmarks/markdown/make_manual.py" "$PAGES" "$WORK/manual.md"
"$FOLIO" render "$WORK/manual.md" -o "$WORK/manual.pdf" > "$WORK/first.txt" 2>&1
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "manual: $(wc -c < "$WORK/manual.md") bytes of Markdown; $(grep -o '([0-9]* pages)' "$WORK/first.txt")"
python3 - "$RUNS" "$FOLIO" "$WORK" <<'PY'
import os, statistics, subprocess, sys, time
runs, folio, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
walls, cpus = [], []
for _ in range(runs):
    before = os.times()
    start = time.perf_counter()
    subprocess.run([folio, "render", f"{work}/manual.md", "-o", f"{work}/manual.pdf"], check=True, capture_output=True)
    walls.append(time.perf_counter() - start)
    after = os.times()
    cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
print(f"folio render manual -> PDF: median {statistics.median(walls) * 1000:.0f} ms wall, "
      f"{statistics.median(cpus) * 1000:.0f} ms CPU (min {min(walls) * 1000:.0f} ms, max {max(walls) * 1000:.0f} ms, {runs} runs)")
PY
