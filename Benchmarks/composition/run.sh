#!/usr/bin/env bash
# Page composition quality: underfull pages (typo.py) and overlaps (overlap.py) for the sample,
# the landscape layout, and a 20-figure document (make_figures.py), in both layouts.
# Usage: Benchmarks/composition/run.sh [FOLIO]   (default .build/release/folio)
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLIO=${1:-.build/release/folio}
TOOLS=${TOOLS:-../shared/tools}
WORK=${BENCH_WORK:-/tmp/folio-composition}
mkdir -p "$WORK"
python3 Benchmarks/composition/make_figures.py "$WORK/figures/figures.md" 20
report() { # LABEL PDF
  printf "%-28s %s | %s\n" "$1" "$(python3 "$TOOLS/typo.py" "$2" | tail -1)" "$(python3 "$TOOLS/overlap.py" "$2" | tail -1)"
}
"$FOLIO" render Assets/briefings/llama-journey.md -o "$WORK/sample.pdf" >/dev/null
report "sample" "$WORK/sample.pdf"
"$FOLIO" render Assets/briefings/llama-journey.md --layout landscape -o "$WORK/landscape.pdf" >/dev/null
report "sample, landscape" "$WORK/landscape.pdf"
"$FOLIO" render "$WORK/figures/figures.md" -o "$WORK/figures.pdf" >/dev/null
report "20 figures" "$WORK/figures.pdf"
"$FOLIO" render "$WORK/figures/figures.md" --layout landscape -o "$WORK/figures-landscape.pdf" >/dev/null
report "20 figures, landscape" "$WORK/figures-landscape.pdf"
