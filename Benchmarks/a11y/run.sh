#!/usr/bin/env bash
# Cost of tagging (structure tree, qpdf post-processing) on the sample briefing's PDF: median wall
# and CPU time of `folio render` tagged, untagged (the same build with FOLIO_BENCH_UNTAGGED=1), with
# the standards, and, when BASE_FOLIO names a
# binary built before tagging (e.g. from commit de394bc), the same render with it and the ratio.
# Usage: Benchmarks/a11y/run.sh  (FOLIO, WORK, RUNS as Benchmarks/run.sh sets them; BASE_FOLIO optional)
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLIO=${FOLIO:-.build/release/folio}
WORK=${WORK:-/tmp/folio-bench}
RUNS=${RUNS:-10}
SAMPLE=Assets/briefings/llama-journey.md
TIMER="python3 Benchmarks/a11y/cputime.py"
mkdir -p "$WORK"

measure() { # LABEL CMD...
  local label=$1; shift
  local out; out=$($TIMER "$RUNS" -- "$@")
  local wall cpu
  wall=$(echo "$out" | awk '/^wall ms/ {print $3}')
  cpu=$(echo "$out" | awk '/^cpu ms/ {print $3}')
  printf "%-44s wall %8.1f ms   cpu %8.1f ms   (%s runs)\n" "$label" "$wall" "$cpu" "$RUNS" >&2
  echo "$wall $cpu"
}

tagged=$(measure "sample → tagged PDF" "$FOLIO" render "$SAMPLE" -o "$WORK/a11y.pdf")
# The same build without the tree and the qpdf pass (FOLIO_BENCH_UNTAGGED=1): what tagging costs.
untagged=$(measure "sample → untagged PDF (same build)" env FOLIO_BENCH_UNTAGGED=1 "$FOLIO" render "$SAMPLE" -o "$WORK/a11y-untagged.pdf")
echo "$tagged $untagged" | awk '{ printf "tagged / untagged: wall %.3f, cpu %.3f (budget 1.15)\n", $1 / $3, $2 / $4 }' >&2
measure "sample → PDF/UA-1 + PDF/A-2b" "$FOLIO" render "$SAMPLE" --pdf-standard ua-1 --pdf-standard a-2b -o "$WORK/a11y-ua-a.pdf" >/dev/null
if [ -n "${BASE_FOLIO:-}" ]; then
  base=$(measure "sample → PDF, before tagging (BASE_FOLIO)" "$BASE_FOLIO" render "$SAMPLE" -o "$WORK/a11y-base.pdf")
  echo "$tagged $base" | awk '{ printf "tagged / before: wall %.3f, cpu %.3f (budget 1.15)\n", $1 / $3, $2 / $4 }' >&2
fi

# The structure checks of TaggedPDFTests on Folio's PDF/UA-1 output and, where Typst is installed
# (the peers' harness: pip install typst), on Typst's ua-1 output of the same article, side by side.
PEERS=${PEERS:-../shared/peers}
"$FOLIO" render "$SAMPLE" --pdf-standard ua-1 -o "$WORK/a11y-folio-ua.pdf" >/dev/null
files=("$WORK/a11y-folio-ua.pdf")
if python3 -c "import typst" 2>/dev/null && [ -f "$PEERS/inputs/briefing.typ" ]; then
  (cd "$PEERS" && python3 -c "import sys, typst; typst.compile('inputs/briefing.typ', output=sys.argv[1], root='.', pdf_standards=['ua-1'])" \
    "$WORK/a11y-typst-ua.pdf") && files+=("$WORK/a11y-typst-ua.pdf")
fi
python3 Benchmarks/a11y/structure.py "${files[@]}" >&2
